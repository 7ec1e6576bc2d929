package rlx.envs.core;

/**
 * An env whose internal state can be read and set, as Gymnasium's {@code env.unwrapped.state}. Reference replays
 * use it to start from a recorded state instead of a recorded seed (NumPy's generator cannot be reproduced).
 */
public interface Restorable {

    /** The internal state (classic control: the float64 physics state; toy text: the state index). */
    double[] internalState();

    /** Sets the internal state and starts an episode from it, as if reset had produced it. */
    void restoreInternalState(double[] state);
}
