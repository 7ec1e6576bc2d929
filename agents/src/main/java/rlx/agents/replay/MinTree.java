package rlx.agents.replay;

import java.util.Arrays;

/**
 * A min segment tree: O(log n) point updates and O(1) minimum over all leaves. Prioritized replay uses it for the
 * smallest stored priority, which gives the largest importance weight, the one every weight is normalised by
 * (Schaul et al. 2016, "Prioritized Experience Replay", section 3.4). Leaves never set count as +infinity.
 */
public final class MinTree {

    private final int capacity;
    private final int leaves;
    private final double[] nodes;

    public MinTree(int capacity) {
        if (capacity < 1 || capacity > (1 << 29)) {
            throw new IllegalArgumentException("capacity must be in [1, 2^29], got " + capacity);
        }
        this.capacity = capacity;
        int l = 1;
        while (l < capacity) {
            l <<= 1;
        }
        leaves = l;
        nodes = new double[2 * leaves];
        clear();
    }

    public int capacity() {
        return capacity;
    }

    public double get(int index) {
        checkIndex(index);
        return nodes[leaves + index];
    }

    /** Sets leaf {@code index}; NaN is refused because it would poison every minimum above it. */
    public void set(int index, double value) {
        checkIndex(index);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("min-tree values must not be NaN");
        }
        int node = leaves + index;
        nodes[node] = value;
        for (node >>= 1; node >= 1; node >>= 1) {
            nodes[node] = Math.min(nodes[2 * node], nodes[2 * node + 1]);
        }
    }

    /** Minimum over all leaves; +infinity if none was set. */
    public double min() {
        return nodes[1];
    }

    /** Resets every leaf to +infinity. */
    public void clear() {
        Arrays.fill(nodes, Double.POSITIVE_INFINITY);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + capacity + ")");
        }
    }
}
