package rlx.experiments.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import rlx.agents.dqn.DqnConfig;
import rlx.envs.core.EnvRegistry;
import rlx.experiments.config.RecordBinder;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.local.LocalDqnTrainer;

/**
 * DQN training throughput with CleanRL's default hyperparameters (which are rlx's {@code defaults/dqn.conf}):
 * Adam 2.5e-4, buffer 10k, batch 128, a 120-84 ReLU MLP, target copy every 500 steps, a gradient step every 10
 * env steps, epsilon 1 to 0.05 over half the run, learning from 10k steps. Env steps per second over the whole
 * training loop (acting, storing, learning), evaluation and checkpoint writing excluded.
 */
public final class DqnBenchmark {

    public record Result(String envId, long envSteps, double seconds, double stepsPerSecond, long episodes) {
    }

    public Result run(String envId, long steps, long seed) throws IOException {
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps (" + steps + ") must be > 0");
        }
        Config defaults = ConfigFactory.parseResources("defaults/dqn.conf").resolve();
        DqnConfig config = RecordBinder.bind(defaults, "agent", DqnConfig.class);
        TrainSettings settings = new TrainSettings(envId, Map.of(), 1, steps, seed, 0, 1, 10, 10, 0);
        Path checkpoints = Files.createTempDirectory("rlx-bench-dqn");
        try {
            TrainOutcome outcome = new LocalDqnTrainer(config, settings, EnvRegistry.standard(), checkpoints,
                    new TrainingListener() { }).run(false);
            return new Result(envId, outcome.envSteps(), outcome.envSteps() / outcome.stepsPerSecond(),
                    outcome.stepsPerSecond(), outcome.episodes());
        } finally {
            try (Stream<Path> walk = Files.walk(checkpoints)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
