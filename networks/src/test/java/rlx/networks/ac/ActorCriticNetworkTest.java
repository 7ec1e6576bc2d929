package rlx.networks.ac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;

class ActorCriticNetworkTest {
    private static final int IN = 4;
    /** A small image (2 channels, 5x4) for the conv networks: 3 filters of 3x3 leave 3 x 3 x 2 features. */
    private static final ConvTorsoConfig CONV = new ConvTorsoConfig(2, 5, 4, List.of(new ConvLayerConfig(3, 3, 1, 0)),
            ActivationKind.TANH);
    private static final int ACTIONS = 3;
    private static final int BATCH = 12;
    private static final double CLIP = 0.2;
    private static final double ENT = 0.05;
    private static final double VF = 0.5;
    private static final double VCLIP = 0.2;

    private static ActorCriticNetwork network() {
        return network(false);
    }

    private static ActorCriticNetwork network(boolean shared) {
        return network(shared, false);
    }

    private static ActorCriticNetwork network(boolean shared, boolean conv) {
        // tanh keeps the loss smooth for finite differences
        ActorCriticConfig config = new ActorCriticConfig(new MlpConfig(List.of(8, 6), ActivationKind.TANH,
                WeightInitKind.XAVIER), shared, OptimizerConfig.adam(1e-3), conv ? CONV : null);
        return ActorCriticNetwork.create(config, new ActorCriticLosses(CLIP, ENT, VF, VCLIP),
                conv ? CONV.inputSize() : IN, ACTIONS, 5);
    }

    /** A batch whose ratios and value offsets sit well inside or well outside the clip windows, not on a kink. */
    private record Batch(float[] obs, int[] actions, float[] adv, float[] oldLogP, float[] returns, float[] oldV) {
        static Batch random(ActorCriticNetwork net) {
            Random r = new Random(3);
            int in = net.inputSize();
            float[] obs = new float[BATCH * in];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) r.nextGaussian();
            }
            int[] actions = new int[BATCH];
            float[] adv = new float[BATCH];
            float[] oldLogP = new float[BATCH];
            float[] returns = new float[BATCH];
            float[] oldV = new float[BATCH];
            ActorCriticForward f = net.plainForward();
            float[] logits = new float[ACTIONS];
            float[] logRatioOffsets = {-0.5f, 0f, 0.5f};
            float[] valueOffsets = {-1f, 0.05f, 1f, -0.05f};
            for (int i = 0; i < BATCH; i++) {
                float v = f.forward(obs, i * in, logits, 0);
                actions[i] = r.nextInt(ACTIONS);
                adv[i] = (i % 2 == 0 ? 1 : -1) * (0.5f + r.nextFloat());
                oldLogP[i] = (float) logProb(logits, actions[i]) - logRatioOffsets[i % 3];
                oldV[i] = v + valueOffsets[i % 4];
                returns[i] = v + (float) r.nextGaussian() * 2;
            }
            return new Batch(obs, actions, adv, oldLogP, returns, oldV);
        }
    }

    private static double logProb(float[] z, int a) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : z) {
            sum += Math.exp(v - max);
        }
        return z[a] - max - Math.log(sum);
    }

    /** The PPO loss written out independently of the DL4J losses, on the plain-Java forward pass. */
    private static double referenceLoss(ActorCriticNetwork net, float[] params, Batch b) {
        ActorCriticForward f = net.plainForward();
        f.load(params);
        float[] z = new float[ACTIONS];
        double total = 0;
        for (int i = 0; i < BATCH; i++) {
            double v = f.forward(b.obs, i * net.inputSize(), z, 0);
            double entropy = 0;
            for (int a = 0; a < ACTIONS; a++) {
                double lp = logProb(z, a);
                entropy -= Math.exp(lp) * lp;
            }
            double ratio = Math.exp(logProb(z, b.actions[i]) - b.oldLogP[i]);
            double clipped = Math.max(1 - CLIP, Math.min(1 + CLIP, ratio));
            double policy = -Math.min(ratio * b.adv[i], clipped * b.adv[i]) - ENT * entropy;
            double vClipped = b.oldV[i] + Math.max(-VCLIP, Math.min(VCLIP, v - b.oldV[i]));
            double value = 0.5 * Math.max(Math.pow(v - b.returns[i], 2), Math.pow(vClipped - b.returns[i], 2));
            total += policy + VF * value;
        }
        return total / BATCH;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "shared torso: {0}, conv: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void gradientMatchesFiniteDifferencesOfTheClippedLoss(boolean shared, boolean conv) {
        ActorCriticNetwork net = network(shared, conv);
        Batch b = Batch.random(net);
        float[] grad = new float[net.numParams()];
        ActorCriticNetwork.LossStats stats = net.gradient(b.obs, b.actions, b.adv, b.oldLogP, b.returns, b.oldV, BATCH,
                grad);
        float[] params = net.params();
        assertEquals(referenceLoss(net, params, b), stats.loss(), 1e-4, "DL4J's score is the mean loss");
        assertTrue(stats.clipFraction() > 0.2 && stats.clipFraction() < 0.8, "some ratios clipped: " + stats);
        double eps = 2e-3;
        int checked = 0;
        for (int k = 0; k < params.length; k++) {
            float saved = params[k];
            params[k] = (float) (saved + eps);
            double up = referenceLoss(net, params, b);
            params[k] = (float) (saved - eps);
            double down = referenceLoss(net, params, b);
            params[k] = saved;
            double numeric = (up - down) / (2 * eps);
            assertEquals(numeric, grad[k], 2e-3 + 2e-2 * Math.abs(numeric), "d loss / d param " + k);
            checked += Math.abs(numeric) > 1e-3 ? 1 : 0;
        }
        assertTrue(checked > params.length / 2, "most parameters have a non-trivial gradient: " + checked);
    }

    /** The learner engine's gradient and statistics against DL4J's layers on the same network and batch. */
    @org.junit.jupiter.params.ParameterizedTest(name = "shared torso: {0}, activation: {1}, conv: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"false, TANH, false", "true, TANH, false", "false, RELU, false",
        "true, ELU, false", "false, RELU, true", "true, TANH, true"})
    void engineGradientEqualsDl4js(boolean shared, ActivationKind activation, boolean conv) {
        ActorCriticConfig config = new ActorCriticConfig(new MlpConfig(List.of(16, 12), activation,
                WeightInitKind.XAVIER), shared, OptimizerConfig.adam(1e-3), conv ? CONV : null);
        ActorCriticLosses losses = new ActorCriticLosses(CLIP, ENT, VF, VCLIP);
        int in = conv ? CONV.inputSize() : IN;
        ActorCriticNetwork engine = ActorCriticNetwork.create(config, losses, in, ACTIONS, 9);
        String before = System.getProperty(rlx.networks.engine.Engine.PROPERTY);
        System.setProperty(rlx.networks.engine.Engine.PROPERTY, "dl4j");
        ActorCriticNetwork dl4j;
        try {
            dl4j = ActorCriticNetwork.create(config, losses, in, ACTIONS, 9);
        } finally {
            if (before == null) {
                System.clearProperty(rlx.networks.engine.Engine.PROPERTY);
            } else {
                System.setProperty(rlx.networks.engine.Engine.PROPERTY, before);
            }
        }
        assertTrue(engine.usesEngine() && !dl4j.usesEngine());
        assertArrayEquals(dl4j.params(), engine.params());
        for (int round = 0; round < 3; round++) {
            Batch b = Batch.random(engine);
            float[] g1 = new float[engine.numParams()];
            float[] g2 = new float[engine.numParams()];
            var s1 = engine.gradient(b.obs, b.actions, b.adv, b.oldLogP, b.returns, b.oldV, BATCH, g1);
            var s2 = dl4j.gradient(b.obs, b.actions, b.adv, b.oldLogP, b.returns, b.oldV, BATCH, g2);
            assertEquals(s2.loss(), s1.loss(), 1e-5);
            assertEquals(s2.entropy(), s1.entropy(), 1e-5);
            assertEquals(s2.clipFraction(), s1.clipFraction(), 1e-12);
            assertEquals(s2.valueLoss(), s1.valueLoss(), 1e-5);
            for (int k = 0; k < g1.length; k++) {
                assertEquals(g2[k], g1[k], 1e-5 + 1e-4 * Math.abs(g2[k]), "gradient " + k);
            }
            // a step, so that the next round compares other parameters
            float[] p = engine.params();
            for (int k = 0; k < p.length; k++) {
                p[k] -= 0.05f * g1[k];
            }
            engine.setParams(p);
            dl4j.setParams(p);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "shared torso: {0}, conv: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void plainForwardMatchesTheGraph(boolean shared, boolean conv) {
        ActorCriticNetwork net = network(shared, conv);
        Batch b = Batch.random(net);
        int in = net.inputSize();
        INDArray[] out = ActorCriticNetworks.build(net.config(), net.losses(), in, ACTIONS, 5)
                .output(Nd4j.create(b.obs, new long[] {BATCH, in}, 'c'));
        ActorCriticForward f = net.plainForward();
        float[] z = new float[ACTIONS];
        for (int i = 0; i < BATCH; i++) {
            float v = f.forward(b.obs, i * in, z, 0);
            assertArrayEquals(out[0].getRow(i).toFloatVector(), z, 1e-5f);
            assertEquals(out[1].getFloat(i, 0), v, 1e-5f);
        }
    }

    @Test
    void setParamsRoundTripsAndMovesTheOutputs() {
        ActorCriticNetwork net = network();
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.01f * (i % 17);
        }
        net.setParams(p);
        assertArrayEquals(p, net.params());
        ActorCriticForward f = net.plainForward();
        float[] z = new float[ACTIONS];
        float v = f.forward(new float[] {1, 2, 3, 4}, 0, z, 0);
        ActorCriticForward g = network().plainForward();
        float[] z2 = new float[ACTIONS];
        assertTrue(v != g.forward(new float[] {1, 2, 3, 4}, 0, z2, 0));
    }
}
