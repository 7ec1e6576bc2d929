package rlx.agents.replay;

/**
 * A minibatch drawn from a {@link ReplayBuffer}, preallocated once for the largest batch and refilled by every
 * {@link ReplayBuffer#sample} call so the learner's inner loop allocates nothing. Row {@code i} of the batch is
 * {@code obs[i * obsSize() .. (i + 1) * obsSize())}, {@code actions[i]}, and so on; only the first {@link #size()}
 * rows are valid.
 *
 * <p>{@code discounts[i]} is the factor on the bootstrap value of {@code nextObs}: gamma^k for a k-step transition
 * that may bootstrap, 0 after a true termination. The one-step TD target is therefore
 * {@code rewards[i] + discounts[i] * max_a Q(nextObs_i, a)}. {@code weights[i]} is the importance-sampling weight of
 * prioritized replay (Schaul et al. 2016), 1 under uniform sampling, and {@code indices[i]} the slot to pass back to
 * {@link ReplayBuffer#updatePriorities}.
 */
public final class SampledBatch {

    public final float[] obs;
    public final int[] actions;
    public final float[] rewards;
    public final float[] nextObs;
    public final float[] discounts;
    public final float[] weights;
    public final int[] indices;

    private final int maxBatchSize;
    private final int obsSize;
    private int size;

    public SampledBatch(int maxBatchSize, int obsSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        if (obsSize < 1) {
            throw new IllegalArgumentException("obsSize must be at least 1, got " + obsSize);
        }
        if ((long) maxBatchSize * obsSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "maxBatchSize * obsSize must fit in an array, got " + maxBatchSize + " * " + obsSize);
        }
        this.maxBatchSize = maxBatchSize;
        this.obsSize = obsSize;
        obs = new float[maxBatchSize * obsSize];
        nextObs = new float[maxBatchSize * obsSize];
        actions = new int[maxBatchSize];
        rewards = new float[maxBatchSize];
        discounts = new float[maxBatchSize];
        weights = new float[maxBatchSize];
        indices = new int[maxBatchSize];
    }

    /** Number of valid rows, set by the last {@link ReplayBuffer#sample} into this batch. */
    public int size() {
        return size;
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    public int obsSize() {
        return obsSize;
    }

    void setSize(int size) {
        this.size = size;
    }

    /** Throws unless {@code batchSize} rows of {@code obsSize} floats fit; called by buffers before sampling. */
    void checkFits(int batchSize, int bufferObsSize) {
        if (batchSize < 1 || batchSize > maxBatchSize) {
            throw new IllegalArgumentException(
                    "batchSize must be in [1, " + maxBatchSize + "] for this SampledBatch, got " + batchSize);
        }
        if (bufferObsSize != obsSize) {
            throw new IllegalArgumentException(
                    "SampledBatch obsSize " + obsSize + " does not match the buffer's obsSize " + bufferObsSize);
        }
    }
}
