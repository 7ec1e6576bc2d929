package rlx.experiments.bench;

import java.util.Map;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.DqnLearner;
import rlx.agents.replay.SampledBatch;
import rlx.agents.replay.UniformReplay;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Rng;
import rlx.envs.vector.SyncVectorEnv;

/**
 * The learner half of a DQN config alone: gradient updates per second of its network and batch size on
 * replayed transitions of its env (random actions), and the time of one batched forward pass. This is where a conv
 * network's cost shows, without acting, evaluation or checkpoints around it.
 */
public final class DqnLearnerBenchmark {

    public record Result(String envId, int batchSize, long updates, double updatesPerSecond, double msPerUpdate,
                         double msPerForward) {
    }

    private DqnLearnerBenchmark() {
    }

    public static Result run(DqnConfig config, String envId, Map<String, Object> envKwargs, EnvRegistry registry,
                             double warmupSeconds, double seconds, long seed) {
        if (!(seconds > 0) || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("--seconds must be > 0 and --warmup >= 0, got " + seconds + " and "
                    + warmupSeconds);
        }
        int batchSize = config.batchSize();
        UniformReplay replay;
        int obsSize;
        int numActions;
        try (SyncVectorEnv env = SyncVectorEnv.make(registry, envId, envKwargs, 1)) {
            obsSize = env.observationSize();
            if (!(env.spec().actionSpace() instanceof Discrete discrete)) {
                throw new IllegalArgumentException("DQN needs a discrete action space; " + envId + " has "
                        + env.spec().actionSpace());
            }
            numActions = discrete.n();
            replay = fill(env, obsSize, numActions, Math.max(10 * batchSize, 5_000), (float) config.gamma(), seed);
        }
        DqnLearner learner = new DqnLearner(config, obsSize, numActions, seed);
        SampledBatch batch = new SampledBatch(batchSize, obsSize);
        Rng rng = new Rng(seed);

        long step = 0;
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            replay.sample(batchSize, 1.0, rng, batch);
            learner.update(batch, ++step);
        }
        long updates = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            replay.sample(batchSize, 1.0, rng, batch);
            learner.update(batch, ++step);
            updates++;
            now = System.nanoTime();
        }
        double elapsed = (now - start) / 1e9;

        float[] q = new float[batchSize * numActions];
        long forwards = 0;
        long forwardStart = System.nanoTime();
        long forwardEnd = forwardStart + (long) (Math.min(seconds, 5) * 1e9);
        for (now = forwardStart; now < forwardEnd; now = System.nanoTime()) {
            learner.online().output(batch.obs, batchSize, q);
            forwards++;
        }
        double forwardSeconds = (now - forwardStart) / 1e9;
        return new Result(envId, batchSize, updates, updates / elapsed, 1e3 * elapsed / updates,
                1e3 * forwardSeconds / forwards);
    }

    private static UniformReplay fill(SyncVectorEnv env, int obsSize, int numActions, int transitions, float gamma,
                                      long seed) {
        UniformReplay replay = new UniformReplay(transitions, obsSize);
        Rng rng = new Rng(seed);
        env.reset(seed);
        float[] before = new float[obsSize];
        int[] action = new int[1];
        for (int i = 0; i < transitions; i++) {
            System.arraycopy(env.observations(), 0, before, 0, obsSize);
            action[0] = rng.nextInt(numActions);
            env.step(action);
            boolean done = env.done(0);
            float[] next = done ? env.finalObservations() : env.observations();
            replay.add(before, 0, action[0], (float) env.rewards()[0], next, 0, env.terminated()[0] ? 0f : gamma);
        }
        return replay;
    }
}
