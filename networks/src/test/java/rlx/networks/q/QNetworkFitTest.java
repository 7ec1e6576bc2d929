package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;

class QNetworkFitTest {

    /** Fixed regression: Q_k(x) = sin(x . w_k), every output trained. */
    @Test
    void fitReducesTheLossOfAFixedRegressionProblem() {
        int batch = 64;
        int in = 4;
        int actions = 2;
        Random rng = new Random(42);
        float[] obs = TestNets.uniform(rng, batch * in, 1);
        float[] targets = new float[batch * actions];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < actions; k++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += obs[i * in + j] * (k == 0 ? 1.0 + j : 2.0 - j);
                }
                targets[i * actions + k] = (float) Math.sin(s);
            }
        }
        float[] mask = new float[batch * actions];
        java.util.Arrays.fill(mask, 1f);
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(3e-3)), in, actions, 42);
        double first = net.fit(obs, batch, targets, mask);
        double last = first;
        for (int step = 0; step < 300; step++) {
            last = net.fit(obs, batch, targets, mask);
        }
        assertTrue(last < 0.05 * first, "loss " + first + " -> " + last);
        // the score is the loss of the batch before the step: recompute it from the outputs
        float[] q = TestNets.output(net, obs, batch);
        double sse = 0;
        for (int i = 0; i < q.length; i++) {
            sse += (q[i] - targets[i]) * (q[i] - targets[i]);
        }
        assertEquals(sse / batch, net.fit(obs, batch, targets, mask), 1e-4 + 1e-3 * sse / batch);
    }

    @Test
    void zeroMaskChangesNoParameter() {
        for (OptimizerConfig opt : List.of(OptimizerConfig.sgd(0.1), OptimizerConfig.adam(0.1),
                OptimizerConfig.rmsprop(0.1), OptimizerConfig.momentum(0.1))) {
            for (boolean dueling : new boolean[] {false, true}) {
                QNetwork net = QNetwork.build(TestNets.mlp(opt, LossKind.MSE, dueling, ActivationKind.TANH, 16, 16),
                        3, 4, 9);
                Random rng = new Random(9);
                float[] before = net.params();
                double score = net.fit(TestNets.uniform(rng, 8 * 3, 1), 8, TestNets.uniform(rng, 8 * 4, 10),
                        new float[8 * 4]);
                assertEquals(0.0, score, opt + " dueling=" + dueling);
                assertArrayEquals(before, net.params(), opt + " dueling=" + dueling);
            }
        }
    }

    @Test
    void unmaskedTargetsAffectNeitherLossNorUpdate() {
        for (LossKind loss : LossKind.values()) {
            for (boolean dueling : new boolean[] {false, true}) {
                QNetworkConfig c = TestNets.mlp(OptimizerConfig.adam(1e-2), loss, dueling, ActivationKind.RELU, 32);
                QNetwork a = QNetwork.build(c, 5, 3, 17);
                QNetwork b = QNetwork.build(c, 5, 3, 17);
                Random rng = new Random(17);
                int batch = 16;
                float[] obs = TestNets.uniform(rng, batch * 5, 1);
                float[] mask = TestNets.oneHotMask(rng, batch, 3);
                float[] targets = TestNets.uniform(rng, batch * 3, 1);
                float[] garbage = targets.clone();
                for (int i = 0; i < garbage.length; i++) {
                    if (mask[i] == 0) {
                        garbage[i] = 1000f * (rng.nextFloat() - 0.5f);
                    }
                }
                for (int step = 0; step < 3; step++) {
                    assertEquals(a.fit(obs, batch, targets, mask), b.fit(obs, batch, garbage, mask),
                            loss + " dueling=" + dueling);
                }
                assertArrayEquals(a.params(), b.params(), loss + " dueling=" + dueling);
                // ... while a masked target does matter
                garbage[indexOfFirstSelected(mask)] += 1f;
                assertNotEquals(a.fit(obs, batch, targets, mask), b.fit(obs, batch, garbage, mask));
            }
        }
    }

    private static int indexOfFirstSelected(float[] mask) {
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                return i;
            }
        }
        throw new AssertionError("empty mask");
    }

    /**
     * Linear net q = x W + b under SGD: the step must be {@code -lr / B * sum_i w_i * 2 (q_i - y_i) * [x_i, 1]} on the
     * selected columns and zero elsewhere, and the score {@code 1/B sum_i w_i (q_i - y_i)^2}.
     */
    @Test
    void squaredErrorStepMatchesTheClosedForm() {
        // one example, weight 1: the plain 2 (q - y) gradient
        assertClosedForm(new float[] {0.5f, -1f, 2f}, new float[] {3f, 0f}, new float[] {1f, 0f});
        // two examples, importance weights 1 and 0.5 on different actions: averaged, weighted once
        assertClosedForm(new float[] {0.5f, -1f, 2f, 1.5f, 0.25f, -0.75f}, new float[] {3f, 0f, 0f, -2f},
                new float[] {1f, 0f, 0f, 0.5f});
    }

    private static void assertClosedForm(float[] obs, float[] targets, float[] mask) {
        double lr = 0.05;
        int batch = obs.length / 3;
        QNetworkConfig c = new QNetworkConfig(new MlpConfig(List.of(), ActivationKind.RELU, WeightInitKind.XAVIER),
                false, OptimizerConfig.sgd(lr), LossKind.MSE, 1.0);
        QNetwork net = QNetwork.build(c, 3, 2, 4);
        float[] q = TestNets.output(net, obs, batch);
        double[][] w0 = net.graph().getParam("head_W").toDoubleMatrix();
        double[] b0 = net.graph().getParam("head_b").toDoubleVector();

        double score = net.fit(obs, batch, targets, mask);

        double[][] w1 = net.graph().getParam("head_W").toDoubleMatrix();
        double[] b1 = net.graph().getParam("head_b").toDoubleVector();
        double expectedScore = 0;
        double[][] gradW = new double[3][2];
        double[] gradB = new double[2];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < 2; k++) {
                double err = q[i * 2 + k] - targets[i * 2 + k];
                double wgt = mask[i * 2 + k];
                expectedScore += wgt * err * err / batch;
                for (int j = 0; j < 3; j++) {
                    gradW[j][k] += wgt * 2 * err * obs[i * 3 + j] / batch;
                }
                gradB[k] += wgt * 2 * err / batch;
            }
        }
        assertEquals(expectedScore, score, 1e-5 * Math.max(1, expectedScore));
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(-lr * gradW[j][k], w1[j][k] - w0[j][k], 1e-5, "W[" + j + "][" + k + "]");
            }
        }
        for (int k = 0; k < 2; k++) {
            assertEquals(-lr * gradB[k], b1[k] - b0[k], 1e-5, "b[" + k + "]");
        }
        assertTrue(Math.abs(gradB[0]) > 0.1, "the selected output really moved");
    }

    /** Same linear net with MSE and HUBER: inside delta Huber is MSE/2 (score and step), outside its step is linear. */
    @Test
    void huberIsHalfOfMseInsideDeltaAndLinearOutside() {
        double lr = 0.01;
        double delta = 2.0;
        MlpConfig linear = new MlpConfig(List.of(), ActivationKind.RELU, WeightInitKind.XAVIER);
        QNetwork mse = QNetwork.build(new QNetworkConfig(linear, false, OptimizerConfig.sgd(lr), LossKind.MSE, 0),
                3, 2, 8);
        QNetwork huber = QNetwork.build(new QNetworkConfig(linear, false, OptimizerConfig.sgd(lr), LossKind.HUBER,
                delta), 3, 2, 8);
        float[] obs = {0.1f, 0.2f, -0.3f};
        float[] mask = {1f, 0f};
        float q0 = TestNets.output(mse, obs, 1)[0];

        float[] inside = {q0 - 0.5f, 0f};
        float[] before = mse.params();
        assertArrayEquals(before, huber.params(), "same seed, same initial weights");
        double mseScore = mse.fit(obs, 1, inside, mask);
        float[] mseStep = minus(mse.params(), before);
        double huberScore = huber.fit(obs, 1, inside, mask);
        float[] huberStep = minus(huber.params(), before);
        assertEquals(mseScore / 2, huberScore, 1e-6);
        assertEquals(0.125, huberScore, 1e-5);
        for (int i = 0; i < before.length; i++) {
            assertEquals(mseStep[i] / 2, huberStep[i], 1e-7);
        }

        huber.setParams(before);
        double[] b0 = huber.graph().getParam("head_b").toDoubleVector();
        float[] outside = {q0 - 10f, 0f};
        double far = huber.fit(obs, 1, outside, mask);
        assertEquals(delta * (10 - delta / 2), far, 1e-4);
        float[] farStep = minus(huber.params(), before);
        // gradient delta instead of the error 10: bias step -lr * delta
        INDArray b = huber.graph().getParam("head_b");
        assertEquals(b0[0] - lr * delta, b.getDouble(0), 1e-6);
        assertEquals(b0[1], b.getDouble(1), 0.0);
        assertTrue(maxAbs(farStep) > 0);
    }

    private static float[] minus(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void paramsRoundTripAndSetParamsChangesTheOutput() {
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(1e-3)), 4, 2, 21);
        Random rng = new Random(21);
        float[] obs = TestNets.uniform(rng, 10 * 4, 1);
        float[] original = net.params();
        float[] q0 = TestNets.output(net, obs, 10);

        float[] other = TestNets.uniform(rng, original.length, 0.3);
        net.setParams(other);
        assertArrayEquals(other, net.params());
        float[] copied = new float[other.length];
        net.copyParamsTo(copied);
        assertArrayEquals(other, copied);
        assertTrue(TestNets.maxAbsDiff(q0, TestNets.output(net, obs, 10)) > 1e-3);

        other[0] = 123f;
        assertNotEquals(123f, net.params()[0], "setParams copies");
        net.setParams(original);
        assertArrayEquals(q0, TestNets.output(net, obs, 10));
        // the network still trains on the written parameters
        double s1 = net.fit(obs, 10, new float[20], TestNets.oneHotMask(rng, 10, 2));
        assertTrue(Double.isFinite(s1));
        assertTrue(TestNets.maxAbsDiff(original, net.params()) > 0);
    }

    @Test
    void polyakBlendOfTwoNetworks() {
        QNetworkConfig c = TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.HUBER, true, ActivationKind.RELU, 32, 32);
        QNetwork online = QNetwork.build(c, 4, 3, 1);
        QNetwork target = QNetwork.build(c, 4, 3, 2);
        double tau = 0.25;
        float[] p = online.params();
        float[] t = target.params();
        float[] blend = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            blend[i] = (float) (tau * p[i] + (1 - tau) * t[i]);
        }
        target.setParams(blend);
        assertArrayEquals(blend, target.params());
        Random rng = new Random(3);
        float[] obs = TestNets.uniform(rng, 6 * 4, 1);
        PlainForward pf = online.plainForward();
        pf.load(blend);
        float[] expected = new float[18];
        pf.forward(obs, 6, expected);
        assertTrue(TestNets.maxAbsDiff(expected, TestNets.output(target, obs, 6)) < 1e-5);

        // tau = 1 makes the target a copy of the online network
        target.setParams(online.params());
        assertArrayEquals(TestNets.output(online, obs, 6), TestNets.output(target, obs, 6));
    }

    @Test
    void l2AndClippingChangeTheStep() {
        QNetworkConfig plain = TestNets.mlp(OptimizerConfig.sgd(0.1), LossKind.MSE, false, ActivationKind.TANH, 8);
        Random rng = new Random(5);
        float[] obs = TestNets.uniform(rng, 4 * 3, 1);
        float[] targets = TestNets.uniform(rng, 4 * 2, 50);
        float[] mask = TestNets.oneHotMask(rng, 4, 2);
        QNetwork a = QNetwork.build(plain, 3, 2, 5);
        float[] start = a.params();
        a.fit(obs, 4, targets, mask);
        float[] stepPlain = minus(a.params(), start);

        QNetwork clipped = QNetwork.build(plain.withOptimizer(OptimizerConfig.sgd(0.1).withClipNorm(0.01)), 3, 2, 5);
        clipped.fit(obs, 4, targets, mask);
        float[] stepClipped = minus(clipped.params(), start);
        // per-layer norm of the update is lr * 0.01 at most
        assertTrue(norm(stepClipped) <= 2 * 0.1 * 0.01 * 1.0001, "clipped step " + norm(stepClipped));
        assertTrue(norm(stepPlain) > 10 * norm(stepClipped));

        QNetwork decayed = QNetwork.build(plain.withOptimizer(OptimizerConfig.sgd(0.1).withL2(0.5)), 3, 2, 5);
        double decayedScore = decayed.fit(obs, 4, targets, mask);
        assertTrue(TestNets.maxAbsDiff(stepPlain, minus(decayed.params(), start)) > 1e-4);
        QNetwork again = QNetwork.build(plain, 3, 2, 5);
        assertTrue(decayedScore > again.fit(obs, 4, targets, mask), "score includes the L2 penalty");
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}
