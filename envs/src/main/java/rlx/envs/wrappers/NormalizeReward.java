package rlx.envs.wrappers;

import rlx.envs.core.Env;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Scales rewards so that the discounted return has roughly unit variance, as Gymnasium's {@code NormalizeReward}:
 * each step updates the discounted return {@code G = gamma * G + r}, adds {@code G} to a {@link RunningMeanStd},
 * and returns {@code r / sqrt(var(G) + epsilon)}. The mean is not subtracted, so the sign of every reward is kept
 * (OpenAI baselines issue 538). Value targets of a consistent scale make value learning stable across envs whose
 * rewards differ by orders of magnitude.
 *
 * <p>{@code G} starts at 0 in every episode. This differs from Gymnasium 1.x, which sets
 * {@code G = gamma * G * (1 - terminated) + r}: there a terminating step's {@code G} drops the episode's earlier
 * rewards, that value leaks into the next episode, and a truncated episode's {@code G} carries over in full. Here
 * {@code G} is the discounted sum of the current episode's rewards (OpenAI baselines' {@code VecNormalize}).
 *
 * <p>{@link #setFrozen(boolean) Freeze} the statistics for evaluation; save and restore them through
 * {@link #statistics()} in checkpoints.
 */
public final class NormalizeReward<O, A> extends Wrapper<O, A> {

    /** Gymnasium's default discount of the return accumulator. */
    public static final double DEFAULT_GAMMA = 0.99;
    /** Gymnasium's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double gamma;
    private final double epsilon;
    private final RunningMeanStd statistics = new RunningMeanStd(1);
    private double discountedReturn;
    private boolean frozen;

    public NormalizeReward(Env<O, A> env) {
        this(env, DEFAULT_GAMMA, DEFAULT_EPSILON);
    }

    /**
     * @param gamma discount of the return whose variance is normalised, in [0, 1] (usually the agent's discount)
     * @param epsilon added to the variance before the square root; positive
     */
    public NormalizeReward(Env<O, A> env, double gamma, double epsilon) {
        super(env);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma (" + gamma + ") must be in [0, 1]");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon (" + epsilon + ") must be positive and finite");
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    @Override
    public Reset<O> reset(long seed) {
        discountedReturn = 0;
        return env.reset(seed);
    }

    @Override
    public Reset<O> reset() {
        discountedReturn = 0;
        return env.reset();
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        discountedReturn = gamma * discountedReturn + step.reward();
        if (!frozen) {
            statistics.update(discountedReturn);
        }
        double scaled = step.reward() / Math.sqrt(statistics.var(0) + epsilon);
        if (step.done()) {
            discountedReturn = 0;
        }
        return new Step<>(step.observation(), scaled, step.terminated(), step.truncated(), step.info());
    }

    /** Whether the statistics are fixed (rewards are still scaled with them). */
    public boolean frozen() {
        return frozen;
    }

    /** Stops ({@code true}) or resumes ({@code false}) updating the statistics. */
    public void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }

    /** The live statistics of the discounted return (size 1), for checkpoints. */
    public RunningMeanStd statistics() {
        return statistics;
    }

    /** The discounted return of the running episode so far (0 right after a reset or an episode's last step). */
    public double discountedReturn() {
        return discountedReturn;
    }

    public double gamma() {
        return gamma;
    }

    public double epsilon() {
        return epsilon;
    }
}
