package rlx.agents.pg;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rlx.agents.core.FinishedEpisodes;
import rlx.agents.core.ParamsSnapshot;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.vector.VectorEnv;
import rlx.envs.wrappers.RunningMeanStd;

/**
 * The env-runner side of on-policy training: steps a vector env with an {@link ActorCriticPolicy} and returns
 * fixed-length {@link Rollout}s. Episodes run on across rollouts.
 *
 * <p>An env that throws is replaced: the vector env is rebuilt from its factory and reset with a fresh seed derived
 * from the collector's seed and the restart count, the failed step is not recorded, and the episodes it interrupted
 * count as truncated (bootstrapped from their last observation's value). With a vector env the whole vector is
 * rebuilt, because a throwing copy leaves the other copies of that step in an unknown state.
 *
 * <p>With a {@link Normalizer} loaded, the policy acts on (and the rollout stores) normalised observations and scaled
 * rewards, and the rollout reports the moments of the raw observations and discounted returns it saw, for the
 * learner to merge into the next round's statistics.
 */
public final class RolloutCollector {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutCollector.class);

    private final Supplier<? extends VectorEnv> envFactory;
    private final ActorCriticPolicy policy;
    private final int steps;
    private final double gamma;
    private final long seed;
    private final Rng rng;
    private final int numEnvs;
    private final int obsSize;
    private VectorEnv env;
    private Normalizer normalizer;
    private final float[] acting;
    private final float[] finalObs;
    private final double[] discountedReturns;
    private final float[] rawObservations;
    private final double[] rawReturns;
    private long envRestarts;
    private long envSteps;
    private long episodes;

    /**
     * @param envFactory builds the vector env (again after a failure)
     * @param steps      steps per copy in one rollout
     * @param seed       root of the env seeds and of action sampling
     */
    public RolloutCollector(Supplier<? extends VectorEnv> envFactory, ActorCriticPolicy policy, int steps, double gamma,
                            long seed) {
        this.envFactory = envFactory;
        this.policy = policy;
        this.steps = steps;
        this.gamma = gamma;
        this.seed = seed;
        this.rng = new Rng(Seeds.derive(seed, "actions"));
        this.env = envFactory.get();
        this.numEnvs = env.numEnvs();
        this.obsSize = env.observationSize();
        if (obsSize != policy.inputSize()) {
            throw new IllegalArgumentException("env observations have " + obsSize + " floats, the policy takes "
                    + policy.inputSize());
        }
        this.acting = new float[numEnvs * obsSize];
        this.finalObs = new float[obsSize];
        this.discountedReturns = new double[numEnvs];
        this.rawObservations = new float[steps * numEnvs * obsSize];
        this.rawReturns = new double[steps * numEnvs];
        env.reset(Seeds.derive(seed, "envs"));
    }

    public void load(ParamsSnapshot params) {
        load(params, null);
    }

    /** The parameters and normalisation statistics (null: none) of the next rollouts. */
    public void load(ParamsSnapshot params, Normalizer normalizer) {
        policy.load(params);
        int normalizedSize = normalizer == null || normalizer.observations() == null ? obsSize
                : normalizer.observations().mean().length;
        if (normalizedSize != obsSize) {
            throw new IllegalArgumentException("normalizer for " + normalizedSize + " floats, env observations have "
                    + obsSize);
        }
        this.normalizer = normalizer;
    }

    public int numEnvs() {
        return numEnvs;
    }

    public int obsSize() {
        return obsSize;
    }

    /** Times the vector env was rebuilt after throwing. */
    public long envRestarts() {
        return envRestarts;
    }

    /** Env steps recorded in rollouts so far, over all copies. */
    public long envSteps() {
        return envSteps;
    }

    public long episodes() {
        return episodes;
    }

    /** Collects {@code steps} steps of every copy with the loaded parameters. */
    public Rollout collect() {
        int n = numEnvs;
        int total = steps * n;
        float[] obs = new float[total * obsSize];
        int[] actions = new int[total];
        float[] rewards = new float[total];
        boolean[] dones = new boolean[total];
        float[] values = new float[total];
        float[] logProbs = new float[total];
        int[] stepActions = new int[n];
        FinishedEpisodes finished = new FinishedEpisodes();
        long restartsBefore = envRestarts;
        int t = 0;
        while (t < steps) {
            int k0 = t * n;
            float[] seen = observe(env.observations(), k0);
            System.arraycopy(seen, 0, obs, k0 * obsSize, n * obsSize);
            policy.sample(seen, n, rng, stepActions, logProbs, values, k0);
            try {
                env.step(stepActions);
            } catch (RuntimeException e) {
                restartAfter(e, t, obs, rewards, dones);
                continue;
            }
            for (int i = 0; i < n; i++) {
                int k = k0 + i;
                actions[k] = stepActions[i];
                rewards[k] = (float) reward(i, k, env.rewards()[i]);
                if (env.done(i)) {
                    dones[k] = true;
                    discountedReturns[i] = 0;
                    if (env.truncated()[i] && !env.terminated()[i]) {
                        // the episode was cut, not ended: bootstrap from the value of where it was cut
                        rewards[k] += (float) (gamma * finalValue(i));
                    }
                    finished.add(env, i);
                    episodes++;
                }
            }
            t++;
        }
        float[] lastObs = normalized(env.observations());
        float[] lastValues = new float[n];
        for (int i = 0; i < n; i++) {
            lastValues[i] = policy.value(lastObs, i * obsSize);
        }
        envSteps += total;
        boolean normObs = normalizer != null && normalizer.observations() != null;
        boolean normRewards = normalizer != null && normalizer.returns() != null;
        return new Rollout(n, steps, obsSize, obs, actions, rewards, dones, values, logProbs, lastValues,
                policy.version(), finished.returns(), finished.lengths(),
                (int) (envRestarts - restartsBefore),
                normObs ? RunningMeanStd.moments(rawObservations, 0, total, obsSize) : null,
                normRewards ? RunningMeanStd.moments(rawReturns, total) : null);
    }

    /** The observations the policy acts on; records the raw ones when observations are normalised. */
    private float[] observe(float[] raw, int k0) {
        if (normalizer == null || normalizer.observations() == null) {
            return raw;
        }
        System.arraycopy(raw, 0, rawObservations, k0 * obsSize, numEnvs * obsSize);
        return normalized(raw);
    }

    private float[] normalized(float[] raw) {
        if (normalizer == null || normalizer.observations() == null) {
            return raw;
        }
        normalizer.normalize(raw, numEnvs, obsSize, acting);
        return acting;
    }

    /** SB3's VecNormalize: the discounted return's running variance scales the reward. */
    private double reward(int i, int k, double raw) {
        if (normalizer == null || normalizer.returns() == null) {
            return raw;
        }
        discountedReturns[i] = discountedReturns[i] * gamma + raw;
        rawReturns[k] = discountedReturns[i];
        return normalizer.scaleReward(raw);
    }

    private float finalValue(int i) {
        if (normalizer == null || normalizer.observations() == null) {
            return policy.value(env.finalObservations(), i * obsSize);
        }
        normalizer.normalize(env.finalObservations(), i * obsSize, 1, obsSize, finalObs);
        return policy.value(finalObs, 0);
    }

    /**
     * Replaces a vector env that threw during step {@code t}: that step is dropped, and the step before it (if it is
     * in this rollout) becomes the truncated end of its episodes.
     */
    private void restartAfter(RuntimeException e, int t, float[] obs, float[] rewards, boolean[] dones) {
        envRestarts++;
        LOG.warn("env {} threw at a step ({}); rebuilding it with a fresh seed (restart {})", env.spec().id(),
                e.toString(), envRestarts);
        if (t > 0) {
            int n = numEnvs;
            for (int i = 0; i < n; i++) {
                int k = (t - 1) * n + i;
                if (!dones[k]) {
                    dones[k] = true;
                    rewards[k] += (float) (gamma * policy.value(obs, (t * n + i) * obsSize));
                }
            }
        }
        try {
            env.close();
        } catch (RuntimeException ignored) {
            // a broken env may fail to close; it is dropped either way
        }
        env = envFactory.get();
        env.reset(Seeds.derive(Seeds.derive(seed, "restart"), envRestarts));
        java.util.Arrays.fill(discountedReturns, 0);
    }
}
