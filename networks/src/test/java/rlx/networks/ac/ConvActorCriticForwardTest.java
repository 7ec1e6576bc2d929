package rlx.networks.ac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;

/** The plain-Java forward pass of conv actor-critics against DL4J's own graph, on several image shapes. */
class ConvActorCriticForwardTest {
    private static final float TOLERANCE = 1e-5f;
    private static final int ACTIONS = 6;
    private static final int BATCH = 10;

    private static ActorCriticConfig config(boolean shared, ActivationKind act, ConvTorsoConfig conv,
                                            Integer... hidden) {
        return new ActorCriticConfig(new MlpConfig(List.of(hidden), act, WeightInitKind.HE), shared,
                OptimizerConfig.adam(1e-3), conv);
    }

    /**
     * Compares both heads on random images, first with DL4J's initial parameters (zero biases), then with every
     * parameter moved off its initial value, as after training.
     */
    private static void assertParity(ActorCriticConfig config, String what) {
        int in = config.conv().inputSize();
        ActorCriticNetwork net = ActorCriticNetwork.create(config, ActorCriticLosses.unclipped(0.01, 0.5), in,
                ACTIONS, 7);
        Random rng = new Random(what.hashCode());
        compare(net, rng, what);
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.05f * (float) rng.nextGaussian();
        }
        net.setParams(p);
        compare(net, rng, "perturbed " + what);
    }

    private static void compare(ActorCriticNetwork net, Random rng, String what) {
        int in = net.inputSize();
        float[] obs = new float[BATCH * in];
        for (int i = 0; i < obs.length; i++) {
            // MinAtar's observations are 0/1; fractional values also exercise the weights' magnitudes
            obs[i] = rng.nextInt(3) * 0.5f;
        }
        ComputationGraph graph = ActorCriticNetworks.build(net.config(), net.losses(), in, ACTIONS, 7);
        graph.setParams(Nd4j.create(net.params(), new long[] {1, net.numParams()}, 'c'));
        INDArray[] out = graph.output(Nd4j.create(obs, new long[] {BATCH, in}, 'c'));
        ActorCriticForward f = net.plainForward();
        float[] z = new float[ACTIONS];
        for (int r = 0; r < BATCH; r++) {
            float v = f.forward(obs, r * in, z, 0);
            for (int a = 0; a < ACTIONS; a++) {
                assertEquals(out[0].getFloat(r, a), z[a], TOLERANCE, what + ": logit " + a + " of row " + r);
            }
            assertEquals(out[1].getFloat(r, 0), v, TOLERANCE, what + ": value of row " + r);
        }
    }

    @Test
    void minAtarNetworkWithSeparateAndSharedTowers() {
        ConvTorsoConfig conv = new ConvTorsoConfig(4, 10, 10, List.of(new ConvLayerConfig(16, 3, 1, 0)),
                ActivationKind.RELU);
        assertParity(config(false, ActivationKind.RELU, conv, 128), "minatar, separate towers");
        assertParity(config(true, ActivationKind.RELU, conv, 128), "minatar, shared torso");
    }

    @Test
    void strideAndPaddingOnANonSquareImage() {
        ConvTorsoConfig conv = new ConvTorsoConfig(3, 9, 7, List.of(new ConvLayerConfig(5, 4, 2, 1)),
                ActivationKind.TANH);
        assertParity(config(false, ActivationKind.TANH, conv, 16, 8), "kernel 4 stride 2 padding 1");
    }

    @Test
    void twoConvolutionsAndNoDenseLayer() {
        ConvTorsoConfig conv = new ConvTorsoConfig(2, 8, 8, List.of(new ConvLayerConfig(6, 3, 1, 1),
                new ConvLayerConfig(4, 3, 2, 0)), ActivationKind.RELU);
        assertParity(config(false, ActivationKind.RELU, conv, 12), "two convs");
        // both heads straight on the conv features, as separate (empty) towers and as a shared (empty) torso
        assertParity(config(false, ActivationKind.RELU, conv), "two convs, separate empty towers");
        assertParity(config(true, ActivationKind.RELU, conv), "two convs, no dense layer");
    }
}
