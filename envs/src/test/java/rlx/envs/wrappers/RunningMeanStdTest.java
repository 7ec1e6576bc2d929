package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import rlx.envs.core.Seeds;

class RunningMeanStdTest {

    private static final double C0 = RunningMeanStd.DEFAULT_INITIAL_COUNT;

    /** {@code n} vectors of {@code size} floats with different means and scales per element. */
    private static float[] seededData(long seed, int n, int size) {
        RandomGenerator rng = Seeds.generator(seed);
        float[] data = new float[n * size];
        for (int j = 0; j < n; j++) {
            for (int d = 0; d < size; d++) {
                data[j * size + d] = (float) (100.0 * d - 3.0 + (d + 0.5) * rng.nextGaussian());
            }
        }
        return data;
    }

    @Test
    void startsAtGymnasiumsPrior() {
        RunningMeanStd rms = new RunningMeanStd(2);
        assertArrayEquals(new double[] {0, 0}, rms.mean());
        assertArrayEquals(new double[] {1, 1}, rms.var());
        assertEquals(1e-4, rms.count());
    }

    @Test
    void firstSampleMergesWithThePrior() {
        RunningMeanStd rms = new RunningMeanStd(1);
        rms.update(new float[] {2f});
        // the prior is a pseudo-sample set of weight 1e-4, mean 0, var 1
        double total = C0 + 1;
        assertEquals(2.0 / total, rms.mean(0), 1e-15);
        assertEquals((C0 * 1.0 + 4.0 * C0 / total) / total, rms.var(0), 1e-15);
        assertEquals(total, rms.count(), 1e-15);
    }

    @Test
    void matchesTwoPassMeanAndVarianceOnSeededData() {
        int n = 1000;
        int size = 3;
        float[] data = seededData(42, n, size);
        RunningMeanStd rms = new RunningMeanStd(size);
        for (int j = 0; j < n; j++) {
            float[] sample = new float[size];
            System.arraycopy(data, j * size, sample, 0, size);
            rms.update(sample);
        }
        for (int d = 0; d < size; d++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += data[j * size + d];
            }
            double dataMean = sum / n;
            double m2 = 0;
            for (int j = 0; j < n; j++) {
                double dev = data[j * size + d] - dataMean;
                m2 += dev * dev;
            }
            // exact merge of the prior (weight C0, mean 0, var 1) with the data's two-pass moments
            double total = C0 + n;
            double expectedMean = dataMean * n / total;
            double expectedVar = (C0 + m2 + dataMean * dataMean * C0 * n / total) / total;
            assertEquals(expectedMean, rms.mean(d), 1e-9 * Math.max(1, Math.abs(expectedMean)), "mean " + d);
            assertEquals(expectedVar, rms.var(d), 1e-9 * expectedVar, "var " + d);
            // and the prior is negligible after 1000 samples
            assertEquals(dataMean, rms.mean(d), 1e-3 * Math.max(1, Math.abs(dataMean)));
            assertEquals(m2 / n, rms.var(d), 1e-3 * (m2 / n));
        }
        assertEquals(C0 + n, rms.count(), 1e-9);
    }

    @Test
    void batchUpdateAtAnOffsetEqualsElementByElementUpdates() {
        int size = 3;
        int n = 50;
        int offset = 7;
        float[] data = seededData(7, n, size);
        float[] padded = new float[offset + data.length + 5];
        Arrays.fill(padded, 1e6f); // garbage around the batch must not be read
        System.arraycopy(data, 0, padded, offset, data.length);

        RunningMeanStd batched = new RunningMeanStd(size);
        batched.update(padded, offset, n);
        RunningMeanStd single = new RunningMeanStd(size);
        for (int j = 0; j < n; j++) {
            single.update(data, j * size, 1);
        }
        assertSameStatistics(single, batched);
    }

    @Test
    void chunkedBatchesAndMergedMomentsEqualOneBatch() {
        int size = 2;
        float[] data = seededData(3, 30, size);
        RunningMeanStd whole = new RunningMeanStd(size);
        whole.update(data, 0, 30);
        RunningMeanStd chunks = new RunningMeanStd(size);
        chunks.update(data, 0, 4);
        chunks.update(data, 4 * size, 0);
        chunks.update(data, 4 * size, 17);
        chunks.update(data, 21 * size, 9);
        assertSameStatistics(whole, chunks);

        // the same chunks as three runners' moments merged by a learner, in two different arrival orders
        RunningMeanStd.State a = RunningMeanStd.moments(data, 0, 4, size);
        RunningMeanStd.State b = RunningMeanStd.moments(data, 4 * size, 17, size);
        RunningMeanStd.State c = RunningMeanStd.moments(data, 21 * size, 9, size);
        assertEquals(4, a.count());
        for (RunningMeanStd.State[] order : new RunningMeanStd.State[][] {{a, b, c}, {c, a, b}}) {
            RunningMeanStd merged = new RunningMeanStd(size);
            for (RunningMeanStd.State s : order) {
                merged.merge(s);
            }
            assertSameStatistics(whole, merged);
        }
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd(3).merge(a));
    }

    private static void assertSameStatistics(RunningMeanStd expected, RunningMeanStd actual) {
        for (int d = 0; d < expected.size(); d++) {
            assertEquals(expected.mean(d), actual.mean(d), 1e-9 * Math.max(1, Math.abs(expected.mean(d))));
            assertEquals(expected.var(d), actual.var(d), 1e-9 * expected.var(d));
        }
        assertEquals(expected.count(), actual.count(), 1e-12);
    }

    @Test
    void momentsOfScalars() {
        double[] scalars = {1, 1.9, 2.71};
        RunningMeanStd.State m = RunningMeanStd.moments(scalars, 3);
        assertEquals((1 + 1.9 + 2.71) / 3, m.mean()[0], 1e-12);
        assertEquals(3, m.count());
    }

    @Test
    void doubleBatchesAndScalarsAgreeWithFloatBatches() {
        float[] data = seededData(11, 20, 1);
        double[] asDouble = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            asDouble[i] = data[i];
        }
        RunningMeanStd floats = new RunningMeanStd(1);
        floats.update(data, 0, data.length);
        RunningMeanStd doubles = new RunningMeanStd(1);
        doubles.update(asDouble, 0, asDouble.length);
        RunningMeanStd scalars = new RunningMeanStd(1);
        for (double x : asDouble) {
            scalars.update(x);
        }
        assertEquals(floats.mean(0), doubles.mean(0), 1e-12);
        assertEquals(floats.var(0), doubles.var(0), 1e-12);
        assertEquals(floats.mean(0), scalars.mean(0), 1e-9);
        assertEquals(floats.var(0), scalars.var(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd(2).update(1.0));
    }

    @Test
    void normalizesInPlaceOnlyTheGivenVectors() {
        RunningMeanStd rms = new RunningMeanStd(2);
        rms.restore(new RunningMeanStd.State(new double[] {1, -2}, new double[] {4, 0.25}, 10));
        float[] x = {9f, 3f, -1f, 5f, -2f, 9f};
        rms.normalize(x, 1, 2, 0.0);
        // vectors (3, -1) and (5, -2) at offset 1; x[0] and x[5] untouched
        assertArrayEquals(new float[] {9f, 1f, 2f, 2f, 0f, 9f}, x, 1e-6f);
        float[] y = {3f, -1f};
        rms.normalize(y, 0, 1e-8);
        assertEquals(1.0, y[0], 1e-6);
        assertEquals(1.0 / Math.sqrt(0.25 + 1e-8), y[1], 1e-6);
    }

    @Test
    void stateRoundTripsAndIsACopy() {
        RunningMeanStd rms = new RunningMeanStd(3);
        rms.update(seededData(5, 10, 3), 0, 10);
        RunningMeanStd.State saved = rms.state();

        RunningMeanStd restored = new RunningMeanStd(3);
        restored.restore(saved);
        assertEquals(saved, restored.state());
        assertArrayEquals(rms.mean(), restored.mean());
        assertArrayEquals(rms.var(), restored.var());
        assertEquals(rms.count(), restored.count());

        rms.update(new float[] {1000f, 1000f, 1000f});
        saved.mean()[0] = 123;
        assertNotEquals(rms.state(), saved, "the saved state must not follow later updates");
        assertEquals(restored.state(), saved, "nor changes to arrays it handed out");
    }

    @Test
    void rejectsInvalidParametersWithTheirNames() {
        assertMessage("size (0)", () -> new RunningMeanStd(0));
        assertMessage("initialCount (0.0)", () -> new RunningMeanStd(1, 0));
        assertMessage("initialCount (NaN)", () -> new RunningMeanStd(1, Double.NaN));
        assertMessage("n (-1)", () -> new RunningMeanStd(2).update(new float[4], 0, -1));
        assertMessage("do not fit", () -> new RunningMeanStd(2).update(new float[4], 1, 2));
        assertMessage("do not fit", () -> new RunningMeanStd(2).normalize(new float[4], 3, 1e-8));
        assertMessage("sample has 3", () -> new RunningMeanStd(2).update(new float[3]));
        assertMessage("state mean has 1",
                () -> new RunningMeanStd(2).restore(new RunningMeanStd.State(new double[1], new double[1], 1)));
        assertMessage("var -1.0", () -> new RunningMeanStd.State(new double[] {0}, new double[] {-1}, 1));
        assertMessage("count (0.0)", () -> new RunningMeanStd.State(new double[] {0}, new double[] {1}, 0));
    }

    private static void assertMessage(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks " + fragment);
    }
}
