package rlx.envs.testing;

import java.util.Map;
import java.util.OptionalLong;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Plumbing of the deterministic test envs: episode bookkeeping, action checks, and both the generic {@link Env}
 * and the {@link FlatEnv} API over one state, as {@code ClassicControlEnv} does for the real envs. A subclass
 * implements {@link #start}, {@link #advance} and {@link #writeObservation}.
 *
 * <p>The envs are deterministic, so a seed changes nothing; it is recorded ({@link #lastSeed()}) so tests can check
 * which seeds reached an env. Counters of resets and steps let tests check how often a wrapper called the env.
 */
public abstract class FakeEnv implements Env<float[], Integer>, FlatEnv {

    private final EnvSpec spec;
    private OptionalLong lastSeed = OptionalLong.empty();
    private boolean running;
    private boolean terminated;
    private int resetCount;
    private long stepCount;

    protected FakeEnv(EnvSpec spec) {
        this.spec = spec;
    }

    /** Puts the env in its start state. */
    protected abstract void start();

    /** Applies a valid action and returns the reward. */
    protected abstract double advance(int action);

    /** Whether the current state is terminal. */
    protected abstract boolean isTerminal();

    /** Writes the observation of the current state. */
    protected abstract void writeObservation(float[] obs, int offset);

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
    public Step<float[]> step(Integer action) {
        if (action == null) {
            throw new InvalidActionException(null, actionSpace());
        }
        float[] obs = new float[observationSize()];
        double reward = stepInto(action, obs, 0);
        return new Step<>(obs, reward, terminated, false, Map.of());
    }

    @Override
    public void resetInto(long seed, float[] obs, int offset) {
        lastSeed = OptionalLong.of(seed);
        resetInto(obs, offset);
    }

    @Override
    public void resetInto(float[] obs, int offset) {
        start();
        running = true;
        terminated = false;
        resetCount++;
        writeObservation(obs, offset);
    }

    @Override
    public double stepInto(int action, float[] obs, int offset) {
        if (!actionSpace().containsObject(action)) {
            throw new InvalidActionException(action, actionSpace());
        }
        if (!running) {
            throw new IllegalStateException(spec.id() + ": step() called "
                    + (terminated ? "after the episode terminated" : "before reset()") + "; call reset() first");
        }
        double reward = advance(action);
        stepCount++;
        terminated = isTerminal();
        running = !terminated;
        writeObservation(obs, offset);
        return reward;
    }

    @Override
    public double stepInto(float[] action, int actionOffset, float[] obs, int offset) {
        throw new InvalidActionException(action, actionSpace());
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    /** The seed of the last seeded reset, if any. */
    public OptionalLong lastSeed() {
        return lastSeed;
    }

    /** Resets so far, seeded or not. */
    public int resetCount() {
        return resetCount;
    }

    /** Steps applied so far, over all episodes. */
    public long stepCount() {
        return stepCount;
    }
}
