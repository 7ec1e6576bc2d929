package rlx.agents.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.agents.replay.ReplayTesting.addNumbered;
import static rlx.agents.replay.ReplayTesting.assertSameBatch;
import static rlx.agents.replay.ReplayTesting.load;
import static rlx.agents.replay.ReplayTesting.saved;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class UniformReplayTest {

    @Test
    void ringOverwritesTheOldestFirst() {
        UniformReplay buffer = new UniformReplay(3, 2);
        for (int k = 0; k < 5; k++) {
            addNumbered(buffer, k, 0.5f);
        }
        assertEquals(3, buffer.size());
        assertEquals(5, buffer.added());
        // Slots 0 and 1 were overwritten by transitions 3 and 4; slot 2 still holds transition 2.
        SampledBatch batch = new SampledBatch(16, 2);
        buffer.sample(16, 0.4, new Rng(9), batch);
        for (int row = 0; row < 16; row++) {
            assertEquals(0.5f, batch.discounts[row]);
            assertEquals(1f, batch.weights[row]);
        }
        int[] expectedInSlot = {3, 4, 2};
        assertEquals(Arrays.toString(expectedInSlot), Arrays.toString(contentsBySlot(buffer)));

        addNumbered(buffer, 5, 0.5f);
        assertEquals(Arrays.toString(new int[] {3, 4, 5}), Arrays.toString(contentsBySlot(buffer)));
    }

    /** Samples until every slot was seen, checking each row is one whole transition, and returns k per slot. */
    static int[] contentsBySlot(ReplayBuffer buffer) {
        int o = buffer.obsSize();
        int[] bySlot = new int[buffer.size()];
        Arrays.fill(bySlot, -1);
        SampledBatch batch = new SampledBatch(64, o);
        Rng rng = new Rng(1);
        for (int round = 0; round < 20; round++) {
            buffer.sample(64, 0.4, rng, batch);
            for (int row = 0; row < batch.size(); row++) {
                int k = batch.actions[row];
                assertEquals(k, batch.rewards[row]);
                for (int j = 0; j < o; j++) {
                    assertEquals(k * (float) Math.pow(10, j), batch.obs[row * o + j]);
                    assertEquals((k + 1) * (float) Math.pow(10, j), batch.nextObs[row * o + j]);
                }
                bySlot[batch.indices[row]] = k;
            }
        }
        return bySlot;
    }

    @Test
    void samplesOnlyTheFilledSlots() {
        UniformReplay buffer = new UniformReplay(100, 1);
        for (int k = 0; k < 5; k++) {
            addNumbered(buffer, k, 1f);
        }
        SampledBatch batch = new SampledBatch(256, 1);
        Rng rng = new Rng(3);
        for (int round = 0; round < 20; round++) {
            buffer.sample(256, 0, rng, batch);
            for (int row = 0; row < 256; row++) {
                assertTrue(batch.indices[row] < 5, "sampled unfilled slot " + batch.indices[row]);
                assertEquals(batch.indices[row], batch.actions[row]);
            }
        }
    }

    @Test
    void samplingFrequenciesAreUniform() {
        UniformReplay buffer = new UniformReplay(10, 1);
        for (int k = 0; k < 25; k++) {
            addNumbered(buffer, k, 1f);
        }
        int[] counts = new int[10];
        SampledBatch batch = new SampledBatch(100, 1);
        Rng rng = new Rng(2024);
        for (int round = 0; round < 1000; round++) {
            buffer.sample(100, 0.4, rng, batch);
            for (int row = 0; row < 100; row++) {
                counts[batch.indices[row]]++;
            }
        }
        // 100,000 draws: 10,000 expected per slot, standard deviation about 95; allow 5 of them.
        for (int slot = 0; slot < 10; slot++) {
            assertTrue(Math.abs(counts[slot] - 10_000) < 475, "slot " + slot + " drawn " + counts[slot] + " times");
        }
    }

    @Test
    void sampleFillsExactlyTheRequestedRows() {
        UniformReplay buffer = new UniformReplay(4, 1);
        addNumbered(buffer, 7, 1f);
        SampledBatch batch = new SampledBatch(8, 1);
        Arrays.fill(batch.actions, -1);
        buffer.sample(3, 0, new Rng(0), batch);
        assertEquals(3, batch.size());
        assertEquals("[7, 7, 7, -1, -1, -1, -1, -1]", Arrays.toString(batch.actions));
    }

    @Test
    void invalidUseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UniformReplay(0, 4));
        assertThrows(IllegalArgumentException.class, () -> new UniformReplay(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new UniformReplay(1 << 30, 4));
        UniformReplay buffer = new UniformReplay(4, 2);
        SampledBatch batch = new SampledBatch(8, 2);
        Rng rng = new Rng(0);
        assertThrows(IllegalStateException.class, () -> buffer.sample(1, 0, rng, batch));
        addNumbered(buffer, 1, 1f);
        assertThrows(IllegalArgumentException.class, () -> buffer.sample(9, 0, rng, batch));
        assertThrows(IllegalArgumentException.class, () -> buffer.sample(0, 0, rng, batch));
        assertThrows(IllegalArgumentException.class, () -> buffer.sample(1, 0, rng, new SampledBatch(8, 3)));
        float[] obs = new float[2];
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(obs, 0, 0, Float.NaN, obs, 0, 1f));
        assertTrue(nan.getMessage().contains("reward"), nan.getMessage());
        IllegalArgumentException discount = assertThrows(IllegalArgumentException.class,
                () -> buffer.add(obs, 0, 0, 0f, obs, 0, 1.5f));
        assertTrue(discount.getMessage().contains("discount") && discount.getMessage().contains("1.5"));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.add(obs, 1, 0, 0f, obs, 0, 1f));
        assertEquals(1, buffer.size(), "refused adds must not change the buffer");
    }

    @Test
    void saveLoadRoundTripSamplesIdentically() throws IOException {
        UniformReplay original = new UniformReplay(7, 3);
        for (int k = 0; k < 11; k++) {
            addNumbered(original, k, k % 3 == 0 ? 0f : 0.9f);
        }
        UniformReplay restored = new UniformReplay(7, 3);
        addNumbered(restored, 99, 1f);
        load(restored, saved(original));
        assertEquals(original.size(), restored.size());
        assertEquals(original.added(), restored.added());

        Rng rngA = new Rng(5);
        Rng rngB = Rng.restore(rngA.state());
        SampledBatch a = new SampledBatch(32, 3);
        SampledBatch b = new SampledBatch(32, 3);
        for (int round = 0; round < 5; round++) {
            original.sample(32, 0, rngA, a);
            restored.sample(32, 0, rngB, b);
            assertSameBatch(a, b);
            // Adding to both checks the insertion position survived too.
            addNumbered(original, 100 + round, 0.9f);
            addNumbered(restored, 100 + round, 0.9f);
        }
        assertEquals(Arrays.toString(contentsBySlot(original)), Arrays.toString(contentsBySlot(restored)));
    }

    @Test
    void partiallyFilledBufferRoundTrips() throws IOException {
        UniformReplay original = new UniformReplay(10, 2);
        for (int k = 0; k < 4; k++) {
            addNumbered(original, k, 1f);
        }
        UniformReplay restored = new UniformReplay(10, 2);
        load(restored, saved(original));
        assertEquals(4, restored.size());
        addNumbered(restored, 4, 1f);
        assertEquals("[0, 1, 2, 3, 4]", Arrays.toString(contentsBySlot(restored)));
    }

    @Test
    void loadingAMismatchedHeaderFailsClearlyAndChangesNothing() throws IOException {
        UniformReplay source = new UniformReplay(10, 4);
        addNumbered(source, 1, 1f);
        byte[] bytes = saved(source);

        UniformReplay otherShape = new UniformReplay(10, 3);
        addNumbered(otherShape, 2, 1f);
        IOException shape = assertThrows(IOException.class, () -> load(otherShape, bytes));
        assertTrue(shape.getMessage().contains("obsSize=4") && shape.getMessage().contains("obsSize=3"),
                shape.getMessage());
        assertEquals(1, otherShape.size());
        assertEquals(1, otherShape.added());

        IOException capacity = assertThrows(IOException.class, () -> load(new UniformReplay(11, 4), bytes));
        assertTrue(capacity.getMessage().contains("capacity=10") && capacity.getMessage().contains("capacity=11"),
                capacity.getMessage());

        IOException garbage = assertThrows(IOException.class,
                () -> load(new UniformReplay(10, 4), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertTrue(garbage.getMessage().contains("not an rlx replay checkpoint"), garbage.getMessage());
    }

    @Test
    void truncatedCheckpointLeavesTheBufferEmpty() throws IOException {
        UniformReplay source = new UniformReplay(10, 4);
        for (int k = 0; k < 6; k++) {
            addNumbered(source, k, 1f);
        }
        byte[] bytes = saved(source);
        UniformReplay target = new UniformReplay(10, 4);
        addNumbered(target, 1, 1f);
        assertThrows(EOFException.class, () -> load(target, Arrays.copyOf(bytes, bytes.length - 3)));
        assertEquals(0, target.size());
    }
}
