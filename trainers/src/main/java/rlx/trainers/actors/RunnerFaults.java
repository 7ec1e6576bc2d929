package rlx.trainers.actors;

/**
 * Faults injected into runner actors, for tests of supervision: a runner throws instead of answering its
 * {@code crashEvery}-th request (counted over all runners and incarnations). {@link #NONE} in production.
 */
public record RunnerFaults(long crashEvery) {

    public static final RunnerFaults NONE = new RunnerFaults(0);

    public RunnerFaults {
        if (crashEvery < 0) {
            throw new IllegalArgumentException("crashEvery (" + crashEvery + ") must be >= 0");
        }
    }
}
