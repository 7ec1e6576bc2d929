package rlx.trainers.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * A learner node in its own JVM for {@link ClusterLoopbackTest}: trains the small PPO run with no local runners,
 * prints {@code progress <env steps>} after each update, and writes the outcome's accounting as JSON. Once past
 * {@code pause-at} env steps it prints {@code paused} and holds the learner (mid-round) until a line arrives on stdin,
 * so that a test can join a worker mid-run however slowly its JVM starts.
 *
 * <p>Arguments: port, min workers, total steps, pause-at, checkpoint dir, output file.
 */
public final class LearnerMain {

    private LearnerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int minWorkers = Integer.parseInt(args[1]);
        long totalSteps = Long.parseLong(args[2]);
        long pauseAt = Long.parseLong(args[3]);
        Path checkpoints = Path.of(args[4]);
        Path out = Path.of(args[5]);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        TrainingListener progress = new TrainingListener() {
            private boolean paused;

            @Override
            public void onProgress(long envSteps, long episodes, double stepsPerSecond) {
                System.out.println("progress " + envSteps);
                if (!paused && envSteps >= pauseAt) {
                    paused = true;
                    System.out.println("paused at " + envSteps);
                    try {
                        stdin.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    System.out.println("resumed");
                }
            }
        };
        TrainOutcome outcome = new ClusterPgTrainer(PgAlgorithmKind.PPO, ClusterTestConfigs.ppo(0),
                ClusterTestConfigs.cartPole(totalSteps), EnvRegistry.standard(), checkpoints, progress,
                ClusterSettings.learner("127.0.0.1", port, minWorkers)).run(false);
        Map<String, Object> summary = new LinkedHashMap<>(outcome.extra());
        summary.put("env_steps", outcome.envSteps());
        Files.writeString(out, new ObjectMapper().writeValueAsString(summary));
        System.out.println("done " + outcome.envSteps());
        System.exit(0);
    }
}
