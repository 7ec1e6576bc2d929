package rlx.experiments.reproduce;

/**
 * A published number to compare with, and the range it stands for.
 *
 * @param value the published mean return, or NaN where the source gives only a threshold
 * @param low the lowest mean that counts as reproducing it
 * @param high the highest mean that counts as reproducing it
 * @param source where the number comes from, and how the range was derived from it
 */
public record PublishedResult(double value, double low, double high, String source) {

    public PublishedResult {
        if (!(low <= high)) {
            throw new IllegalArgumentException("reference low (" + low + ") must be <= high (" + high + ")");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("reference.source must say where the number comes from");
        }
    }

    /** Whether a mean return falls inside the published range. */
    public boolean contains(double mean) {
        return mean >= low && mean <= high;
    }
}
