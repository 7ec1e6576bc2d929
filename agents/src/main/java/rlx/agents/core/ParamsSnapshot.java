package rlx.agents.core;

/**
 * A versioned copy of a network's flat parameter vector. DL4J networks are not thread-safe, so weights travel
 * between the learner and the acting side as these snapshots; {@code version} counts learner updates.
 */
public record ParamsSnapshot(long version, float[] flat) {

    public ParamsSnapshot {
        if (version < 0) {
            throw new IllegalArgumentException("version (" + version + ") must be >= 0");
        }
    }
}
