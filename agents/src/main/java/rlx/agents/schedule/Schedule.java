package rlx.agents.schedule;

/**
 * A value as a function of the training step, e.g. the epsilon of epsilon-greedy exploration (Mnih et al. 2015
 * anneal it linearly from 1 to 0.1) or prioritized replay's beta (Schaul et al. 2016 anneal it linearly to 1).
 * Implementations are pure functions of the step, so they need no state in checkpoints.
 */
@FunctionalInterface
public interface Schedule {

    /** The value at {@code step} >= 0. */
    double valueAt(long step);
}
