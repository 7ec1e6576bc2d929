package rlx.envs.reference;

/** The reference README's float tolerance: {@code |actual - expected| <= 1e-6 * max(1, |expected|)}. */
public final class Tolerance {

    public static final double RELATIVE = 1e-6;

    private Tolerance() {
    }

    /** The error measured in tolerance units' numerator: {@code |a - e| / max(1, |e|)}. */
    public static double error(double actual, double expected) {
        if (actual == expected) {
            return 0.0;
        }
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
    }

    public static boolean within(double actual, double expected) {
        return error(actual, expected) <= RELATIVE;
    }
}
