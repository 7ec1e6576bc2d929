package rlx.envs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BoxTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    @Test
    void containsIsInclusiveAtBothBounds() {
        Box box = new Box(new float[] {-1f, 0f}, new float[] {1f, 2f});

        assertTrue(box.contains(new float[] {-1f, 0f}));
        assertTrue(box.contains(new float[] {1f, 2f}));
        assertTrue(box.contains(new float[] {0.5f, 1.5f}));
        assertFalse(box.contains(new float[] {Math.nextUp(1f), 1f}));
        assertFalse(box.contains(new float[] {0f, Math.nextDown(0f)}));
    }

    @Test
    void nanIsNeverContainedEvenInAnUnboundedDimension() {
        Box bounded = Box.uniform(-1f, 1f, 2);
        Box unbounded = Box.uniform(-INF, INF, 2);

        assertFalse(bounded.contains(new float[] {0f, Float.NaN}));
        assertFalse(unbounded.contains(new float[] {Float.NaN, 0f}));
    }

    @Test
    void infinitiesAreContainedOnlyWhereTheBoundIsInfinite() {
        Box halfBounded = new Box(new float[] {0f, -INF}, new float[] {INF, 0f});

        assertTrue(halfBounded.contains(new float[] {INF, -INF}));
        assertTrue(halfBounded.contains(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE}));
        assertFalse(halfBounded.contains(new float[] {-INF, 0f}));
        assertFalse(halfBounded.contains(new float[] {0f, INF}));
        assertFalse(Box.uniform(-1f, 1f, 1).contains(new float[] {INF}));
        assertFalse(Box.uniform(-1f, 1f, 1).contains(new float[] {-INF}));
    }

    @Test
    void containsRejectsTheWrongLengthAndNull() {
        Box box = Box.uniform(0f, 1f, 2, 2);

        assertTrue(box.contains(new float[4]));
        assertFalse(box.contains(new float[3]));
        assertFalse(box.contains(new float[5]));
        assertFalse(box.contains(null));
        assertFalse(box.containsObject(new double[4]));
        assertFalse(box.containsObject(0f));
    }

    @Test
    void containsAtReadsTheElementsAtTheOffset() {
        Box box = Box.uniform(0f, 1f, 2);
        float[] batch = {5f, 0.5f, 0.5f, 5f};

        assertTrue(box.containsAt(batch, 1));
        assertFalse(box.containsAt(batch, 0));
        assertFalse(box.containsAt(batch, 2));
    }

    @Test
    void shapeIsKeptAndFlatSizeIsItsProduct() {
        Box box = Box.uniform(0f, 1f, 2, 3);

        assertArrayEquals(new int[] {2, 3}, box.shape());
        assertEquals(6, box.flatSize());
        assertArrayEquals(new int[] {3}, new Box(new float[3], new float[3]).shape());
        assertEquals(1, new Box(new float[1], new float[1], new int[0]).flatSize());
    }

    @Test
    void boundedSamplesStayInsideAndSpreadOverTheBox() {
        Box box = new Box(new float[] {-2f, 10f, 0f}, new float[] {2f, 10.5f, 0f});
        RandomGenerator rng = Seeds.generator(3);
        float[] min = {INF, INF, INF};
        float[] max = {-INF, -INF, -INF};
        for (int i = 0; i < 10_000; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x), () -> java.util.Arrays.toString(x));
            for (int d = 0; d < 3; d++) {
                min[d] = Math.min(min[d], x[d]);
                max[d] = Math.max(max[d], x[d]);
            }
        }
        // uniform over [-2, 2]: 10,000 draws come within 0.01 of each end
        assertTrue(min[0] < -1.99f && max[0] > 1.99f, min[0] + " " + max[0]);
        assertTrue(min[1] < 10.01f && max[1] > 10.49f, min[1] + " " + max[1]);
        // a degenerate dimension can only give its single value
        assertEquals(0f, min[2]);
        assertEquals(0f, max[2]);
    }

    @Test
    void halfBoundedSamplesStayOnTheirSideAndFollowAnExponentialTail() {
        Box box = new Box(new float[] {1f, -INF}, new float[] {INF, -1f});
        RandomGenerator rng = Seeds.generator(11);
        int n = 20_000;
        double sumAbove = 0;
        double sumBelow = 0;
        for (int i = 0; i < n; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x), () -> java.util.Arrays.toString(x));
            assertTrue(Float.isFinite(x[0]) && Float.isFinite(x[1]));
            sumAbove += x[0] - 1f;
            sumBelow += -1f - x[1];
        }
        // low + Exp(1) and high - Exp(1), as Gymnasium: the mean distance from the bound is 1
        assertEquals(1.0, sumAbove / n, 0.05);
        assertEquals(1.0, sumBelow / n, 0.05);
    }

    @Test
    void unboundedSamplesAreFiniteStandardNormals() {
        Box box = Box.uniform(-INF, INF, 2);
        RandomGenerator rng = Seeds.generator(5);
        int n = 20_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x));
            for (float v : x) {
                assertTrue(Float.isFinite(v));
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = sum / (2 * n);
        assertEquals(0.0, mean, 0.03);
        assertEquals(1.0, sumSq / (2 * n) - mean * mean, 0.05);
    }

    @Test
    void samplesAreDeterministicForAFixedSeed() {
        Box box = new Box(new float[] {-1f, 0f, -INF}, new float[] {1f, INF, INF});
        RandomGenerator a = Seeds.generator(99);
        RandomGenerator b = Seeds.generator(99);
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(box.sample(a), box.sample(b));
        }
    }

    @Test
    void samplesOfHugeFiniteBoundsStayInside() {
        Box box = Box.uniform(-Float.MAX_VALUE, Float.MAX_VALUE, 3);
        RandomGenerator rng = Seeds.generator(1);
        for (int i = 0; i < 1000; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x), () -> java.util.Arrays.toString(x));
        }
    }

    @Test
    void rejectsLowAboveHighAndNamesTheElementAndValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[] {0f, 2f}, new float[] {1f, 1f}));

        assertTrue(e.getMessage().contains("bound 1"), e.getMessage());
        assertTrue(e.getMessage().contains("low=2.0"), e.getMessage());
        assertTrue(e.getMessage().contains("high=1.0"), e.getMessage());
    }

    @Test
    void rejectsNanBoundsAndNamesThem() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[] {Float.NaN}, new float[] {1f}));
        assertTrue(low.getMessage().contains("low=NaN"), low.getMessage());

        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[] {0f, 0f}, new float[] {1f, Float.NaN}));
        assertTrue(high.getMessage().contains("bound 1"), high.getMessage());
        assertTrue(high.getMessage().contains("high=NaN"), high.getMessage());
    }

    @Test
    void rejectsBoundsThatDoNotMatchTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[3], new float[3], 2, 2));

        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 4"), e.getMessage());
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Box(new float[2], new float[3]));
    }

    @Test
    void boundsAreCopiedInAndOut() {
        float[] low = {0f, 0f};
        float[] high = {1f, 1f};
        Box box = new Box(low, high);
        low[0] = 5f;
        high[1] = -5f;
        box.low()[1] = 7f;
        box.high()[0] = -7f;

        assertArrayEquals(new float[] {0f, 0f}, box.low());
        assertArrayEquals(new float[] {1f, 1f}, box.high());
        assertEquals(0f, box.low(1));
        assertEquals(1f, box.high(0));
    }

    @Test
    void symmetricAndUniformBuildTheExpectedBounds() {
        assertEquals(new Box(new float[] {-1f, -2f}, new float[] {1f, 2f}), Box.symmetric(1f, 2f));
        assertEquals(new Box(new float[] {-3f, -3f, -3f, -3f}, new float[] {4f, 4f, 4f, 4f}, 2, 2),
                Box.uniform(-3f, 4f, 2, 2));
    }

    @Test
    void equalBoxesHaveEqualHashCodes() {
        Box a = new Box(new float[] {-1f, 0f}, new float[] {1f, INF});
        Box b = new Box(new float[] {-1f, 0f}, new float[] {1f, INF});

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void boxesDifferingInBoundsOrShapeAreNotEqual() {
        Box flat = Box.uniform(0f, 1f, 4);

        assertNotEquals(flat, Box.uniform(0f, 1f, 2, 2));
        assertNotEquals(flat, Box.uniform(0f, 2f, 4));
        assertNotEquals(flat, Box.uniform(-1f, 1f, 4));
        assertNotEquals(flat, Box.uniform(0f, 1f, 3));
        assertNotEquals(flat, (Object) new MultiDiscrete(new int[] {2, 2, 2, 2}));
    }

    @Test
    void clipMovesValuesOntoTheBoundsAndKeepsNan() {
        Box box = new Box(new float[] {-1f, 0f, 0f}, new float[] {1f, INF, 1f});
        float[] x = {9f, -5f, -3f, 100f, Float.NaN};

        box.clip(x, 1);

        assertEquals(9f, x[0]);
        assertEquals(-1f, x[1]);
        assertEquals(0f, x[2]);
        assertEquals(1f, x[3]);
        assertTrue(Float.isNaN(x[4]));
    }

    @Test
    void formatPrintsFloatArraysElementWise() {
        Box box = Box.uniform(-2f, 2f, 1);

        assertEquals("[5.0]", box.format(new float[] {5f}));
        assertEquals("Box(-2.0, 2.0, [1], float32)", box.toString());
        assertEquals("Box([-1.0, 0.0], [1.0, 2.0], [2], float32)",
                new Box(new float[] {-1f, 0f}, new float[] {1f, 2f}).toString());
    }

    @Test
    void formatPrintsArraysOfOtherTypesElementWise() {
        Box box = Box.uniform(-2f, 2f, 1);

        assertEquals("[1, 2]", box.format(new int[] {1, 2}));
        assertEquals("[0.5]", box.format(new double[] {0.5}));
        assertEquals("3", box.format(3));
    }

    @Test
    void rejectsANegativeDimensionAndNamesIt() {
        // (-1) * (-1) = 1 matches one bound, which used to make this shape pass
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[1], new float[1], -1, -1));
        assertTrue(e.getMessage().contains("[-1, -1]"), e.getMessage());

        IllegalArgumentException uniform = assertThrows(IllegalArgumentException.class,
                () -> Box.uniform(0f, 1f, 2, -3));
        assertTrue(uniform.getMessage().contains("[2, -3]"), uniform.getMessage());
    }

    @Test
    void rejectsAShapeWhoseSizeOverflowsAnInt() {
        // 65536 * 65536 wraps to 0 in int arithmetic
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Box(new float[0], new float[0], 65536, 65536));
        assertTrue(e.getMessage().contains("[65536, 65536]"), e.getMessage());
    }

    @Test
    void aZeroSizedDimensionGivesAnEmptyBox() {
        Box empty = new Box(new float[0], new float[0], 3, 0);

        assertEquals(0, empty.flatSize());
        assertTrue(empty.contains(new float[0]));
    }

    @Test
    void boundsOfMinusZeroAndZeroDescribeTheSameBox() {
        // symmetric(0) negates 0 into -0.0f; the set [-0, 0] is the set [0, 0]
        Box negatedZero = Box.symmetric(1f, 0f);
        Box plainZero = new Box(new float[] {-1f, 0f}, new float[] {1f, 0f});

        assertEquals(plainZero, negatedZero);
        assertEquals(plainZero.hashCode(), negatedZero.hashCode());
        assertEquals(plainZero.toString(), negatedZero.toString());
        assertTrue(negatedZero.contains(new float[] {0f, -0f}));
    }
}
