package rlx.envs.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Integer vectors whose i-th element lies in {@code [0, nvec[i])}. */
public record MultiDiscrete(int[] nvec) implements Space<int[]> {

    public MultiDiscrete {
        if (nvec.length == 0) {
            throw new IllegalArgumentException("MultiDiscrete nvec must not be empty");
        }
        for (int i = 0; i < nvec.length; i++) {
            if (nvec[i] <= 0) {
                throw new IllegalArgumentException("MultiDiscrete nvec[" + i + "] (" + nvec[i] + ") must be > 0");
            }
        }
        nvec = nvec.clone();
    }

    @Override
    public int[] nvec() {
        return nvec.clone();
    }

    @Override
    public boolean contains(int[] x) {
        if (x == null || x.length != nvec.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || x[i] >= nvec[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] sample(RandomGenerator rng) {
        int[] x = new int[nvec.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextInt(nvec[i]);
        }
        return x;
    }

    @Override
    public int[] shape() {
        return new int[] {nvec.length};
    }

    @Override
    public int flatSize() {
        return nvec.length;
    }

    @Override
    public boolean isInstance(Object x) {
        return x instanceof int[];
    }

    @Override
    public String format(Object x) {
        return SpaceFormat.format(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nvec);
    }

    @Override
    public String toString() {
        return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
    }
}
