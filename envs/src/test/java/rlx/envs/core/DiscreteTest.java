package rlx.envs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DiscreteTest {

    @Test
    void containsExactlyTheIntegersFromStartToStartPlusNMinusOne() {
        Discrete space = new Discrete(3, -1);

        assertTrue(space.contains(-1));
        assertTrue(space.contains(0));
        assertTrue(space.contains(1));
        assertFalse(space.contains(-2));
        assertFalse(space.contains(2));
        assertFalse(space.contains((Integer) null));
    }

    @Test
    void defaultStartIsZero() {
        Discrete space = new Discrete(2);

        assertEquals(0, space.start());
        assertTrue(space.contains(0));
        assertTrue(space.contains(1));
        assertFalse(space.contains(2));
        assertFalse(space.contains(-1));
    }

    @Test
    void samplesStayInRangeAndReachEveryValue() {
        Discrete space = new Discrete(5, 10);
        RandomGenerator rng = Seeds.generator(42);
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            int x = space.sample(rng);
            assertTrue(x >= 10 && x <= 14, "sampled " + x);
            seen.add(x);
        }
        assertEquals(Set.of(10, 11, 12, 13, 14), seen);
    }

    @Test
    void sampleIsDeterministicForAFixedSeed() {
        Discrete space = new Discrete(1000);
        RandomGenerator a = Seeds.generator(7);
        RandomGenerator b = Seeds.generator(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(space.sample(a), space.sample(b));
        }
    }

    @Test
    void rejectsANonPositiveSizeAndNamesIt() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
        assertTrue(zero.getMessage().contains("(0)"), zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new Discrete(-3, 2));
        assertTrue(negative.getMessage().contains("(-3)"), negative.getMessage());
    }

    @Test
    void isAScalarOfFlatSizeOne() {
        Discrete space = new Discrete(4, 1);

        assertArrayEquals(new int[0], space.shape());
        assertEquals(1, space.flatSize());
    }

    @Test
    void onlyIntegersAreInstances() {
        Discrete space = new Discrete(2);

        assertTrue(space.isInstance(1));
        assertFalse(space.isInstance(1L));
        assertFalse(space.isInstance(1.0));
        assertFalse(space.isInstance(new int[] {1}));
        assertFalse(space.containsObject(1L));
        assertTrue(space.containsObject(1));
        assertFalse(space.containsObject(null));
    }

    @Test
    void equalityDependsOnSizeAndStart() {
        assertEquals(new Discrete(3), new Discrete(3, 0));
        assertEquals(new Discrete(3).hashCode(), new Discrete(3, 0).hashCode());
        assertEquals(new Discrete(3, 2), new Discrete(3, 2));
        assertEquals(new Discrete(3, 2).hashCode(), new Discrete(3, 2).hashCode());
        assertNotEquals(new Discrete(3), new Discrete(3, 1));
        assertNotEquals(new Discrete(3), new Discrete(4));
        assertNotEquals(new Discrete(3), (Object) new MultiDiscrete(new int[] {3}));
    }

    @Test
    void toStringShowsTheStartOnlyWhenItIsNotZero() {
        assertEquals("Discrete(3)", new Discrete(3).toString());
        assertEquals("Discrete(3, start=-1)", new Discrete(3, -1).toString());
    }

    @Test
    void formatPrintsAnyArrayElementWise() {
        Discrete space = new Discrete(2);

        assertEquals("1", space.format(1));
        assertEquals("[1.5]", space.format(new float[] {1.5f}));
        assertEquals("[0.5, 2.0]", space.format(new double[] {0.5, 2.0}));
        assertEquals("[1, 2]", space.format(new int[] {1, 2}));
        assertEquals("[3]", space.format(new long[] {3}));
        assertEquals("[a, [1]]", space.format(new Object[] {"a", new int[] {1}}));
        assertEquals("null", space.format(null));
    }

    @Test
    void aWrongTypeActionIsNamedInTheInvalidActionMessage() {
        InvalidActionException e = new InvalidActionException(new float[] {1f}, new Discrete(2));

        assertEquals("invalid action [1.0]: not in action space Discrete(2)", e.getMessage());
    }

    @Test
    void containsDoesNotWrapAroundForStartsFarFromZero() {
        // x - start overflows int for these: MAX_VALUE - MIN_VALUE wraps to -1, which is < n
        Discrete fromMin = new Discrete(10, Integer.MIN_VALUE);
        assertFalse(fromMin.contains(Integer.MAX_VALUE));
        assertFalse(fromMin.contains(0));
        assertTrue(fromMin.contains(Integer.MIN_VALUE + 9));
        assertFalse(fromMin.contains(Integer.MIN_VALUE + 10));

        Discrete negative = new Discrete(Integer.MAX_VALUE, -5);
        assertTrue(negative.contains(Integer.MAX_VALUE - 6));
        assertFalse(negative.contains(Integer.MAX_VALUE - 5));
        assertFalse(negative.contains(Integer.MAX_VALUE));
    }

    @Test
    void rejectsARangeThatDoesNotFitInAnInt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Discrete(10, Integer.MAX_VALUE - 5));

        assertTrue(e.getMessage().contains("start=" + (Integer.MAX_VALUE - 5)), e.getMessage());
        assertTrue(e.getMessage().contains("n=10"), e.getMessage());
        Discrete top = new Discrete(2, Integer.MAX_VALUE - 1);
        assertTrue(top.contains(Integer.MAX_VALUE));
        assertTrue(top.sample(Seeds.generator(0)) >= Integer.MAX_VALUE - 1);
    }
}
