package rlx.envs.wrappers;

import rlx.envs.core.Box;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Returns the last {@code k} observations as one, as Gymnasium's {@code FrameStackObservation} with its default
 * {@code padding_type="reset"}, for flat float observations: a feed-forward policy then sees velocities and other
 * quantities an observation alone lacks.
 *
 * <p>The stacked observation is one {@code float[k * size]}, oldest first: frame {@code i} (0 the oldest, {@code k-1}
 * the latest) occupies {@code [i * size, (i + 1) * size)}. A reset fills all {@code k} frames with the reset
 * observation, so the stack never mixes episodes. The observation space is the env's Box repeated {@code k} times,
 * of shape {@code [k, ...shape]} like Gymnasium's; its flat layout is the one above.
 */
public final class FrameStack<A> extends Wrapper<float[], A> {

    private final int k;
    private final int frameSize;
    private final Box observationSpace;
    private final float[] frames;

    /** @param k number of stacked observations, at least 1 (1 returns copies of the env's observations) */
    public FrameStack(Env<float[], A> env, int k) {
        super(env);
        if (k <= 0) {
            throw new IllegalArgumentException("k (" + k + ") must be > 0");
        }
        if (!(env.spec().observationSpace() instanceof Box box)) {
            throw new IllegalArgumentException("FrameStack needs a Box observation space, " + env.spec().id()
                    + " has " + env.spec().observationSpace());
        }
        this.k = k;
        this.frameSize = box.flatSize();
        this.observationSpace = stackedBox(box, k);
        this.frames = new float[k * frameSize];
    }

    private static Box stackedBox(Box box, int k) {
        int size = box.flatSize();
        float[] low = new float[k * size];
        float[] high = new float[k * size];
        for (int i = 0; i < k; i++) {
            System.arraycopy(box.low(), 0, low, i * size, size);
            System.arraycopy(box.high(), 0, high, i * size, size);
        }
        int[] frameShape = box.shape();
        int[] shape = new int[frameShape.length + 1];
        shape[0] = k;
        System.arraycopy(frameShape, 0, shape, 1, frameShape.length);
        return new Box(low, high, shape);
    }

    @Override
    public EnvSpec spec() {
        EnvSpec inner = env.spec();
        return inner.withSpaces(observationSpace, inner.actionSpace());
    }

    @Override
    public Reset<float[]> reset(long seed) {
        Reset<float[]> reset = env.reset(seed);
        return new Reset<>(fill(reset.observation()), reset.info());
    }

    @Override
    public Reset<float[]> reset() {
        Reset<float[]> reset = env.reset();
        return new Reset<>(fill(reset.observation()), reset.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> step = env.step(action);
        float[] observation = checked(step.observation());
        System.arraycopy(frames, frameSize, frames, 0, (k - 1) * frameSize);
        System.arraycopy(observation, 0, frames, (k - 1) * frameSize, frameSize);
        return new Step<>(frames.clone(), step.reward(), step.terminated(), step.truncated(), step.info());
    }

    private float[] fill(float[] observation) {
        checked(observation);
        for (int i = 0; i < k; i++) {
            System.arraycopy(observation, 0, frames, i * frameSize, frameSize);
        }
        return frames.clone();
    }

    private float[] checked(float[] observation) {
        if (observation.length != frameSize) {
            throw new IllegalStateException(env.spec().id() + " returned an observation of " + observation.length
                    + " floats, its space has " + frameSize);
        }
        return observation;
    }

    /** Number of stacked observations. */
    public int k() {
        return k;
    }
}
