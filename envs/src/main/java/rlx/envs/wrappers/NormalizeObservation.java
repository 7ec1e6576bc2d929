package rlx.envs.wrappers;

import rlx.envs.core.Box;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Normalises each observation element to roughly zero mean and unit variance with running statistics, as
 * Gymnasium's {@code NormalizeObservation}: every observation (reset ones included) first updates a
 * {@link RunningMeanStd} and is then returned as {@code (obs - mean) / sqrt(var + epsilon)}. Networks train better
 * on inputs of similar scale, and the env's own scales (CartPole's velocities, MountainCar's positions) differ a lot.
 *
 * <p>{@link #setFrozen(boolean) Freeze} the statistics for evaluation so that evaluation episodes neither change
 * them nor see different normalisations; save and restore them through {@link #statistics()} in checkpoints,
 * since a policy is only meaningful with the normalisation it was trained with.
 *
 * <p>The observation space becomes an unbounded Box of the same shape. The wrapped env's arrays are not modified.
 */
public final class NormalizeObservation<A> extends Wrapper<float[], A> {

    /** Gymnasium's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double epsilon;
    private final RunningMeanStd statistics;
    private final Box observationSpace;
    private boolean frozen;

    public NormalizeObservation(Env<float[], A> env) {
        this(env, DEFAULT_EPSILON);
    }

    /** @param epsilon added to the variance before the square root, so constant elements do not divide by 0 */
    public NormalizeObservation(Env<float[], A> env, double epsilon) {
        super(env);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon (" + epsilon + ") must be positive and finite");
        }
        if (!(env.spec().observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("NormalizeObservation needs a Box observation space, "
                    + env.spec().id() + " has " + env.spec().observationSpace());
        }
        this.epsilon = epsilon;
        this.statistics = new RunningMeanStd(box.flatSize());
        this.observationSpace = Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, box.shape());
    }

    @Override
    public EnvSpec spec() {
        EnvSpec inner = env.spec();
        return inner.withSpaces(observationSpace, inner.actionSpace());
    }

    @Override
    public Reset<float[]> reset(long seed) {
        Reset<float[]> reset = env.reset(seed);
        return new Reset<>(normalized(reset.observation()), reset.info());
    }

    @Override
    public Reset<float[]> reset() {
        Reset<float[]> reset = env.reset();
        return new Reset<>(normalized(reset.observation()), reset.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> step = env.step(action);
        return new Step<>(normalized(step.observation()), step.reward(), step.terminated(), step.truncated(),
                step.info());
    }

    private float[] normalized(float[] observation) {
        if (observation.length != statistics.size()) {
            throw new IllegalStateException(env.spec().id() + " returned an observation of " + observation.length
                    + " floats, its space has " + statistics.size());
        }
        float[] x = observation.clone();
        if (!frozen) {
            statistics.update(x, 0, 1);
        }
        statistics.normalize(x, 0, epsilon);
        return x;
    }

    /** Whether the statistics are fixed (observations are still normalised with them). */
    public boolean frozen() {
        return frozen;
    }

    /** Stops ({@code true}) or resumes ({@code false}) updating the statistics. */
    public void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }

    /** The live statistics; {@link RunningMeanStd#state()} and {@link RunningMeanStd#restore} save and load them. */
    public RunningMeanStd statistics() {
        return statistics;
    }

    public double epsilon() {
        return epsilon;
    }
}
