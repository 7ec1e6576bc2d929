package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;

class PlainForwardTest {
    private static final double TOLERANCE = 1e-5;

    private static void assertParity(QNetwork net, PlainForward pf, Random rng, String what) {
        int batch = 50;
        float[] obs = TestNets.uniform(rng, batch * net.inputSize(), 2);
        float[] dl4j = TestNets.output(net, obs, batch);
        float[] plain = new float[dl4j.length];
        pf.forward(obs, batch, plain);
        assertTrue(TestNets.maxAbsDiff(dl4j, plain) < TOLERANCE,
                what + ": max |dl4j - plain| = " + TestNets.maxAbsDiff(dl4j, plain));
        int nA = net.numActions();
        for (int i = 0; i < batch; i++) {
            int best = 0;
            for (int k = 1; k < nA; k++) {
                if (plain[i * nA + k] > plain[i * nA + best]) {
                    best = k;
                }
            }
            assertEquals(best, pf.argmax(obs, i * net.inputSize()), what + " row " + i);
        }
    }

    private static void trainABit(QNetwork net, Random rng) {
        int batch = 16;
        for (int s = 0; s < 5; s++) {
            net.fit(TestNets.uniform(rng, batch * net.inputSize(), 2), batch,
                    TestNets.uniform(rng, batch * net.numActions(), 3),
                    TestNets.oneHotMask(rng, batch, net.numActions()));
        }
    }

    @ParameterizedTest
    @EnumSource(ActivationKind.class)
    void matchesDl4jForEveryActivationPlainDeepAndDueling(ActivationKind act) {
        OptimizerConfig adam = OptimizerConfig.adam(1e-2);
        QNetworkConfig[] configs = {
            TestNets.mlp(adam, LossKind.MSE, false, act, 120, 84),
            TestNets.mlp(adam, LossKind.MSE, false, act, 64, 48, 32, 16),
            TestNets.mlp(adam, LossKind.HUBER, true, act, 64, 64),
            TestNets.mlp(adam, LossKind.MSE, true, act),
            TestNets.mlp(adam, LossKind.MSE, false, act),
        };
        Random rng = new Random(act.ordinal());
        for (QNetworkConfig c : configs) {
            QNetwork net = QNetwork.build(c, 6, 5, 100 + act.ordinal());
            PlainForward pf = net.plainForward();
            assertEquals(net.numParams(), pf.numParams());
            assertParity(net, pf, rng, c.toString());
            // after training the weights and biases are no longer at their initial values
            trainABit(net, rng);
            pf.load(net.params());
            assertParity(net, pf, rng, "trained " + c);
        }
    }

    @Test
    void loadCopiesAndStaleParametersStayStale() {
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(1e-2)), 4, 2, 3);
        Random rng = new Random(3);
        PlainForward pf = net.plainForward();
        float[] obs = TestNets.uniform(rng, 8 * 4, 2);
        float[] before = new float[16];
        pf.forward(obs, 8, before);
        float[] p = net.params();
        pf.load(p);
        java.util.Arrays.fill(p, 0f);
        float[] after = new float[16];
        pf.forward(obs, 8, after);
        assertEquals(0.0, TestNets.maxAbsDiff(before, after), "load copies its argument");
        trainABit(net, rng);
        pf.forward(obs, 8, after);
        assertEquals(0.0, TestNets.maxAbsDiff(before, after), "not reloaded: old parameters");
        pf.load(net.params());
        assertParity(net, pf, rng, "reloaded");
    }

    @Test
    void rejectsWrongLengths() {
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(1e-2)), 4, 2, 3);
        PlainForward pf = net.plainForward();
        assertEquals("flatParams.length (5) must equal numParams (" + net.numParams() + ")",
                assertThrows(IllegalArgumentException.class, () -> pf.load(new float[5])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> pf.argmax(new float[4], 1));
        assertThrows(IllegalArgumentException.class, () -> pf.forward(new float[8], 2, new float[3]));
    }

    @Test
    void argmaxAndLoadDoNotAllocate() {
        QNetwork net = QNetwork.build(TestNets.mlp(OptimizerConfig.adam(1e-2), LossKind.MSE, true,
                ActivationKind.RELU, 120, 84), 4, 2, 3);
        PlainForward pf = net.plainForward();
        float[] params = net.params();
        float[] obs = TestNets.uniform(new Random(5), 100 * 4, 2);
        float[] out = new float[200];
        int sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += pf.argmax(obs, (i % 100) * 4);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long t = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(t);
        for (int i = 0; i < 10_000; i++) {
            sink += pf.argmax(obs, (i % 100) * 4);
        }
        pf.load(params);
        pf.forward(obs, 100, out);
        long allocated = mx.getThreadAllocatedBytes(t) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes (sink " + sink + ")");
    }
}
