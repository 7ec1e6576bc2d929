package rlx.agents.replay;

import java.util.Arrays;

/**
 * A sum segment tree over non-negative leaf values: O(log n) point updates and O(log n) search for the leaf where
 * a running prefix sum crosses a value, which is how proportional prioritized replay samples (Schaul et al. 2016,
 * "Prioritized Experience Replay", section 3.3).
 *
 * <p>Internal nodes are recomputed from their two children on every update instead of adjusted by the change, so
 * they stay a deterministic function of the leaves: no drift over millions of updates, and a tree rebuilt from
 * saved leaves is bit-for-bit the original.
 */
public final class SumTree {

    private final int capacity;
    private final int leaves;
    // Heap layout: root at 1, children of k at 2k and 2k + 1, leaf i at leaves + i; leaves past capacity stay 0.
    private final double[] nodes;

    public SumTree(int capacity) {
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
    }

    public int capacity() {
        return capacity;
    }

    public double get(int index) {
        checkIndex(index);
        return nodes[leaves + index];
    }

    /** Sets leaf {@code index} to {@code value}, which must be finite and non-negative. */
    public void set(int index, double value) {
        checkIndex(index);
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sum-tree values must be finite and non-negative, got " + value);
        }
        int node = leaves + index;
        nodes[node] = value;
        for (node >>= 1; node >= 1; node >>= 1) {
            nodes[node] = nodes[2 * node] + nodes[2 * node + 1];
        }
    }

    /** Sum of all leaves. */
    public double total() {
        return nodes[1];
    }

    /**
     * The leaf {@code i} whose cumulative range {@code [sum(0..i-1), sum(0..i))} contains {@code prefix}, for
     * {@code 0 <= prefix < total()}. Never returns a leaf of value 0: a prefix pushed to {@code total()} or past it
     * by rounding yields the last positive leaf instead of an empty slot.
     */
    public int find(double prefix) {
        if (!(nodes[1] > 0)) {
            throw new IllegalStateException("cannot search a sum tree whose total is " + nodes[1]);
        }
        if (!(prefix >= 0)) {
            throw new IllegalArgumentException("prefix must be non-negative, got " + prefix);
        }
        int node = 1;
        while (node < leaves) {
            int left = 2 * node;
            if (prefix < nodes[left] || nodes[left + 1] <= 0) {
                node = left;
            } else {
                prefix -= nodes[left];
                node = left + 1;
            }
        }
        return node - leaves;
    }

    /** Sets every leaf to 0. */
    public void clear() {
        Arrays.fill(nodes, 0.0);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + capacity + ")");
        }
    }
}
