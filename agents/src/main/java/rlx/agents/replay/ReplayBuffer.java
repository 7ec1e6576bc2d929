package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * A fixed-capacity store of transitions for off-policy learning (experience replay: Lin 1992; Mnih et al. 2015).
 * Once full, each new transition overwrites the oldest. Transitions are (obs, action, reward, nextObs, discount),
 * where {@code discount} already folds in both the horizon and termination (see {@link #add}); an
 * {@link NStepAccumulator} in front of the buffer produces them from raw environment steps.
 *
 * <p>Implementations are not thread-safe and allocate nothing in {@link #add}, {@link #sample} or
 * {@link #updatePriorities}.
 */
public interface ReplayBuffer extends TransitionSink {

    /** Transitions currently stored, at most {@link #capacity()}. */
    int size();

    int capacity();

    /** Floats per observation. */
    int obsSize();

    /** Transitions ever added, including those since overwritten. */
    long added();

    /**
     * Draws {@code batchSize} transitions with replacement into {@code into}, which then has {@code size() ==
     * batchSize}. The buffer must not be empty.
     *
     * @param beta importance-sampling exponent of prioritized replay; ignored by uniform replay, which sets every
     *             weight to 1
     * @param rng  the only source of randomness, so a restored generator reproduces the same batches
     */
    void sample(int batchSize, double beta, RandomGenerator rng, SampledBatch into);

    /**
     * Feeds back the TD errors of the first {@code count} transitions of a sampled batch, identified by its
     * {@code indices}. A no-op for uniform replay.
     */
    default void updatePriorities(int[] indices, float[] tdErrors, int count) {
    }

    /**
     * Writes the exact state (contents, insertion position, size, priorities) after a header naming the class,
     * capacity and observation size.
     */
    void save(DataOutputStream out) throws IOException;

    /**
     * Restores a state written by {@link #save} of a buffer of the same class and shape, replacing this buffer's
     * contents. Fails with an {@link IOException} naming both shapes if the header does not match, leaving this
     * buffer unchanged; fails on a truncated or corrupt body too, leaving this buffer empty.
     */
    void load(DataInputStream in) throws IOException;
}
