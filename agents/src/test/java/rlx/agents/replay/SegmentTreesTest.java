package rlx.agents.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class SegmentTreesTest {

    @Test
    void findWalksPrefixSumsOfAHandBuiltTree() {
        // Dopamine's sum_tree.py example: leaves 0.5, 1, 0.5, 0.5 with cumulative bounds 0.5, 1.5, 2, 2.5.
        SumTree tree = new SumTree(4);
        double[] leaves = {0.5, 1, 0.5, 0.5};
        for (int i = 0; i < 4; i++) {
            tree.set(i, leaves[i]);
        }
        assertEquals(2.5, tree.total());
        assertEquals(0, tree.find(0));
        assertEquals(0, tree.find(0.49));
        assertEquals(1, tree.find(0.5));
        assertEquals(1, tree.find(1.49));
        assertEquals(2, tree.find(1.5));
        assertEquals(3, tree.find(2.0));
        assertEquals(3, tree.find(2.49));
    }

    @Test
    void findNeverLandsOnAnEmptyLeaf() {
        SumTree tree = new SumTree(5);
        tree.set(1, 3);
        tree.set(3, 2);
        assertEquals(1, tree.find(0), "leaf 0 is empty");
        assertEquals(3, tree.find(3));
        // A prefix at or past the total, as rounding in (i + u) * total / B can produce, gives the last positive
        // leaf, not leaf 4 or a padding leaf.
        assertEquals(3, tree.find(5));
        assertEquals(3, tree.find(5 * (1 + 1e-12)));
        assertEquals(3, tree.find(1e9));
    }

    @Test
    void sumTreeMatchesBruteForceOnSeededRandomUpdates() {
        int capacity = 37; // not a power of two, so padding leaves are exercised
        SumTree tree = new SumTree(capacity);
        double[] brute = new double[capacity];
        Rng rng = new Rng(42);
        for (int op = 0; op < 3000; op++) {
            int i = rng.nextInt(capacity);
            double v = rng.nextDouble() < 0.2 ? 0 : rng.nextDouble() * 10;
            tree.set(i, v);
            brute[i] = v;
            double total = 0;
            for (double b : brute) {
                total += b;
            }
            assertEquals(total, tree.total(), 1e-9 * Math.max(1, total));
            assertEquals(v, tree.get(i));
            if (op % 10 == 0 && total > 0) {
                for (int q = 0; q < 50; q++) {
                    double prefix = rng.nextDouble() * total;
                    assertEquals(bruteFind(brute, prefix), tree.find(prefix), "prefix " + prefix + " at op " + op);
                }
            }
        }
    }

    private static int bruteFind(double[] leaves, double prefix) {
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < leaves.length; i++) {
            if (leaves[i] > 0) {
                lastPositive = i;
                cumulative += leaves[i];
                if (prefix < cumulative) {
                    return i;
                }
            }
        }
        return lastPositive;
    }

    @Test
    void minTreeMatchesBruteForceOnSeededRandomUpdates() {
        int capacity = 21;
        MinTree tree = new MinTree(capacity);
        assertEquals(Double.POSITIVE_INFINITY, tree.min());
        double[] brute = new double[capacity];
        java.util.Arrays.fill(brute, Double.POSITIVE_INFINITY);
        Rng rng = new Rng(7);
        for (int op = 0; op < 2000; op++) {
            int i = rng.nextInt(capacity);
            double v = rng.nextDouble() * 100;
            tree.set(i, v);
            brute[i] = v;
            double min = Double.POSITIVE_INFINITY;
            for (double b : brute) {
                min = Math.min(min, b);
            }
            assertEquals(min, tree.min());
            assertEquals(v, tree.get(i));
        }
        tree.clear();
        assertEquals(Double.POSITIVE_INFINITY, tree.min());
    }

    @Test
    void invalidValuesAndIndicesAreRefused() {
        SumTree sums = new SumTree(3);
        assertThrows(IllegalArgumentException.class, () -> sums.set(0, -1));
        assertThrows(IllegalArgumentException.class, () -> sums.set(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sums.set(0, Double.POSITIVE_INFINITY));
        assertThrows(IndexOutOfBoundsException.class, () -> sums.set(3, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> sums.get(-1));
        assertThrows(IllegalStateException.class, () -> sums.find(0), "an all-zero tree has nothing to find");
        sums.set(0, 1);
        assertThrows(IllegalArgumentException.class, () -> sums.find(-0.5));
        assertThrows(IllegalArgumentException.class, () -> new SumTree(0));
        MinTree mins = new MinTree(3);
        assertThrows(IllegalArgumentException.class, () -> mins.set(0, Double.NaN));
        assertThrows(IndexOutOfBoundsException.class, () -> mins.set(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new MinTree(0));
    }
}
