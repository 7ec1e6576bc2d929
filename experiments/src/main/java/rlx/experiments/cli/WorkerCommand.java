package rlx.experiments.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.cluster.ClusterWorker;
import rlx.trainers.cluster.NodeAddress;
import rlx.trainers.cluster.WorkerResult;

/** {@code rlx worker}: join a cluster learner node and run env runners for its run. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        header = "Join a learner node (rlx train ... cluster.role=learner) and run env runners for it.",
        description = {
            "rlx worker --join <host:port> [--runners N] [--port P] [--hostname H]",
            "The learner sends the env and network config: no config file is needed here. The worker runs until the",
            "learner's run is over (exit 0) or it loses the learner (exit 1). Last line:",
            "  worker node=<address> learner=<address> runners=<n> first_index=<i> result=finished"})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--join", required = true, paramLabel = "<host:port>",
            description = "The learner node's cluster.hostname:cluster.port, e.g. 127.0.0.1:25520.")
    String join;

    @Option(names = "--runners", paramLabel = "<n>",
            description = "Env runner actors on this node (default: one per core, here ${DEFAULT-VALUE}).")
    int runners = Runtime.getRuntime().availableProcessors();

    @Option(names = "--hostname", paramLabel = "<host>", defaultValue = ClusterSettings.LOOPBACK,
            description = "The address the learner reaches this node at (default ${DEFAULT-VALUE}); set it when the "
                    + "learner runs on another machine.")
    String hostname;

    @Option(names = "--bind-hostname", paramLabel = "<host>", defaultValue = "",
            description = "Interface to bind, if not --hostname (e.g. 0.0.0.0 behind NAT).")
    String bindHostname;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "0",
            description = "This node's port (default: any free port).")
    int port;

    @Option(names = "--join-timeout", paramLabel = "<seconds>", defaultValue = "60",
            description = "Give up if no learner answers within this many seconds (default ${DEFAULT-VALUE}).")
    long joinTimeout;

    @Override
    public Integer call() {
        NodeAddress learner = NodeAddress.parse(join);
        if (joinTimeout <= 0) {
            throw new IllegalArgumentException("--join-timeout (" + joinTimeout + ") must be > 0");
        }
        ClusterWorker.Options options = new ClusterWorker.Options(learner, runners, hostname, bindHostname, port,
                Duration.ofSeconds(joinTimeout));
        WorkerResult r = ClusterWorker.run(options, EnvRegistry.standard());
        if (!r.finished()) {
            spec.commandLine().getErr().println("error: " + r.message());
            return RlxCommand.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("worker node=" + r.node() + " learner=" + r.learner() + " runners=" + r.runners()
                + " first_index=" + r.firstIndex() + " result=finished");
        return 0;
    }
}
