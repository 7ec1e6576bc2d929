package rlx.envs.classic;

import java.util.Map;
import java.util.random.RandomGenerator;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Restorable;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

/**
 * Shared plumbing of the classic-control envs: seeding, episode bookkeeping, action checks, and the generic
 * {@link Env} API built on the allocation-free {@link FlatEnv} one. A subclass holds the float64 physics state and
 * implements {@link #sampleInitialState}, {@link #advance} and {@link #writeObservation}.
 *
 * @param <A> {@code Integer} for a discrete action space, {@code float[]} for a Box
 */
public abstract class ClassicControlEnv<A> implements Env<float[], A>, FlatEnv, Restorable {

    private final EnvSpec spec;
    private final Discrete discreteActions;
    private RandomGenerator rng = Seeds.generator(Seeds.DEFAULT_SEED);
    private boolean running;
    private boolean terminated;

    protected ClassicControlEnv(EnvSpec spec) {
        this.spec = spec;
        this.discreteActions = spec.actionSpace() instanceof Discrete d ? d : null;
    }

    /** Draws the start state of an episode. */
    protected abstract void sampleInitialState(RandomGenerator rng);

    /** Applies a discrete action (subclasses with a Box action space override the float variant instead). */
    protected double advance(int action) {
        throw new UnsupportedOperationException(spec.id() + " takes continuous actions");
    }

    /** Applies a continuous action read from {@code action[offset ..]}. */
    protected double advance(float[] action, int offset) {
        throw new UnsupportedOperationException(spec.id() + " takes discrete actions");
    }

    /** Whether the current state is terminal. */
    protected abstract boolean isTerminal();

    /** Writes the float32 observation of the current state. */
    protected abstract void writeObservation(float[] obs, int offset);

    protected abstract double[] state();

    protected abstract void setState(double[] state);

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Reset<float[]> reset(long seed) {
        float[] obs = new float[observationSize()];
        resetInto(seed, obs, 0);
        return Reset.of(obs);
    }

    @Override
    public Reset<float[]> reset() {
        float[] obs = new float[observationSize()];
        resetInto(obs, 0);
        return Reset.of(obs);
    }

    @Override
    public Step<float[]> step(A action) {
        float[] obs = new float[observationSize()];
        double reward = action instanceof Integer a
                ? stepInto(a, obs, 0)
                : stepInto(checkedContinuous(action), 0, obs, 0);
        return new Step<>(obs, reward, terminated, false, Map.of());
    }

    private float[] checkedContinuous(A action) {
        if (!(action instanceof float[] a) || a.length != actionSize()) {
            throw new InvalidActionException(action, actionSpace());
        }
        return a;
    }

    @Override
    public void resetInto(long seed, float[] obs, int offset) {
        rng = Seeds.generator(seed);
        resetInto(obs, offset);
    }

    @Override
    public void resetInto(float[] obs, int offset) {
        sampleInitialState(rng);
        startEpisode();
        writeObservation(obs, offset);
    }

    @Override
    public double stepInto(int action, float[] obs, int offset) {
        // a primitive range check: this runs once per env step in the vector path
        if (discreteActions == null || !discreteActions.contains(action)) {
            throw new InvalidActionException(action, actionSpace());
        }
        requireRunning();
        double reward = advance(action);
        finishStep();
        writeObservation(obs, offset);
        return reward;
    }

    @Override
    public double stepInto(float[] action, int actionOffset, float[] obs, int offset) {
        if (!(actionSpace() instanceof rlx.envs.core.Box box)) {
            throw new InvalidActionException(action, actionSpace());
        }
        // out-of-range values are clipped by the env as in Gymnasium; a short action or NaN is a bug upstream
        if (actionOffset < 0 || action.length - actionOffset < box.flatSize()
                || hasNaN(action, actionOffset, box.flatSize())) {
            throw new InvalidActionException(action, actionSpace());
        }
        requireRunning();
        double reward = advance(action, actionOffset);
        finishStep();
        writeObservation(obs, offset);
        return reward;
    }

    private static boolean hasNaN(float[] a, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            if (Float.isNaN(a[i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public double[] internalState() {
        return state().clone();
    }

    @Override
    public void restoreInternalState(double[] state) {
        int expected = state().length;
        if (state.length != expected) {
            throw new IllegalArgumentException(spec.id() + " state has " + expected + " values, got " + state.length);
        }
        setState(state.clone());
        startEpisode();
    }

    private void startEpisode() {
        running = true;
        terminated = false;
    }

    private void requireRunning() {
        if (!running) {
            throw new IllegalStateException(spec.id() + ": step() called "
                    + (terminated ? "after the episode terminated" : "before reset()") + "; call reset() first");
        }
    }

    private void finishStep() {
        terminated = isTerminal();
        if (terminated) {
            running = false;
        }
    }
}
