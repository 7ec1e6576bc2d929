package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.plain.ConvLayout;
import rlx.networks.plain.ParamProbe;
import rlx.networks.plain.PlainConv;

/** The plain-Java forward pass of conv Q-networks against DL4J's own. */
class ConvPlainForwardTest {
    private static final double TOLERANCE = 1e-5;

    private static QNetwork net(boolean dueling, ActivationKind act, int c, int h, int w, List<ConvLayerConfig> layers,
                                Integer... hidden) {
        QNetworkConfig config = TestNets.mlp(OptimizerConfig.adam(1e-2), LossKind.HUBER, dueling, act, hidden)
                .withConv(new ConvTorsoConfig(c, h, w, layers, act));
        return QNetwork.build(config, c * h * w, 5, 11);
    }

    private static void assertParity(QNetwork net, PlainForward pf, Random rng, String what) {
        int batch = 20;
        float[] obs = TestNets.uniform(rng, batch * net.inputSize(), 1);
        float[] dl4j = TestNets.output(net, obs, batch);
        float[] plain = new float[dl4j.length];
        pf.forward(obs, batch, plain);
        double diff = TestNets.maxAbsDiff(dl4j, plain);
        assertTrue(diff < TOLERANCE, what + ": max |dl4j - plain| = " + diff);
        for (int i = 0; i < batch; i++) {
            int nA = net.numActions();
            int best = 0;
            for (int k = 1; k < nA; k++) {
                if (plain[i * nA + k] > plain[i * nA + best]) {
                    best = k;
                }
            }
            assertEquals(best, pf.argmax(obs, i * net.inputSize()), what + " row " + i);
        }
    }

    private static void checkBeforeAndAfterTraining(QNetwork net, String what) {
        Random rng = new Random(what.hashCode());
        PlainForward pf = net.plainForward();
        assertEquals(net.numParams(), pf.numParams());
        assertParity(net, pf, rng, what);
        // trained weights and biases, no longer at their initial values
        int batch = 8;
        for (int s = 0; s < 5; s++) {
            net.fit(TestNets.uniform(rng, batch * net.inputSize(), 1), batch,
                    TestNets.uniform(rng, batch * net.numActions(), 3), TestNets.oneHotMask(rng, batch, 5));
        }
        pf.load(net.params());
        assertParity(net, pf, rng, "trained " + what);
    }

    @Test
    void minAtarShapeKernel3Stride1NoPadding() {
        checkBeforeAndAfterTraining(net(false, ActivationKind.RELU, 4, 10, 10,
                List.of(new ConvLayerConfig(16, 3, 1, 0)), 128), "minatar");
    }

    @Test
    void stride2OnANonSquareImage() {
        checkBeforeAndAfterTraining(net(false, ActivationKind.RELU, 3, 9, 8,
                List.of(new ConvLayerConfig(8, 3, 2, 0)), 32), "stride 2");
    }

    @Test
    void zeroPadding() {
        checkBeforeAndAfterTraining(net(false, ActivationKind.TANH, 2, 7, 6,
                List.of(new ConvLayerConfig(6, 3, 1, 1)), 16), "padding 1");
        // padding and stride together, with an even kernel that leaves a truncated edge
        checkBeforeAndAfterTraining(net(false, ActivationKind.ELU, 2, 9, 7,
                List.of(new ConvLayerConfig(5, 4, 2, 2)), 16), "kernel 4 stride 2 padding 2");
    }

    @Test
    void twoConvolutionsAndNoHiddenLayer() {
        checkBeforeAndAfterTraining(net(false, ActivationKind.RELU, 3, 8, 8,
                List.of(new ConvLayerConfig(8, 3, 1, 1), new ConvLayerConfig(4, 3, 2, 0)), 24), "two convs");
        checkBeforeAndAfterTraining(net(false, ActivationKind.RELU, 1, 5, 5,
                List.of(new ConvLayerConfig(3, 2, 1, 0)), new Integer[0]), "conv straight into the head");
    }

    @Test
    void duelingHead() {
        checkBeforeAndAfterTraining(net(true, ActivationKind.RELU, 4, 10, 10,
                List.of(new ConvLayerConfig(16, 3, 1, 0)), 64), "dueling");
    }

    @Test
    void convolutionReadsTheFlatRowChannelsFirstAsDl4jDoes() {
        // DL4J's own conv0 activations ([batch, c, h, w] in NCHW) for the flat rows, against PlainConv alone:
        // pins down both the input order (c, h, w) and the output order that dense0's weights are read in
        ConvLayerConfig l = new ConvLayerConfig(6, 3, 2, 1);
        QNetwork net = net(false, ActivationKind.RELU, 3, 7, 5, List.of(l), 8);
        ConvLayout layout = ParamProbe.withIndices(net.graph(),
                () -> ConvLayout.read(net.graph().getLayer("conv0"), "conv0", l, 3, 7, 5, ActivationKind.RELU));
        PlainConv conv = new PlainConv(List.of(layout));
        conv.load(net.params());
        int batch = 3;
        float[] obs = TestNets.uniform(new Random(4), batch * 105, 1);
        INDArray in = Nd4j.create(obs, new long[] {batch, 105}, 'c').castTo(DataType.FLOAT);
        INDArray act = net.graph().feedForward(in, false).get("conv0");
        assertArrayEquals(new long[] {batch, 6, 4, 3}, act.shape());
        float[] expected = act.dup('c').data().asFloat();
        for (int r = 0; r < batch; r++) {
            float[] got = conv.forward(obs, r * 105);
            for (int j = 0; j < 72; j++) {
                assertEquals(expected[r * 72 + j], got[j], TOLERANCE, "row " + r + " unit " + j);
            }
        }
    }

    @Test
    void argmaxAndLoadDoNotAllocate() {
        QNetwork net = net(true, ActivationKind.RELU, 4, 10, 10,
                List.of(new ConvLayerConfig(16, 3, 1, 1), new ConvLayerConfig(8, 3, 2, 0)), 64);
        PlainForward pf = net.plainForward();
        float[] params = net.params();
        float[] obs = TestNets.uniform(new Random(5), 10 * 400, 1);
        float[] out = new float[50];
        int sink = 0;
        for (int i = 0; i < 5_000; i++) {
            sink += pf.argmax(obs, (i % 10) * 400);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long t = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(t);
        for (int i = 0; i < 2_000; i++) {
            sink += pf.argmax(obs, (i % 10) * 400);
        }
        pf.load(params);
        pf.forward(obs, 10, out);
        long allocated = mx.getThreadAllocatedBytes(t) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes (sink " + sink + ")");
    }
}
