package rlx.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.PgLearner;
import rlx.agents.pg.Rollout;
import rlx.agents.pg.RolloutCollector;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvRegistry;
import rlx.envs.vector.SyncVectorEnv;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.Collectors;

/**
 * The learner half of an A2C/PPO config alone: gradient updates (one minibatch's gradient and optimiser step) per
 * second of its network, minibatch size and optimiser, on rollouts its env gave the initial policy. The update of
 * one round of rollouts ({@code max(1, runners)} of them) is repeated; acting is not timed.
 */
public final class PgLearnerBenchmark {

    public record Result(String envId, int minibatch, long updates, double updatesPerSecond, double msPerUpdate) {
    }

    private PgLearnerBenchmark() {
    }

    public static Result run(PgConfig config, TrainSettings settings, EnvRegistry registry, double warmupSeconds,
                             double seconds, long seed) {
        if (!(seconds > 0) || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("--seconds must be > 0 and --warmup >= 0, got " + seconds + " and "
                    + warmupSeconds);
        }
        int inputSize;
        int numActions;
        try (SyncVectorEnv probe = SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), 1)) {
            inputSize = probe.observationSize();
            if (!(probe.spec().actionSpace() instanceof Discrete discrete)) {
                throw new IllegalArgumentException("A2C/PPO need a discrete action space; " + settings.envId()
                        + " has " + probe.spec().actionSpace());
            }
            numActions = discrete.n();
        }
        PgLearner learner = new PgLearner(config, inputSize, numActions, seed, seed);
        RolloutCollector collector = Collectors.collector(config, settings, registry, inputSize, numActions, seed);
        collector.load(learner.snapshot());
        List<Rollout> rollouts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.runtime().runners()); i++) {
            rollouts.add(collector.collect());
        }
        int total = rollouts.stream().mapToInt(Rollout::size).sum();
        int minibatch = Math.max(1, total / config.minibatches());
        int perCall = config.epochs() * (total / minibatch);

        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            learner.update(rollouts, 0.0);
        }
        long calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            learner.update(rollouts, 0.0);
            calls++;
            now = System.nanoTime();
        }
        double elapsed = (now - start) / 1e9;
        long updates = calls * perCall;
        return new Result(settings.envId(), minibatch, updates, updates / elapsed, 1e3 * elapsed / updates);
    }
}
