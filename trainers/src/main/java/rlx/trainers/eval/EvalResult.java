package rlx.trainers.eval;

import java.util.Arrays;

/** Returns and lengths of evaluation episodes, in the order the copies finished them. */
public record EvalResult(double[] returns, int[] lengths) {

    public EvalResult {
        if (returns.length != lengths.length) {
            throw new IllegalArgumentException("returns and lengths differ in count");
        }
    }

    public int episodes() {
        return returns.length;
    }

    public double meanReturn() {
        return Arrays.stream(returns).average().orElse(Double.NaN);
    }

    /** Population standard deviation, as SB3's evaluate_policy and CleanRL report it. */
    public double stdReturn() {
        double mean = meanReturn();
        return Math.sqrt(Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).average().orElse(Double.NaN));
    }

    public double meanLength() {
        return Arrays.stream(lengths).average().orElse(Double.NaN);
    }
}
