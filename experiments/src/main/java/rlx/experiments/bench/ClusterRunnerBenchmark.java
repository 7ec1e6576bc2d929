package rlx.experiments.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.actors.RunnerBenchmark;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.cluster.LearnerNode;
import rlx.trainers.cluster.NodeCommand;
import rlx.trainers.cluster.NodeConfig;
import rlx.trainers.cluster.RunSpec;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * {@link RunnerBenchmark} with the runners on worker JVMs: this JVM becomes a learner node on loopback whose stand-in
 * learner counts rollouts, and starts {@code workers} {@code rlx worker} processes (same java, classpath and JVM
 * flags) that share the runners between them. Rollouts cross JVMs as Jackson CBOR over Artery TCP.
 */
public final class ClusterRunnerBenchmark {

    private ClusterRunnerBenchmark() {
    }

    public static RunnerBenchmark.Result run(PgConfig config, TrainSettings settings, EnvRegistry registry,
                                             int inputSize, int numActions, int runners, int workers, int port,
                                             double warmupSeconds, double seconds) throws IOException {
        // fewer runners than workers: one runner per worker, on as many workers as there are runners
        int nodes = Math.min(workers, runners);
        CompletableFuture<RunnerBenchmark.Result> result = new CompletableFuture<>();
        CompletableFuture<TrainOutcome> over = new CompletableFuture<>();
        var counter = RunnerBenchmark.counter(config, settings, registry, inputSize, numActions, 0, runners,
                warmupSeconds, seconds, result);
        var layout = rlx.networks.ac.ActorCriticNetwork.create(config.network(), config.losses(), inputSize, numActions,
                0).layout();
        RunSpec spec = new RunSpec.PolicyGradient(PgAlgorithmKind.PPO, config, settings, inputSize, numActions, layout,
                0);
        ActorSystem<NodeCommand> system = ActorSystem.create(LearnerNode.create(remoteRunners -> counter, spec, nodes, 0, over),
                NodeConfig.SYSTEM_NAME, NodeConfig.learner(ClusterSettings.learner(ClusterSettings.LOOPBACK, port,
                        nodes)));
        List<Process> children = new ArrayList<>();
        try {
            for (int w = 0; w < nodes; w++) {
                children.add(startWorker(port, runners / nodes + (w < runners % nodes ? 1 : 0)));
            }
            RunnerBenchmark.Result r = result.get(120 + (long) (warmupSeconds + seconds), TimeUnit.SECONDS);
            // the workers are told the run is over when the stand-in learner stops
            over.complete(new TrainOutcome(r.envSteps(), 0, r.seconds(), r.stepsPerSecond(),
                    new EvalRecord(0, 0, Double.NaN, Double.NaN, Double.NaN, true)));
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the worker JVMs did not deliver rollouts: " + e, e);
        } finally {
            for (Process p : children) {
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // measured already
            }
        }
    }

    private static Process startWorker(int port, int runners) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same heap and JavaCPP flags as this JVM (the launcher's), so both sides run alike
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "rlx.experiments.cli.RlxCommand",
                "worker", "--join", ClusterSettings.LOOPBACK + ":" + port, "--runners", Integer.toString(runners)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }
}
