package rlx.envs.core;

import java.util.random.RandomGenerator;

/** The integers {@code start, ..., start + n - 1}. */
public record Discrete(int n, int start) implements Space<Integer> {

    public Discrete {
        if (n <= 0) {
            throw new IllegalArgumentException("Discrete n (" + n + ") must be > 0");
        }
        if ((long) start + n - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Discrete(n=" + n + ", start=" + start + ") has elements beyond "
                    + Integer.MAX_VALUE);
        }
    }

    public Discrete(int n) {
        this(n, 0);
    }

    public boolean contains(int x) {
        // in long: x - start overflows int when start is far from x
        return x >= start && (long) x - start < n;
    }

    @Override
    public boolean contains(Integer x) {
        return x != null && contains(x.intValue());
    }

    @Override
    public Integer sample(RandomGenerator rng) {
        return start + rng.nextInt(n);
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public int flatSize() {
        return 1;
    }

    @Override
    public boolean isInstance(Object x) {
        return x instanceof Integer;
    }

    @Override
    public String format(Object x) {
        return SpaceFormat.format(x);
    }

    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }
}
