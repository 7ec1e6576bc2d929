package rlx.agents.dqn;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rlx.agents.core.FinishedEpisodes;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.replay.NStepAccumulator;
import rlx.agents.replay.TransitionBatch;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.vector.VectorEnv;

/**
 * The runner side of distributed DQN (Ape-X, Horgan et al. 2018): steps a vector env with a fixed per-runner
 * epsilon and the latest Q-network weights, and returns n-step transitions in batches for a remote replay buffer.
 * An env that throws is rebuilt with a fresh seed; the n-step windows it interrupted are dropped.
 */
public final class DqnCollector {

    private static final Logger LOG = LoggerFactory.getLogger(DqnCollector.class);

    /** One batch of transitions with what the episodes in it did. */
    public record Collected(TransitionBatch transitions, int envSteps, double[] episodeReturns, int[] episodeLengths,
                            int envRestarts, long paramsVersion) {
    }

    private final Supplier<? extends VectorEnv> envFactory;
    private final EpsilonGreedyPolicy policy;
    private final double epsilon;
    private final NStepAccumulator nStep;
    private final long seed;
    private final Rng rng;
    private final int numEnvs;
    private final int obsSize;
    private VectorEnv env;
    private long envRestarts;

    public DqnCollector(Supplier<? extends VectorEnv> envFactory, EpsilonGreedyPolicy policy, double epsilon, int n,
                        double gamma, long seed) {
        this.envFactory = envFactory;
        this.policy = policy;
        this.epsilon = epsilon;
        this.seed = seed;
        this.rng = new Rng(Seeds.derive(seed, "actions"));
        this.env = envFactory.get();
        this.numEnvs = env.numEnvs();
        this.obsSize = env.observationSize();
        this.nStep = new NStepAccumulator(numEnvs, obsSize, n, gamma);
        env.reset(Seeds.derive(seed, "envs"));
    }

    /**
     * Ape-X's exploration schedule over runners: runner {@code i} of {@code n} acts with
     * {@code base^(1 + alpha * i / (n - 1))} (0.4 and 7 in the paper), so a few explore a lot and most little.
     */
    public static double apexEpsilon(int i, int n, double base, double alpha) {
        return n <= 1 ? base : Math.pow(base, 1 + alpha * i / (double) (n - 1));
    }

    public void load(ParamsSnapshot params) {
        policy.load(params);
    }

    /** Steps every copy {@code vectorSteps} times and returns the transitions completed meanwhile. */
    public Collected collect(int vectorSteps) {
        TransitionBatch.Builder out = new TransitionBatch.Builder(obsSize, vectorSteps * numEnvs);
        float[] before = new float[numEnvs * obsSize];
        int[] actions = new int[numEnvs];
        FinishedEpisodes finished = new FinishedEpisodes();
        long restartsBefore = envRestarts;
        int steps = 0;
        for (int t = 0; t < vectorSteps; t++) {
            System.arraycopy(env.observations(), 0, before, 0, before.length);
            policy.act(before, numEnvs, epsilon, rng, actions);
            try {
                env.step(actions);
            } catch (RuntimeException e) {
                envRestarts++;
                LOG.warn("env {} threw at a step ({}); rebuilding it (restart {})", env.spec().id(), e.toString(),
                        envRestarts);
                nStep.clear();
                env = envFactory.get();
                env.reset(Seeds.derive(Seeds.derive(seed, "restart"), envRestarts));
                continue;
            }
            steps += numEnvs;
            for (int i = 0; i < numEnvs; i++) {
                boolean done = env.done(i);
                float[] next = done ? env.finalObservations() : env.observations();
                nStep.step(i, before, i * obsSize, actions[i], (float) env.rewards()[i], next, i * obsSize,
                        env.terminated()[i], env.truncated()[i], out);
                if (done) {
                    finished.add(env, i);
                }
            }
        }
        return new Collected(out.build(), steps, finished.returns(), finished.lengths(),
                (int) (envRestarts - restartsBefore), policy.version());
    }
}
