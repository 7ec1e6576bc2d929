package rlx.agents.replay;

/** Where finished transitions go: a replay buffer, or a batch on its way to one in another actor. */
public interface TransitionSink {

    /**
     * Stores one transition, copying {@code obsSize()} floats from each observation array at its offset.
     *
     * @param discount gamma^k for a k-step transition that may bootstrap from {@code nextObs} (including one cut
     *                 by truncation), 0 for one that ended in a true termination; must be in [0, 1]
     */
    void add(float[] obs, int obsOffset, int action, float reward, float[] nextObs, int nextObsOffset,
             float discount);
}
