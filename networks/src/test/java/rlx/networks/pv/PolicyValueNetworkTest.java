package rlx.networks.pv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.networks.config.OptimizerConfig;

class PolicyValueNetworkTest {

    private static final PolicyValueConfig SMALL = new PolicyValueConfig(8, 1, 16,
            OptimizerConfig.adam(1e-2).withL2(1e-4));

    private static float[] randomBoards(int n, int size, Random rnd) {
        float[] b = new float[n * size];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(3) == 0 ? 1f : 0f;
        }
        return b;
    }

    @Test
    void outputsAreDistributionsAndValuesInRange() {
        PolicyValueNetwork net = PolicyValueNetwork.build(SMALL, 2, 6, 7, 7, 1);
        assertEquals(84, net.inputSize());
        assertEquals(7, net.numActions());
        int n = 5;
        float[] p = new float[n * 7];
        float[] v = new float[n];
        net.evaluate(randomBoards(n, 84, new Random(1)), n, p, v);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int a = 0; a < 7; a++) {
                assertTrue(p[i * 7 + a] > 0);
                sum += p[i * 7 + a];
            }
            assertEquals(1.0, sum, 1e-5);
            assertTrue(v[i] > -1 && v[i] < 1);
        }
    }

    @Test
    void fittingLowersBothLossesOnAFixedBatch() {
        PolicyValueNetwork net = PolicyValueNetwork.build(SMALL, 2, 6, 7, 7, 2);
        Random rnd = new Random(3);
        int n = 32;
        float[] boards = randomBoards(n, 84, rnd);
        float[] pi = new float[n * 7];
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            pi[i * 7 + rnd.nextInt(7)] = 1f;
            z[i] = rnd.nextBoolean() ? 1f : -1f;
        }
        PolicyValueNetwork.Losses before = net.measure(boards, pi, z, n);
        for (int k = 0; k < 200; k++) {
            net.fit(boards, pi, z, n);
        }
        PolicyValueNetwork.Losses after = net.measure(boards, pi, z, n);
        assertTrue(after.policy() < 0.5 * before.policy(), before + " -> " + after);
        assertTrue(after.value() < 0.5 * before.value(), before + " -> " + after);
    }

    @Test
    void paramsSnapshotReproducesOutputs(@TempDir Path dir) {
        PolicyValueNetwork a = PolicyValueNetwork.build(SMALL, 2, 3, 3, 9, 4);
        PolicyValueNetwork b = PolicyValueNetwork.build(SMALL, 2, 3, 3, 9, 5);
        float[] boards = randomBoards(4, 18, new Random(6));
        float[] pa = new float[36];
        float[] va = new float[4];
        float[] pb = new float[36];
        float[] vb = new float[4];
        a.evaluate(boards, 4, pa, va);
        b.setParams(a.params());
        b.evaluate(boards, 4, pb, vb);
        assertArrayEquals(pa, pb, 1e-6f);
        assertArrayEquals(va, vb, 1e-6f);

        a.save(dir);
        PolicyValueNetwork c = PolicyValueNetwork.load(dir);
        assertEquals(2, c.planes());
        assertEquals(3, c.rows());
        assertEquals(9, c.numActions());
        c.evaluate(boards, 4, pb, vb);
        assertArrayEquals(pa, pb, 1e-6f);
        assertArrayEquals(va, vb, 1e-6f);
    }

    @Test
    void loadingSomethingElseNamesTheFile(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a model");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> PolicyValueNetwork.load(junk));
        assertTrue(e.getMessage().contains("junk.zip"), e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> PolicyValueNetwork.load(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
}
