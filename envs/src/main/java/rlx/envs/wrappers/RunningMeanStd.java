package rlx.envs.wrappers;

import java.util.Arrays;

/**
 * Running per-element mean and (population) variance of float vectors, as Gymnasium's {@code RunningMeanStd}: the
 * statistics start at mean 0, variance 1 and a pseudo-count {@code initialCount} (Gymnasium's {@code epsilon},
 * 1e-4), and each batch is merged with Chan et al.'s parallel rule
 *
 * <pre>
 * delta = batchMean - mean,  total = count + n
 * mean += delta * n / total
 * var   = (var * count + batchVar * n + delta^2 * count * n / total) / total
 * count = total
 * </pre>
 *
 * The pseudo-count keeps the first normalisations finite and makes the prior fade as real samples arrive. All
 * arithmetic is in double precision (Gymnasium uses the observation dtype, float32, for observations).
 *
 * <p>Batches are read in place from flat arrays ({@link #update(float[], int, int)}) and normalised in place
 * ({@link #normalize(float[], int, int, double)}) without allocating, so vector envs can share this class.
 * {@link #state()} and {@link #restore(State)} save and load the statistics for checkpoints.
 */
public final class RunningMeanStd {

    /** Gymnasium's initial pseudo-count. */
    public static final double DEFAULT_INITIAL_COUNT = 1e-4;

    private final double[] mean;
    private final double[] var;
    private double count;

    /** Statistics of vectors of {@code size} elements with Gymnasium's initial pseudo-count. */
    public RunningMeanStd(int size) {
        this(size, DEFAULT_INITIAL_COUNT);
    }

    /**
     * @param size number of elements of one vector
     * @param initialCount the pseudo-count of the prior (mean 0, variance 1); must be positive
     */
    public RunningMeanStd(int size, double initialCount) {
        if (size <= 0) {
            throw new IllegalArgumentException("size (" + size + ") must be > 0");
        }
        if (!(initialCount > 0) || Double.isInfinite(initialCount)) {
            throw new IllegalArgumentException("initialCount (" + initialCount + ") must be positive and finite");
        }
        mean = new double[size];
        var = new double[size];
        Arrays.fill(var, 1.0);
        count = initialCount;
    }

    /** Number of elements of one vector. */
    public int size() {
        return mean.length;
    }

    /** Adds one vector of {@link #size()} elements. */
    public void update(float[] sample) {
        requireLength(sample.length, size(), "sample");
        update(sample, 0, 1);
    }

    /**
     * Adds {@code n} vectors stored back to back in {@code batch} from {@code offset}: vector {@code j} is
     * {@code batch[offset + j * size() ..]}. Allocates nothing.
     */
    public void update(float[] batch, int offset, int n) {
        checkRange(batch.length, offset, n);
        if (n == 0) {
            return;
        }
        int size = size();
        for (int d = 0; d < size; d++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += batch[offset + j * size + d];
            }
            double batchMean = sum / n;
            // a second pass over the batch: summing squares first would lose precision for large means
            double squares = 0;
            for (int j = 0; j < n; j++) {
                double dev = batch[offset + j * size + d] - batchMean;
                squares += dev * dev;
            }
            merge(d, batchMean, squares / n, n);
        }
        count += n;
    }

    /** {@link #update(float[], int, int)} for double data, e.g. the discounted returns of several envs. */
    public void update(double[] batch, int offset, int n) {
        checkRange(batch.length, offset, n);
        if (n == 0) {
            return;
        }
        int size = size();
        for (int d = 0; d < size; d++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += batch[offset + j * size + d];
            }
            double batchMean = sum / n;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                double dev = batch[offset + j * size + d] - batchMean;
                squares += dev * dev;
            }
            merge(d, batchMean, squares / n, n);
        }
        count += n;
    }

    /** Adds one scalar sample; only for statistics of {@link #size()} 1 (e.g. returns). */
    public void update(double value) {
        requireLength(1, size(), "scalar sample");
        merge(0, value, 0.0, 1);
        count += 1;
    }

    /**
     * Merges statistics gathered elsewhere (SB3's {@code update_from_moments}): how a learner folds in what each
     * runner saw. Merging the moments of disjoint batches gives the moments of their union in any order.
     */
    public void merge(State batch) {
        requireLength(batch.mean().length, size(), "merged statistics");
        double[] batchMean = batch.mean();
        double[] batchVar = batch.var();
        for (int d = 0; d < size(); d++) {
            merge(d, batchMean[d], batchVar[d], batch.count());
        }
        count += batch.count();
    }

    /** The moments (mean, population variance, count) of {@code n >= 1} vectors of {@code size} floats. */
    public static State moments(float[] batch, int offset, int n, int size) {
        double[] mean = new double[size];
        double[] var = new double[size];
        for (int d = 0; d < size; d++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += batch[offset + j * size + d];
            }
            mean[d] = sum / n;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                double dev = batch[offset + j * size + d] - mean[d];
                squares += dev * dev;
            }
            var[d] = squares / n;
        }
        return new State(mean, var, n);
    }

    /** The moments of {@code n >= 1} scalars. */
    public static State moments(double[] values, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += values[j];
        }
        double mean = sum / n;
        double squares = 0;
        for (int j = 0; j < n; j++) {
            squares += (values[j] - mean) * (values[j] - mean);
        }
        return new State(new double[] {mean}, new double[] {squares / n}, n);
    }

    /** Merges one element's batch moments; the caller advances the count once every element is merged. */
    private void merge(int d, double batchMean, double batchVar, double n) {
        double total = count + n;
        double delta = batchMean - mean[d];
        mean[d] += delta * n / total;
        var[d] = (var[d] * count + batchVar * n + delta * delta * count * n / total) / total;
    }

    /** Replaces the vector at {@code x[offset ..]} by {@code (x - mean) / sqrt(var + epsilon)}. */
    public void normalize(float[] x, int offset, double epsilon) {
        normalize(x, offset, 1, epsilon);
    }

    /** Normalises {@code n} vectors stored back to back from {@code offset}, in place. Allocates nothing. */
    public void normalize(float[] batch, int offset, int n, double epsilon) {
        checkRange(batch.length, offset, n);
        int size = size();
        for (int d = 0; d < size; d++) {
            double m = mean[d];
            double scale = 1.0 / Math.sqrt(var[d] + epsilon);
            for (int j = 0; j < n; j++) {
                int i = offset + j * size + d;
                batch[i] = (float) ((batch[i] - m) * scale);
            }
        }
    }

    /** The running mean of element {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** The running population variance of element {@code i}. */
    public double var(int i) {
        return var[i];
    }

    /** A copy of the running means. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the running variances. */
    public double[] var() {
        return var.clone();
    }

    /** Samples seen plus the initial pseudo-count. */
    public double count() {
        return count;
    }

    /** A copy of the statistics, for checkpoints. */
    public State state() {
        return new State(mean, var, count);
    }

    /** Replaces the statistics by a saved {@link State} of the same size. */
    public void restore(State state) {
        requireLength(state.mean().length, size(), "state mean");
        System.arraycopy(state.mean(), 0, mean, 0, mean.length);
        System.arraycopy(state.var(), 0, var, 0, var.length);
        count = state.count();
    }

    private void checkRange(int length, int offset, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n (" + n + ") must be >= 0");
        }
        if (offset < 0 || (long) offset + (long) n * size() > length) {
            throw new IllegalArgumentException(n + " vectors of " + size() + " floats from offset " + offset
                    + " do not fit in an array of " + length);
        }
    }

    private static void requireLength(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has " + actual + " elements, statistics have " + expected);
        }
    }

    @Override
    public String toString() {
        return "RunningMeanStd(mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(var)
                + ", count=" + count + ")";
    }

    /**
     * Saved statistics: per-element mean and variance, and the count (including the initial pseudo-count).
     * The arrays are copied in and out, so a saved state never changes.
     */
    public record State(double[] mean, double[] var, double count) {

        public State {
            if (mean.length != var.length) {
                throw new IllegalArgumentException("mean has " + mean.length + " elements but var has " + var.length);
            }
            if (!(count > 0) || Double.isInfinite(count)) {
                throw new IllegalArgumentException("count (" + count + ") must be positive and finite");
            }
            for (int i = 0; i < var.length; i++) {
                if (!Double.isFinite(mean[i]) || !(var[i] >= 0) || Double.isInfinite(var[i])) {
                    throw new IllegalArgumentException("element " + i + " has mean " + mean[i] + " and var " + var[i]
                            + "; need a finite mean and a finite var >= 0");
                }
            }
            mean = mean.clone();
            var = var.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] var() {
            return var.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(mean, s.mean) && Arrays.equals(var, s.var)
                    && Double.compare(count, s.count) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(var)) + Double.hashCode(count);
        }

        @Override
        public String toString() {
            return "State(mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(var) + ", count=" + count + ")";
        }
    }
}
