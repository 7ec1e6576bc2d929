package rlx.networks.config;

import java.util.List;

/**
 * Argument checks shared by the configuration records; every message names the field and the offending value,
 * e.g. {@code "learningRate (-1.0) must be > 0"}.
 */
public final class Checks {
    private Checks() {
    }

    /** Requires a non-null value. */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /** Requires a finite value &gt; 0. */
    public static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " (" + value + ") must be > 0");
        }
        return value;
    }

    /** Requires a finite value &gt;= 0. */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " (" + value + ") must be >= 0");
        }
        return value;
    }

    /** Requires 0 &lt;= value &lt; 1. */
    public static double unitInterval(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(field + " (" + value + ") must be in [0, 1)");
        }
        return value;
    }

    /** Requires an int &gt; 0. */
    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " (" + value + ") must be > 0");
        }
        return value;
    }

    /** Requires an int &gt;= 0. */
    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " (" + value + ") must be >= 0");
        }
        return value;
    }

    /** Copies a list, requiring it and its elements to be non-null. */
    public static <T> List<T> copyOf(String field, List<T> list) {
        notNull(field, list);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(list);
    }

}
