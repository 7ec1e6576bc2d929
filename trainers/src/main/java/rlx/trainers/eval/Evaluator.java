package rlx.trainers.eval;

import java.util.Map;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.envs.vector.SyncVectorEnv;

/**
 * Runs a fixed number of episodes of a policy on fresh env copies seeded from {@code seed}. Copy {@code i} plays
 * {@code (episodes + i) / numEnvs} episodes (SB3's split), so the estimate is not biased towards short episodes.
 */
public final class Evaluator {

    private final EnvRegistry registry;
    private final String envId;
    private final Map<String, ?> kwargs;
    private final int numEnvs;

    public Evaluator(EnvRegistry registry, String envId, Map<String, ?> kwargs, int numEnvs) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("numEnvs (" + numEnvs + ") must be > 0");
        }
        this.registry = registry;
        this.envId = envId;
        this.kwargs = kwargs;
        this.numEnvs = numEnvs;
    }

    /**
     * A training-time evaluation at {@code envSteps}: seeds come from their own branch of the run's root seed
     * ({@code "eval"}, then the step count), disjoint from the training envs'.
     */
    public rlx.trainers.core.EvalRecord atStep(DiscretePolicy policy, int episodes, long rootSeed, long envSteps,
                                              boolean isFinal) {
        EvalResult r = run(policy, episodes, rlx.envs.core.Seeds.derive(rlx.envs.core.Seeds.derive(rootSeed, "eval"),
                envSteps));
        return new rlx.trainers.core.EvalRecord(envSteps, r.episodes(), r.meanReturn(), r.stdReturn(), r.meanLength(),
                isFinal);
    }

    /** True when {@code interval > 0} and a multiple of it lies in {@code (before, after]}. */
    public static boolean crossed(long before, long after, long interval) {
        return interval > 0 && before / interval != after / interval;
    }

    public EvalResult run(DiscretePolicy policy, int episodes, long seed) {
        if (episodes <= 0) {
            throw new IllegalArgumentException("episodes (" + episodes + ") must be > 0");
        }
        int copies = Math.min(numEnvs, episodes);
        SyncVectorEnv venv = SyncVectorEnv.make(registry, envId, kwargs, copies);
        int[] targets = new int[copies];
        for (int i = 0; i < copies; i++) {
            targets[i] = (episodes + i) / copies;
        }
        int[] finished = new int[copies];
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        int count = 0;
        int[] actions = new int[copies];
        venv.reset(seed);
        while (count < episodes) {
            policy.act(venv.observations(), copies, actions);
            venv.step(actions);
            for (int i = 0; i < copies; i++) {
                if (venv.done(i) && finished[i] < targets[i]) {
                    finished[i]++;
                    returns[count] = venv.finishedReturn(i);
                    lengths[count] = venv.finishedLength(i);
                    count++;
                }
            }
        }
        return new EvalResult(returns, lengths);
    }
}
