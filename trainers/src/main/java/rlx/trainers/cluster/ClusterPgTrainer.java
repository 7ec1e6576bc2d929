package rlx.trainers.cluster;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.actors.ActorPgTrainer;
import rlx.trainers.actors.LearnerHost;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.pg.PgAlgorithmKind;
import rlx.trainers.pg.PgRun;

/**
 * {@code cluster.role = learner}: runs A2C, PPO or A3C with the learner in this JVM, which becomes a Pekko Cluster
 * node that worker nodes ({@link ClusterWorker}) join with their own env runners. {@code agent.runtime.runners} local
 * runners run here too (0: all collection happens on workers). Worker nodes may join and leave at any time; the first
 * round waits for {@code cluster.min-workers} of them.
 */
public final class ClusterPgTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterPgTrainer.class);
    /** Longest wait, once the run is over, for the node to tell its workers and leave the cluster. */
    private static final long LEAVE_TIMEOUT_SECONDS = 30;

    private final PgAlgorithmKind kind;
    private final PgConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private final ClusterSettings cluster;

    public ClusterPgTrainer(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, EnvRegistry registry,
                            Path checkpointDir, TrainingListener listener, ClusterSettings cluster) {
        if (!cluster.isLearner()) {
            throw new IllegalArgumentException("ClusterPgTrainer needs cluster.role = learner, not " + cluster.role());
        }
        this.kind = kind;
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
        this.cluster = cluster;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        kind.requireSupported(config);
        PgRun run = new PgRun(config, settings, registry, checkpointDir, listener, resume);
        CompletableFuture<TrainOutcome> outcome = new CompletableFuture<>();
        int localRunners = config.runtime().runners();
        ActorPgTrainer local = new ActorPgTrainer(kind, config, settings, registry, checkpointDir, listener);
        java.util.function.IntFunction<Behavior<LearnerCommand>> learner =
                remoteRunners -> local.learner(run, outcome, localRunners, remoteRunners);
        RunSpec spec = new RunSpec.PolicyGradient(kind, config, settings, run.inputSize(), run.numActions(),
                run.layout(), run.resumes());
        return runLearnerNode(cluster, learner, spec, run.params(), localRunners, outcome);
    }

    /**
     * Makes this JVM a learner node hosting {@code learner} (with {@code localRunners} runners of its own), waits for
     * its outcome and for the node to leave the cluster.
     */
    public static TrainOutcome runLearnerNode(ClusterSettings cluster,
                                              java.util.function.IntFunction<Behavior<LearnerCommand>> learner,
                                              RunSpec spec,
                                              ParamsSnapshot params, int localRunners,
                                              CompletableFuture<TrainOutcome> outcome) throws IOException {
        Config node = NodeConfig.learner(cluster);
        WireLimits.check(node, spec, params);
        ActorSystem<NodeCommand> system = start(cluster, LearnerNode.create(learner, spec, cluster.minWorkers(),
                localRunners, outcome), node);
        var self = system.address();
        LOG.info("learner node {} is up; workers join with: rlx worker --join {}", self,
                new NodeAddress(self.getHost().orElse(cluster.hostname()), self.getPort().orElse(cluster.port())));
        try {
            return LearnerHost.outcomeOf(outcome);
        } finally {
            // the node stops by itself once its workers have been told the run is over
            try {
                system.getWhenTerminated().toCompletableFuture().get(LEAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("the learner node did not stop within {} s; terminating it", LEAVE_TIMEOUT_SECONDS);
            }
            LearnerHost.terminate(system);
        }
    }

    private static ActorSystem<NodeCommand> start(ClusterSettings cluster, Behavior<NodeCommand> guardian, Config node)
            throws IOException {
        try {
            return ActorSystem.create(guardian, NodeConfig.SYSTEM_NAME, node);
        } catch (RuntimeException e) {
            throw new IOException("cannot start the learner node on " + cluster.hostname() + ":" + cluster.port()
                    + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
