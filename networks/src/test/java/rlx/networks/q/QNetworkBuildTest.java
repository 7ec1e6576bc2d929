package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;

class QNetworkBuildTest {

    @Test
    void mlpHasTheExpectedParametersAndOutputShape() {
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(1e-3)), 4, 2, 1);
        assertEquals((4 * 120 + 120) + (120 * 84 + 84) + (84 * 2 + 2), net.numParams());
        assertEquals(4, net.inputSize());
        assertEquals(2, net.numActions());
        assertEquals(List.of(QNetwork.INPUT), net.graph().getConfiguration().getNetworkInputs());
        assertEquals(List.of(QNetwork.OUTPUT), net.graph().getConfiguration().getNetworkOutputs());
        assertArrayEquals(new long[] {4, 120}, net.graph().getLayer("dense0").getParam("W").shape());
        assertArrayEquals(new long[] {84, 2}, net.graph().getLayer(QNetwork.HEAD).getParam("W").shape());
        float[] q = TestNets.output(net, TestNets.uniform(new Random(1), 3 * 4, 1), 3);
        assertEquals(6, q.length);
        for (float v : q) {
            assertTrue(Float.isFinite(v));
        }
        assertTrue(net.supportsPlainForward());
    }

    @Test
    void duelingAddsValueAndAdvantageHeads() {
        QNetwork net = QNetwork.build(
                TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, true, ActivationKind.RELU, 64), 6, 3, 1);
        assertEquals((6 * 64 + 64) + (64 + 1) + (64 * 3 + 3), net.numParams());
        assertArrayEquals(new long[] {64, 1}, net.graph().getLayer(QNetwork.VALUE).getParam("W").shape());
        assertArrayEquals(new long[] {64, 3}, net.graph().getLayer(QNetwork.ADVANTAGE).getParam("W").shape());
        assertEquals(3 * 5, TestNets.output(net, TestNets.uniform(new Random(2), 5 * 6, 1), 5).length);
    }

    @Test
    void convTorsoReadsChannelsFirstImages() {
        ConvTorsoConfig conv = new ConvTorsoConfig(4, 10, 10, List.of(new ConvLayerConfig(16, 3, 1, 0)),
                ActivationKind.RELU);
        QNetworkConfig config = TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.HUBER, false, ActivationKind.RELU,
                128).withConv(conv);
        QNetwork net = QNetwork.build(config, 400, 5, 3);
        assertEquals((3 * 3 * 4 * 16 + 16) + (16 * 8 * 8 * 128 + 128) + (128 * 5 + 5), net.numParams());
        assertArrayEquals(new long[] {16, 4, 3, 3}, net.graph().getLayer("conv0").getParam("W").shape());
        assertTrue(net.supportsPlainForward());

        Random rng = new Random(3);
        float[] obs = TestNets.uniform(rng, 2 * 400, 1);
        float[] q = TestNets.output(net, obs, 2);
        assertEquals(10, q.length);
        // a pixel of channel 3 only reaches the output through the convolution: moving it must change Q
        float[] moved = obs.clone();
        moved[3 * 100 + 5 * 10 + 5] += 5f;
        assertNotEquals(0.0, TestNets.maxAbsDiff(q, TestNets.output(net, moved, 2)));
        double before = net.fit(obs, 2, new float[10], TestNets.oneHotMask(rng, 2, 5));
        assertTrue(Double.isFinite(before));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QNetwork.build(config, 399, 5, 3));
        assertEquals("inputSize (399) must equal channels * height * width (400) of the conv torso", e.getMessage());
    }

    @Test
    void outputsAgreeAcrossBatchSizesIncludingEvictedOnes() {
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(1e-3)), 4, 2, 1);
        Random rng = new Random(4);
        float[] obs = TestNets.uniform(rng, 7 * 4, 1);
        float[] full = TestNets.output(net, obs, 7);
        // six sizes cycle through a four-entry cache twice
        for (int round = 0; round < 2; round++) {
            for (int b = 1; b <= 6; b++) {
                float[] part = TestNets.output(net, obs, b);
                for (int i = 0; i < b * 2; i++) {
                    org.junit.jupiter.api.Assertions.assertEquals(full[i], part[i], 1e-6, "batch " + b + " value " + i);
                }
                net.fit(obs, b, new float[b * 2], TestNets.oneHotMask(rng, b, 2));
                full = TestNets.output(net, obs, 7);
            }
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        QNetworkConfig c = TestNets.cartPole(OptimizerConfig.adam(1e-3));
        assertArrayEquals(QNetwork.build(c, 4, 2, 5).params(), QNetwork.build(c, 4, 2, 5).params());
        assertNotEquals(0.0, TestNets.maxAbsDiff(QNetwork.build(c, 4, 2, 5).params(),
                QNetwork.build(c, 4, 2, 6).params()));
    }

    @Test
    void rejectsBadArgumentsByName() {
        QNetworkConfig c = TestNets.cartPole(OptimizerConfig.adam(1e-3));
        assertEquals("inputSize (0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> QNetwork.build(c, 0, 2, 1)).getMessage());
        assertEquals("numActions (-1) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> QNetwork.build(c, 4, -1, 1)).getMessage());
        QNetwork net = QNetwork.build(c, 4, 2, 1);
        assertEquals("obs.length (7) must be >= 8", assertThrows(IllegalArgumentException.class,
                () -> net.fit(new float[7], 2, new float[4], new float[4])).getMessage());
        assertEquals("mask.length (3) must be >= 4", assertThrows(IllegalArgumentException.class,
                () -> net.fit(new float[8], 2, new float[4], new float[3])).getMessage());
        assertEquals("batchSize (0) must be > 0", assertThrows(IllegalArgumentException.class,
                () -> net.output(new float[8], 0, new float[4])).getMessage());
        assertEquals("flat.length (3) must equal numParams (" + net.numParams() + ")",
                assertThrows(IllegalArgumentException.class, () -> net.setParams(new float[3])).getMessage());
    }
}
