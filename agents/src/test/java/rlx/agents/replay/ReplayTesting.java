package rlx.agents.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

final class ReplayTesting {

    private ReplayTesting() {
    }

    /** Adds transition number {@code k}: obs (k, 10k, ...), action k, reward k, next obs (k + 1, ...), discount. */
    static void addNumbered(ReplayBuffer buffer, int k, float discount) {
        int size = buffer.obsSize();
        float[] obs = new float[size + 1];
        float[] next = new float[size + 2];
        for (int j = 0; j < size; j++) {
            obs[1 + j] = k * (float) Math.pow(10, j);
            next[2 + j] = (k + 1) * (float) Math.pow(10, j);
        }
        // Non-zero offsets, so a buffer that ignored them would store the padding.
        buffer.add(obs, 1, k, k, next, 2, discount);
    }

    static byte[] saved(ReplayBuffer buffer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            buffer.save(out);
        }
        return bytes.toByteArray();
    }

    static void load(ReplayBuffer buffer, byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            buffer.load(in);
        }
    }

    static void assertSameBatch(SampledBatch expected, SampledBatch actual) {
        int n = expected.size();
        int o = expected.obsSize();
        assertEquals(n, actual.size());
        assertArrayEquals(java.util.Arrays.copyOf(expected.indices, n), java.util.Arrays.copyOf(actual.indices, n));
        assertArrayEquals(java.util.Arrays.copyOf(expected.obs, n * o), java.util.Arrays.copyOf(actual.obs, n * o));
        assertArrayEquals(java.util.Arrays.copyOf(expected.nextObs, n * o),
                java.util.Arrays.copyOf(actual.nextObs, n * o));
        assertArrayEquals(java.util.Arrays.copyOf(expected.actions, n), java.util.Arrays.copyOf(actual.actions, n));
        assertArrayEquals(java.util.Arrays.copyOf(expected.rewards, n), java.util.Arrays.copyOf(actual.rewards, n));
        assertArrayEquals(java.util.Arrays.copyOf(expected.discounts, n),
                java.util.Arrays.copyOf(actual.discounts, n));
        assertArrayEquals(java.util.Arrays.copyOf(expected.weights, n), java.util.Arrays.copyOf(actual.weights, n));
    }
}
