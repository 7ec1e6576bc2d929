package rlx.envs.core;

/**
 * Allocation-free stepping for envs whose observations flatten to floats: the vector path and the agents' inner
 * loops use it. Discrete observations are written as their index. The generic {@link Env} of the same env and this
 * view share one state, so both may be mixed.
 *
 * <pre>{@code
 * env.resetInto(seed, obs, 0);
 * double r = env.stepInto(action, obs, 0);   // writes the next observation into obs
 * if (env.terminated()) env.resetInto(obs, 0);
 * }</pre>
 *
 * There is no time limit here: {@link rlx.envs.vector.SyncVectorEnv} applies the spec's limit itself.
 */
public interface FlatEnv {

    EnvSpec spec();

    /** Number of floats one observation takes. */
    default int observationSize() {
        return spec().observationSpace().flatSize();
    }

    /** Number of floats one action takes (1 for a discrete action). */
    default int actionSize() {
        return spec().actionSpace().flatSize();
    }

    /** Reseeds the env's generator and starts an episode; writes its first observation at {@code offset}. */
    void resetInto(long seed, float[] obs, int offset);

    /** Starts an episode continuing the env's generator. */
    void resetInto(float[] obs, int offset);

    /** Applies a discrete action and writes the next observation; returns the reward. */
    double stepInto(int action, float[] obs, int offset);

    /** Applies the continuous action {@code action[actionOffset .. actionOffset + actionSize())}. */
    double stepInto(float[] action, int actionOffset, float[] obs, int offset);

    /** Whether the last step reached a terminal state. */
    boolean terminated();
}
