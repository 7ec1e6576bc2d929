package rlx.agents.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.agents.replay.ReplayTesting.addNumbered;
import static rlx.agents.replay.ReplayTesting.assertSameBatch;
import static rlx.agents.replay.ReplayTesting.load;
import static rlx.agents.replay.ReplayTesting.saved;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class PrioritizedReplayTest {

    /** A full buffer of 4 whose priorities become 1, 2, 4, 8: (|td| + 0.5)^0.5 with |td| + 0.5 = 1, 4, 16, 64. */
    private static PrioritizedReplay priorities1248() {
        PrioritizedReplay buffer = new PrioritizedReplay(4, 1, 0.5, 0.5);
        for (int k = 0; k < 4; k++) {
            addNumbered(buffer, k, 1f);
        }
        buffer.updatePriorities(new int[] {0, 1, 2, 3}, new float[] {0.5f, -3.5f, 15.5f, -63.5f}, 4);
        return buffer;
    }

    @Test
    void priorityIsAbsoluteTdErrorPlusEpsilonToTheAlpha() {
        PrioritizedReplay buffer = priorities1248();
        assertEquals(1.0, buffer.priority(0), 1e-12);
        assertEquals(2.0, buffer.priority(1), 1e-12, "negative TD errors count by their magnitude");
        assertEquals(4.0, buffer.priority(2), 1e-12);
        assertEquals(8.0, buffer.priority(3), 1e-12);
        assertEquals(8.0, buffer.maxPriority(), 1e-12);
    }

    @Test
    void newTransitionsGetTheMaxPrioritySeenSoFar() {
        PrioritizedReplay buffer = new PrioritizedReplay(3, 1, 1.0, 0.25);
        addNumbered(buffer, 0, 1f);
        assertEquals(1.0, buffer.priority(0), "before any update the max priority is 1");
        buffer.updatePriorities(new int[] {0}, new float[] {2.75f}, 1);
        assertEquals(3.0, buffer.priority(0), 1e-12);
        addNumbered(buffer, 1, 1f);
        assertEquals(3.0, buffer.priority(1), 1e-12);
        // Lowering a priority does not lower the max: new transitions still come in at 3.
        buffer.updatePriorities(new int[] {0, 1}, new float[] {0f, 0f}, 2);
        addNumbered(buffer, 2, 1f);
        assertEquals(3.0, buffer.priority(2), 1e-12);
        assertEquals(0.25, buffer.priority(0), 1e-12);
    }

    @Test
    void anOverwrittenSlotTakesTheMaxPriorityNotItsPredecessors() {
        PrioritizedReplay buffer = new PrioritizedReplay(2, 1, 1.0, 0.1);
        addNumbered(buffer, 0, 1f);
        addNumbered(buffer, 1, 1f);
        buffer.updatePriorities(new int[] {0, 1}, new float[] {0f, 4.9f}, 2);
        addNumbered(buffer, 2, 1f); // overwrites slot 0, which had the minimum 0.1
        assertEquals(5.0, buffer.priority(0), 1e-6);
        // Both stored priorities are now 5, so with full correction every weight is 1: the old minimum is gone.
        SampledBatch batch = new SampledBatch(8, 1);
        buffer.sample(8, 1.0, new Rng(0), batch);
        for (int row = 0; row < 8; row++) {
            assertEquals(1f, batch.weights[row], 1e-6f);
        }
    }

    @Test
    void samplingFrequenciesAreProportionalToPriorities() {
        PrioritizedReplay buffer = new PrioritizedReplay(4, 1, 1.0, 1.0);
        for (int k = 0; k < 4; k++) {
            addNumbered(buffer, k, 1f);
        }
        buffer.updatePriorities(new int[] {0, 1, 2, 3}, new float[] {0, 1, 3, 5}, 4); // priorities 1, 2, 4, 6
        int[] counts = new int[4];
        SampledBatch batch = new SampledBatch(32, 1);
        Rng rng = new Rng(11);
        int draws = 64_000;
        for (int round = 0; round < draws / 32; round++) {
            buffer.sample(32, 0.4, rng, batch);
            for (int row = 0; row < 32; row++) {
                counts[batch.indices[row]]++;
                assertEquals(batch.indices[row], batch.actions[row], "row holds the transition of its slot");
            }
        }
        double[] p = {1, 2, 4, 6};
        for (int i = 0; i < 4; i++) {
            double expected = draws * p[i] / 13;
            double sd = Math.sqrt(draws * (p[i] / 13) * (1 - p[i] / 13));
            assertTrue(Math.abs(counts[i] - expected) < 5 * sd,
                    "slot " + i + ": " + counts[i] + " draws, expected about " + expected);
        }
    }

    @Test
    void samplingIsStratifiedOverEqualSegments() {
        // Equal priorities and a batch as large as the buffer: each of the 5 segments covers exactly one slot.
        PrioritizedReplay buffer = new PrioritizedReplay(5, 1, 0.6, 1e-6);
        for (int k = 0; k < 5; k++) {
            addNumbered(buffer, k, 1f);
        }
        SampledBatch batch = new SampledBatch(5, 1);
        Rng rng = new Rng(3);
        for (int round = 0; round < 100; round++) {
            buffer.sample(5, 0.4, rng, batch);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, batch.indices);
        }
    }

    @Test
    void importanceWeightsHandComputedOnATinyBuffer() {
        PrioritizedReplay buffer = priorities1248();
        // P = (1, 2, 4, 8) / 15, N = 4, beta = 0.5: w_i = (4 P_i)^-0.5 / max_j (4 P_j)^-0.5 = (1 / p_i)^0.5.
        float[] expected = {1f, (float) (1 / Math.sqrt(2)), 0.5f, (float) (1 / Math.sqrt(8))};
        for (int i = 0; i < 4; i++) {
            double p = new double[] {1, 2, 4, 8}[i];
            double fromDefinition = Math.pow(4 * p / 15, -0.5) / Math.pow(4 * 1.0 / 15, -0.5);
            assertEquals(expected[i], fromDefinition, 1e-6);
        }
        SampledBatch batch = new SampledBatch(16, 1);
        Rng rng = new Rng(8);
        boolean[] seen = new boolean[4];
        for (int round = 0; round < 50; round++) {
            buffer.sample(16, 0.5, rng, batch);
            for (int row = 0; row < 16; row++) {
                int slot = batch.indices[row];
                seen[slot] = true;
                assertEquals(expected[slot], batch.weights[row], 1e-6f, "weight of slot " + slot);
            }
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, seen);
        // Batches of one: the weights are normalised by the max over the buffer, not over the batch, so they stay
        // below 1 for slots other than the minimum-priority one.
        SampledBatch single = new SampledBatch(1, 1);
        int belowOne = 0;
        for (int round = 0; round < 200; round++) {
            buffer.sample(1, 0.5, rng, single);
            assertEquals(expected[single.indices[0]], single.weights[0], 1e-6f);
            belowOne += single.weights[0] < 1f ? 1 : 0;
        }
        assertTrue(belowOne > 150, belowOne + " of 200 single draws had a weight below 1");
    }

    @Test
    void betaZeroGivesUnitWeights() {
        PrioritizedReplay buffer = priorities1248();
        SampledBatch batch = new SampledBatch(16, 1);
        buffer.sample(16, 0.0, new Rng(4), batch);
        for (int row = 0; row < 16; row++) {
            assertEquals(1f, batch.weights[row]);
        }
    }

    @Test
    void betaOneFullyCorrectsTheSamplingBias() {
        PrioritizedReplay buffer = priorities1248(); // rewards 0, 1, 2, 3 in slots of priority 1, 2, 4, 8
        SampledBatch batch = new SampledBatch(32, 1);
        Rng rng = new Rng(21);
        double weighted = 0;
        double weights = 0;
        double unweighted = 0;
        int draws = 0;
        for (int round = 0; round < 3000; round++) {
            buffer.sample(32, 1.0, rng, batch);
            for (int row = 0; row < 32; row++) {
                // With beta = 1 the weight is exactly p_min / p_i, i.e. 1 / (N P(i)) up to the normalisation.
                assertEquals(1.0 / buffer.priority(batch.indices[row]), batch.weights[row], 1e-6);
                weighted += batch.weights[row] * batch.rewards[row];
                weights += batch.weights[row];
                unweighted += batch.rewards[row];
                draws++;
            }
        }
        // Prioritised draws are biased towards high rewards (mean 34/15); the weights recover the uniform 1.5.
        assertEquals(34.0 / 15, unweighted / draws, 0.03);
        assertEquals(1.5, weighted / weights, 0.03);
    }

    @Test
    void alphaZeroIsUniform() {
        PrioritizedReplay buffer = new PrioritizedReplay(4, 1, 0.0, 0.01);
        for (int k = 0; k < 4; k++) {
            addNumbered(buffer, k, 1f);
        }
        buffer.updatePriorities(new int[] {0, 1, 2, 3}, new float[] {0, 10, 100, 1000}, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, buffer.priority(i));
        }
    }

    @Test
    void invalidUpdatesChangeNothing() {
        PrioritizedReplay buffer = priorities1248();
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> buffer.updatePriorities(new int[] {0, 1}, new float[] {5f, Float.NaN}, 2));
        assertTrue(nan.getMessage().contains("tdErrors[1]"), nan.getMessage());
        assertEquals(1.0, buffer.priority(0), 1e-12, "slot 0 was valid but must not be updated either");
        PrioritizedReplay partial = new PrioritizedReplay(4, 1, 0.6, 1e-6);
        addNumbered(partial, 0, 1f);
        assertThrows(IndexOutOfBoundsException.class,
                () -> partial.updatePriorities(new int[] {1}, new float[] {1f}, 1), "slot 1 holds nothing yet");
        assertThrows(IllegalArgumentException.class,
                () -> buffer.updatePriorities(new int[] {0}, new float[] {1f, 2f}, 2));
    }

    @Test
    void invalidConstructionAndSamplingAreRefused() {
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedReplay(10, 2, -0.1, 1e-6));
        assertTrue(alpha.getMessage().contains("alpha") && alpha.getMessage().contains("-0.1"));
        IllegalArgumentException epsilon = assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedReplay(10, 2, 0.6, 0));
        assertTrue(epsilon.getMessage().contains("epsilon"));
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplay(0, 2, 0.6, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplay(10, 2, Double.NaN, 1e-6));
        PrioritizedReplay buffer = new PrioritizedReplay(10, 1, 0.6, 1e-6);
        SampledBatch batch = new SampledBatch(4, 1);
        assertThrows(IllegalStateException.class, () -> buffer.sample(4, 0.4, new Rng(0), batch));
        addNumbered(buffer, 0, 1f);
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> buffer.sample(4, 1.5, new Rng(0), batch));
        assertTrue(beta.getMessage().contains("beta") && beta.getMessage().contains("1.5"));
    }

    @Test
    void saveLoadRoundTripSamplesIdentically() throws IOException {
        PrioritizedReplay original = new PrioritizedReplay(16, 2, 0.6, 1e-3);
        Rng data = new Rng(99);
        for (int k = 0; k < 40; k++) {
            addNumbered(original, k, 0.99f);
            if (k % 5 == 4) {
                int[] slots = new int[3];
                float[] td = new float[3];
                for (int j = 0; j < 3; j++) {
                    slots[j] = data.nextInt(original.size());
                    td[j] = (float) data.nextGaussian() * 3;
                }
                original.updatePriorities(slots, td, 3);
            }
        }
        PrioritizedReplay restored = new PrioritizedReplay(16, 2, 0.6, 1e-3);
        addNumbered(restored, 7, 1f);
        restored.updatePriorities(new int[] {0}, new float[] {1000f}, 1);
        load(restored, saved(original));
        assertEquals(original.size(), restored.size());
        assertEquals(original.added(), restored.added());
        assertEquals(original.maxPriority(), restored.maxPriority());
        for (int i = 0; i < 16; i++) {
            assertEquals(original.priority(i), restored.priority(i));
        }
        Rng rngA = new Rng(5);
        Rng rngB = Rng.restore(rngA.state());
        SampledBatch a = new SampledBatch(8, 2);
        SampledBatch b = new SampledBatch(8, 2);
        for (int round = 0; round < 10; round++) {
            original.sample(8, 0.5, rngA, a);
            restored.sample(8, 0.5, rngB, b);
            assertSameBatch(a, b);
            float[] td = new float[8];
            Arrays.fill(td, round);
            original.updatePriorities(a.indices, td, 8);
            restored.updatePriorities(b.indices, td, 8);
            addNumbered(original, 100 + round, 0.5f);
            addNumbered(restored, 100 + round, 0.5f);
        }
        assertEquals(Arrays.toString(UniformReplayTest.contentsBySlot(original)),
                Arrays.toString(UniformReplayTest.contentsBySlot(restored)));
    }

    @Test
    void loadingAMismatchedHeaderFailsClearly() throws IOException {
        PrioritizedReplay source = new PrioritizedReplay(10, 4, 0.6, 1e-6);
        addNumbered(source, 1, 1f);
        byte[] bytes = saved(source);

        PrioritizedReplay otherAlpha = new PrioritizedReplay(10, 4, 0.7, 1e-6);
        IOException alpha = assertThrows(IOException.class, () -> load(otherAlpha, bytes));
        assertTrue(alpha.getMessage().contains("alpha=0.6") && alpha.getMessage().contains("alpha=0.7"),
                alpha.getMessage());

        IOException type = assertThrows(IOException.class, () -> load(new UniformReplay(10, 4), bytes));
        assertTrue(type.getMessage().contains("UniformReplay") && type.getMessage().contains("PrioritizedReplay"),
                type.getMessage());

        IOException shape = assertThrows(IOException.class,
                () -> load(new PrioritizedReplay(10, 5, 0.6, 1e-6), bytes));
        assertTrue(shape.getMessage().contains("obsSize=4") && shape.getMessage().contains("obsSize=5"),
                shape.getMessage());
    }
}
