package rlx.envs.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A float32 box {@code [low, high]} of a given shape, stored flat in row-major order. Infinite bounds are allowed;
 * sampling follows Gymnasium: uniform on bounded dimensions, normal on unbounded ones, shifted exponential on
 * half-bounded ones.
 */
public final class Box implements Space<float[]> {

    private final float[] low;
    private final float[] high;
    private final int[] shape;

    public Box(float[] low, float[] high, int... shape) {
        int size = size(shape);
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds have " + low.length + " and " + high.length
                    + " elements but shape " + Arrays.toString(shape) + " needs " + size);
        }
        for (int i = 0; i < size; i++) {
            if (Float.isNaN(low[i]) || Float.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box bound " + i + " is invalid: low=" + low[i] + " high=" + high[i]);
            }
        }
        this.low = withoutNegativeZero(low);
        this.high = withoutNegativeZero(high);
        this.shape = shape.clone();
    }

    /** A copy with -0.0 replaced by 0.0: both bound the same set, and equals/hashCode compare bits. */
    private static float[] withoutNegativeZero(float[] bounds) {
        float[] copy = bounds.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] += 0.0f; // -0.0f + 0.0f is 0.0f; every other value is unchanged
        }
        return copy;
    }

    /** The number of elements of {@code shape}; every dimension must be >= 0 and the product fit in an int. */
    private static int size(int[] shape) {
        int size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Box shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            try {
                size = Math.multiplyExact(size, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Box shape " + Arrays.toString(shape) + " has more than "
                        + Integer.MAX_VALUE + " elements");
            }
        }
        return size;
    }

    /** A one-dimensional box. */
    public Box(float[] low, float[] high) {
        this(low, high, low.length);
    }

    /** A box with the same bounds on every element. */
    public static Box uniform(float low, float high, int... shape) {
        int size = size(shape);
        float[] lo = new float[size];
        float[] hi = new float[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi, shape);
    }

    /** A box symmetric around zero: {@code [-high, high]}. */
    public static Box symmetric(float... high) {
        float[] lo = new float[high.length];
        for (int i = 0; i < high.length; i++) {
            lo[i] = -high[i];
        }
        return new Box(lo, high);
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    public float low(int i) {
        return low[i];
    }

    public float high(int i) {
        return high[i];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    @Override
    public boolean contains(float[] x) {
        return x != null && x.length == low.length && containsAt(x, 0);
    }

    /** Whether the {@link #flatSize()} floats starting at {@code offset} lie in this box. */
    public boolean containsAt(float[] x, int offset) {
        for (int i = 0; i < low.length; i++) {
            float v = x[offset + i];
            // NaN fails both comparisons, so it is rejected here
            if (!(v >= low[i] && v <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** The same box with every element clipped into it (NaN stays NaN). */
    public void clip(float[] x, int offset) {
        for (int i = 0; i < low.length; i++) {
            x[offset + i] = Math.min(Math.max(x[offset + i], low[i]), high[i]);
        }
    }

    @Override
    public float[] sample(RandomGenerator rng) {
        float[] x = new float[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean boundedBelow = Float.isFinite(low[i]);
            boolean boundedAbove = Float.isFinite(high[i]);
            double v;
            if (boundedBelow && boundedAbove) {
                v = low[i] + rng.nextDouble() * ((double) high[i] - low[i]);
            } else if (boundedBelow) {
                v = low[i] + rng.nextExponential();
            } else if (boundedAbove) {
                v = high[i] - rng.nextExponential();
            } else {
                v = rng.nextGaussian();
            }
            x[i] = (float) Math.min(Math.max(v, low[i]), high[i]);
        }
        return x;
    }

    @Override
    public boolean isInstance(Object x) {
        return x instanceof float[];
    }

    @Override
    public String format(Object x) {
        return SpaceFormat.format(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high)
                && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        boolean sameBounds = Arrays.stream(box(low)).distinct().count() == 1
                && Arrays.stream(box(high)).distinct().count() == 1;
        String bounds = sameBounds ? low[0] + ", " + high[0] : Arrays.toString(low) + ", " + Arrays.toString(high);
        return "Box(" + bounds + ", " + Arrays.toString(shape) + ", float32)";
    }

    private static Float[] box(float[] a) {
        Float[] b = new Float[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }
}
