package rlx.envs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MultiDiscreteTest {

    @Test
    void containsVectorsWithEachElementBelowItsSize() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3});

        assertTrue(space.contains(new int[] {0, 0}));
        assertTrue(space.contains(new int[] {1, 2}));
        assertFalse(space.contains(new int[] {2, 0}));
        assertFalse(space.contains(new int[] {0, 3}));
        assertFalse(space.contains(new int[] {-1, 0}));
    }

    @Test
    void containsRejectsTheWrongLengthNullAndOtherTypes() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3});

        assertFalse(space.contains(new int[] {0}));
        assertFalse(space.contains(new int[] {0, 0, 0}));
        assertFalse(space.contains(null));
        assertFalse(space.containsObject(new float[] {0f, 0f}));
        assertFalse(space.containsObject(0));
        assertTrue(space.containsObject(new int[] {1, 1}));
    }

    @Test
    void samplesStayInsideAndReachEveryCombination() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3});
        RandomGenerator rng = Seeds.generator(8);
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int[] x = space.sample(rng);
            assertTrue(space.contains(x));
            seen.add(List.of(x[0], x[1]));
        }
        assertEquals(6, seen.size());
    }

    @Test
    void rejectsAnEmptyOrNonPositiveSizeVectorAndNamesTheElement() {
        assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(new int[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiDiscrete(new int[] {3, 0, 2}));
        assertTrue(e.getMessage().contains("nvec[1] (0)"), e.getMessage());
    }

    @Test
    void sizesAreCopiedInAndOut() {
        int[] nvec = {2, 3};
        MultiDiscrete space = new MultiDiscrete(nvec);
        nvec[0] = 100;
        space.nvec()[1] = 100;

        assertArrayEquals(new int[] {2, 3}, space.nvec());
        assertFalse(space.contains(new int[] {50, 0}));
    }

    @Test
    void shapeAndFlatSizeAreTheNumberOfElements() {
        MultiDiscrete space = new MultiDiscrete(new int[] {4, 4, 2});

        assertArrayEquals(new int[] {3}, space.shape());
        assertEquals(3, space.flatSize());
    }

    @Test
    void equalityComparesTheSizeVectorsByValue() {
        MultiDiscrete a = new MultiDiscrete(new int[] {2, 3});
        MultiDiscrete b = new MultiDiscrete(new int[] {2, 3});

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new MultiDiscrete(new int[] {3, 2}));
        assertNotEquals(a, new MultiDiscrete(new int[] {2, 3, 1}));
    }

    @Test
    void formatAndToStringPrintTheElements() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3});

        assertEquals("[1, 5]", space.format(new int[] {1, 5}));
        assertEquals("MultiDiscrete([2, 3])", space.toString());
    }

    @Test
    void formatPrintsArraysOfOtherTypesElementWise() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3});

        assertEquals("[1.0, 2.5]", space.format(new float[] {1f, 2.5f}));
    }
}
