package rlx.agents.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.agents.replay.RecordingBuffer.t;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class NStepAccumulatorTest {

    private static float[] o(float... values) {
        return values;
    }

    /** One step of a single-env, one-float-observation episode where the observation at time t is t. */
    private static void step(NStepAccumulator acc, int t, float reward, boolean terminated, boolean truncated,
                             ReplayBuffer sink) {
        acc.step(0, o(t), 0, 10 + t, reward, o(t + 1), 0, terminated, truncated, sink);
    }

    @Test
    void nStepReturnStopsAtTermination() {
        NStepAccumulator acc = new NStepAccumulator(1, 1, 3, 0.5);
        RecordingBuffer sink = new RecordingBuffer(1);
        step(acc, 0, 1, false, false, sink);
        step(acc, 1, 2, false, false, sink);
        assertEquals(0, sink.added.size(), "nothing before n steps");
        assertEquals(2, acc.pending(0));
        step(acc, 2, 4, false, false, sink);
        // (s0, a0, 1 + 0.5 * 2 + 0.25 * 4, s3, 0.5^3)
        assertEquals(List.of(t(o(0), 10, 3, o(3), 0.125)), sink.added);
        step(acc, 3, 8, true, false, sink);
        // Termination flushes the window; no return reaches past the terminal reward and nothing bootstraps.
        assertEquals(List.of(
                t(o(0), 10, 3, o(3), 0.125),
                t(o(1), 11, 2 + 0.5 * 4 + 0.25 * 8, o(4), 0),
                t(o(2), 12, 4 + 0.5 * 8, o(4), 0),
                t(o(3), 13, 8, o(4), 0)), sink.added);
        assertEquals(0, acc.pending(0));
    }

    @Test
    void truncationBootstrapsWithTheShorterHorizon() {
        NStepAccumulator acc = new NStepAccumulator(1, 1, 3, 0.5);
        RecordingBuffer sink = new RecordingBuffer(1);
        step(acc, 0, 1, false, false, sink);
        step(acc, 1, 2, false, true, sink);
        // Two steps left to the cut: discount gamma^2 from s0, gamma^1 from s1, both onto the final observation.
        assertEquals(List.of(
                t(o(0), 10, 1 + 0.5 * 2, o(2), 0.25),
                t(o(1), 11, 2, o(2), 0.5)), sink.added);
        assertEquals(0, acc.pending(0));
    }

    @Test
    void terminationWinsWhenBothFlagsAreSet() {
        NStepAccumulator acc = new NStepAccumulator(1, 1, 2, 0.5);
        RecordingBuffer sink = new RecordingBuffer(1);
        step(acc, 0, 1, false, false, sink);
        step(acc, 1, 1, true, true, sink);
        assertEquals(List.of(t(o(0), 10, 1.5, o(2), 0), t(o(1), 11, 1, o(2), 0)), sink.added);
    }

    @Test
    void theNextEpisodeStartsWithAnEmptyWindow() {
        NStepAccumulator acc = new NStepAccumulator(1, 1, 2, 0.5);
        RecordingBuffer sink = new RecordingBuffer(1);
        step(acc, 0, 1, true, false, sink);
        assertEquals(List.of(t(o(0), 10, 1, o(1), 0)), sink.added);
        sink.added.clear();
        step(acc, 5, 2, false, false, sink);
        assertEquals(0, sink.added.size());
        step(acc, 6, 4, false, false, sink);
        assertEquals(List.of(t(o(5), 15, 2 + 0.5 * 4, o(7), 0.25)), sink.added, "no reward of the old episode");
    }

    @Test
    void oneStepIsTheIdentity() {
        double gamma = 0.99;
        NStepAccumulator acc = new NStepAccumulator(1, 2, 1, gamma);
        RecordingBuffer sink = new RecordingBuffer(2);
        Rng rng = new Rng(17);
        for (int i = 0; i < 200; i++) {
            float[] obs = {rng.nextFloat(), rng.nextFloat()};
            float[] next = {rng.nextFloat(), rng.nextFloat()};
            int action = rng.nextInt(4);
            float reward = (float) rng.nextGaussian();
            boolean terminated = rng.nextInt(10) == 0;
            boolean truncated = rng.nextInt(10) == 0;
            acc.step(0, obs, 0, action, reward, next, 0, terminated, truncated, sink);
            assertEquals(i + 1, sink.added.size());
            assertEquals(t(obs, action, reward, next, terminated ? 0 : gamma), sink.added.get(i));
            assertEquals(0, acc.pending(0));
        }
    }

    @Test
    void copiesKeepSeparateWindowsAndReadAtTheirOffsets() {
        NStepAccumulator acc = new NStepAccumulator(2, 2, 2, 0.5);
        RecordingBuffer sink = new RecordingBuffer(2);
        // Vector-env layout: copy i's observation at i * 2.
        acc.step(0, o(1, 1, 2, 2), 0, 0, 1, o(3, 3, 4, 4), 0, false, false, sink);
        acc.step(1, o(1, 1, 2, 2), 2, 1, 10, o(3, 3, 4, 4), 2, false, false, sink);
        assertEquals(0, sink.added.size());
        acc.step(1, o(3, 3, 4, 4), 2, 1, 20, o(5, 5, 6, 6), 2, false, false, sink);
        assertEquals(List.of(t(o(2, 2), 1, 10 + 0.5 * 20, o(6, 6), 0.25)), sink.added);
        assertEquals(1, acc.pending(0));
        assertEquals(1, acc.pending(1));
        acc.step(0, o(3, 3, 4, 4), 0, 0, 2, o(5, 5, 6, 6), 0, false, true, sink);
        assertEquals(t(o(1, 1), 0, 1 + 0.5 * 2, o(5, 5), 0.25), sink.added.get(1));
        assertEquals(t(o(3, 3), 0, 2, o(5, 5), 0.5), sink.added.get(2));
        assertEquals(1, acc.pending(1), "copy 0's episode end leaves copy 1 alone");
    }

    @Test
    void windowWrapsAroundOverALongEpisode() {
        int n = 3;
        double gamma = 0.9;
        NStepAccumulator acc = new NStepAccumulator(1, 1, n, gamma);
        RecordingBuffer sink = new RecordingBuffer(1);
        float[] rewards = new float[50];
        Rng rng = new Rng(2);
        for (int t = 0; t < 50; t++) {
            rewards[t] = (float) rng.nextGaussian();
            step(acc, t, rewards[t], false, false, sink);
        }
        assertEquals(50 - n + 1, sink.added.size());
        for (int t = 0; t + n <= 50; t++) {
            double expected = 0;
            for (int k = 0; k < n; k++) {
                expected += Math.pow(gamma, k) * rewards[t + k];
            }
            assertEquals(t(o(t), 10 + t, expected, o(t + n), Math.pow(gamma, n)), sink.added.get(t));
        }
    }

    @Test
    void saveLoadKeepsThePendingWindows() throws IOException {
        NStepAccumulator original = new NStepAccumulator(3, 2, 4, 0.9);
        Rng rng = new Rng(31);
        RecordingBuffer ignored = new RecordingBuffer(2);
        for (int i = 0; i < 23; i++) {
            randomStep(original, rng, ignored);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.save(new DataOutputStream(bytes));
        NStepAccumulator restored = new NStepAccumulator(3, 2, 4, 0.9);
        restored.step(0, o(9, 9), 0, 1, 1, o(9, 9), 0, false, false, ignored);
        restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int env = 0; env < 3; env++) {
            assertEquals(original.pending(env), restored.pending(env));
        }
        assertTrue(original.pending(0) + original.pending(1) + original.pending(2) > 0, "something was pending");

        RecordingBuffer a = new RecordingBuffer(2);
        RecordingBuffer b = new RecordingBuffer(2);
        Rng rngA = new Rng(4);
        Rng rngB = new Rng(4);
        for (int i = 0; i < 40; i++) {
            randomStep(original, rngA, a);
            randomStep(restored, rngB, b);
        }
        assertTrue(a.added.size() > 10);
        assertEquals(a.added, b.added);
    }

    private static void randomStep(NStepAccumulator acc, Rng rng, ReplayBuffer sink) {
        int env = rng.nextInt(acc.numEnvs());
        float[] obs = {rng.nextFloat(), rng.nextFloat()};
        float[] next = {rng.nextFloat(), rng.nextFloat()};
        acc.step(env, obs, 0, rng.nextInt(3), (float) rng.nextGaussian(), next, 0, rng.nextInt(12) == 0,
                rng.nextInt(12) == 0, sink);
    }

    @Test
    void loadingAMismatchedHeaderFailsClearly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new NStepAccumulator(2, 4, 3, 0.99).save(new DataOutputStream(bytes));
        NStepAccumulator other = new NStepAccumulator(2, 4, 5, 0.99);
        IOException e = assertThrows(IOException.class,
                () -> other.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("n=3") && e.getMessage().contains("n=5"), e.getMessage());
        IOException replay = assertThrows(IOException.class, () -> new UniformReplay(2, 4)
                .load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(replay.getMessage().contains("NStepAccumulator"), replay.getMessage());
    }

    @Test
    void invalidArgumentsAreRefused() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> new NStepAccumulator(1, 1, 0, 0.99));
        assertTrue(n.getMessage().contains("n must") && n.getMessage().contains("0"), n.getMessage());
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> new NStepAccumulator(1, 1, 3, 1.01));
        assertTrue(gamma.getMessage().contains("gamma") && gamma.getMessage().contains("1.01"));
        assertThrows(IllegalArgumentException.class, () -> new NStepAccumulator(0, 1, 3, 0.99));
        assertThrows(IllegalArgumentException.class, () -> new NStepAccumulator(1, 0, 3, 0.99));
        NStepAccumulator acc = new NStepAccumulator(2, 1, 3, 0.99);
        RecordingBuffer sink = new RecordingBuffer(1);
        assertThrows(IndexOutOfBoundsException.class,
                () -> acc.step(2, o(0), 0, 0, 0, o(0), 0, false, false, sink));
        assertThrows(IllegalArgumentException.class,
                () -> acc.step(0, o(0), 0, 0, Float.NaN, o(0), 0, false, false, sink));
        assertEquals(0, acc.pending(0));
    }
}
