package rlx.trainers.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rlx.envs.core.EnvRegistry;

/**
 * A worker node ({@code rlx worker --join host:port}): joins the learner node's cluster with role
 * {@value NodeConfig#WORKER_ROLE}, receives the run's config from it, and runs {@code runners} env runners until the
 * run is over. Needs no config file.
 */
public final class ClusterWorker {

    /**
     * @param hostname     the address the learner reaches this node at (loopback by default)
     * @param bindHostname the interface to bind; empty binds {@code hostname}
     * @param port         this node's port (0: any free port)
     * @param joinTimeout  how long to look for the learner node before giving up
     */
    public record Options(NodeAddress join, int runners, String hostname, String bindHostname, int port,
                          Duration joinTimeout) {

        public Options {
            if (runners <= 0) {
                throw new IllegalArgumentException("--runners (" + runners + ") must be > 0");
            }
            if (hostname == null || hostname.isBlank()) {
                throw new IllegalArgumentException("--hostname must not be empty");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port (" + port + ") must be in 0..65535");
            }
            if (joinTimeout.isNegative() || joinTimeout.isZero()) {
                throw new IllegalArgumentException("--join-timeout must be > 0");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWorker.class);

    private ClusterWorker() {
    }

    /** Runs the worker node until the learner's run is over, the learner is lost, or no learner is found. */
    public static WorkerResult run(Options o, EnvRegistry registry) {
        CompletableFuture<WorkerResult> result = new CompletableFuture<>();
        ActorSystem<WorkerCommand> system;
        try {
            system = ActorSystem.create(WorkerNode.create(o.join(), o.runners(), o.joinTimeout(), registry, result),
                    NodeConfig.SYSTEM_NAME, NodeConfig.worker(o.join(), o.hostname(), o.bindHostname(), o.port()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the worker node on " + o.hostname() + ":" + o.port() + ": "
                    + ClusterPgTrainer.rootMessage(e), e);
        }
        String self = system.address().toString();
        LOG.info("worker node {} joining the learner node at {}", self, o.join());
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
        } catch (ExecutionException e) {
            // termination has no failure of its own to report
        }
        // without a result the node was stopped from outside: downed after losing the learner
        return result.getNow(new WorkerResult(false, "this node was removed from the cluster (lost the learner node?)",
                self, "", o.runners(), -1));
    }
}
