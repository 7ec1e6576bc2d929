package rlx.trainers.actors;

/**
 * Faults injected into runner actors, for tests of supervision: a runner throws (and is restarted) instead of
 * answering every {@code crashEvery}-th request, and stops for good at every {@code stopEvery}-th, counted over all
 * runners and incarnations; 0 disables either. {@link #NONE} in production.
 */
public record RunnerFaults(long crashEvery, long stopEvery) {

    public static final RunnerFaults NONE = new RunnerFaults(0, 0);

    public RunnerFaults {
        if (crashEvery < 0 || stopEvery < 0) {
            throw new IllegalArgumentException("crashEvery (" + crashEvery + ") and stopEvery (" + stopEvery
                    + ") must be >= 0");
        }
    }
}
