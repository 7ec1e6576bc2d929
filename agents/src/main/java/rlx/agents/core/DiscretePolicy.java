package rlx.agents.core;

/** Maps a batch of observations ({@code numEnvs} rows of a flat array) to one discrete action each. */
@FunctionalInterface
public interface DiscretePolicy {

    void act(float[] observations, int numEnvs, int[] actions);
}
