package rlx.trainers.cluster;

import java.time.Duration;
import rlx.envs.core.EnvRegistry;

/**
 * A worker node in its own JVM for {@link ClusterLoopbackTest}: prints its result and exits 0 when the learner's run
 * finished, 1 otherwise.
 *
 * <p>Arguments: learner host:port, runners, and {@code wait} to join only once a line arrives on stdin.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 2 && args[2].equals("wait")) {
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        }
        WorkerResult r = ClusterWorker.run(new ClusterWorker.Options(NodeAddress.parse(args[0]),
                Integer.parseInt(args[1]), "127.0.0.1", "", 0, Duration.ofSeconds(60)), EnvRegistry.standard());
        System.out.println("worker node=" + r.node() + " finished=" + r.finished() + " first_index=" + r.firstIndex()
                + " message=" + r.message());
        System.exit(r.finished() ? 0 : 1);
    }
}
