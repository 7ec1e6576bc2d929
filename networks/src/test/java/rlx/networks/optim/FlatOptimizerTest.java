package rlx.networks.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import rlx.networks.config.OptimizerConfig;

class FlatOptimizerTest {

    @Test
    void adamFollowsPyTorchsFormulaOverTwoSteps() {
        FlatOptimizer adam = FlatOptimizer.of(OptimizerConfig.adam(0.1).withEpsilon(1e-5), 2);
        float[] p = {1f, -2f};
        adam.step(p, new float[] {0.5f, -1f});
        // step 1: m = 0.1 g, v = 0.001 g^2; m_hat = g, v_hat = g^2 -> p -= lr * g / (|g| + eps)
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-5), p[0], 1e-6);
        assertEquals(-2 + 0.1 * 1 / (1 + 1e-5), p[1], 1e-6);
        float p0 = p[0];
        adam.step(p, new float[] {0.25f, 0f});
        double m = 0.9 * 0.05 + 0.1 * 0.25;
        double v = 0.999 * 0.001 * 0.25 + 0.001 * 0.0625;
        double mHat = m / (1 - 0.81);
        double vHat = v / (1 - 0.999 * 0.999);
        assertEquals(p0 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-5), p[0], 1e-6);
        assertEquals(2, adam.steps());
    }

    @Test
    void rmsPropFollowsPyTorchsFormula() {
        FlatOptimizer rms = FlatOptimizer.of(OptimizerConfig.rmsprop(0.01).withRmsDecay(0.99).withEpsilon(1e-5), 1);
        float[] p = {0f};
        rms.step(p, new float[] {2f});
        double s = 0.01 * 4;
        assertEquals(-0.01 * 2 / (Math.sqrt(s) + 1e-5), p[0], 1e-7);
    }

    @Test
    void clipsTheGlobalNormNotEachParameter() {
        FlatOptimizer sgd = FlatOptimizer.of(OptimizerConfig.sgd(1.0).withClipNorm(1.0), 2);
        float[] p = {0f, 0f};
        double norm = sgd.step(p, new float[] {3f, 4f});
        assertEquals(5.0, norm, 1e-6);
        assertArrayEquals(new float[] {-0.6f, -0.8f}, p, 1e-5f);
    }

    @Test
    void stateRestoresExactly() {
        FlatOptimizer a = FlatOptimizer.of(OptimizerConfig.adam(0.01), 3);
        float[] pa = {1, 2, 3};
        a.step(pa, new float[] {0.1f, -0.2f, 0.3f});
        FlatOptimizer b = FlatOptimizer.of(OptimizerConfig.adam(0.01), 3);
        b.restore(a.state(), a.steps());
        float[] pb = pa.clone();
        a.step(pa, new float[] {0.3f, 0.1f, -0.1f});
        b.step(pb, new float[] {0.3f, 0.1f, -0.1f});
        assertArrayEquals(pa, pb);
    }

    @Test
    void rejectsNonFiniteGradients() {
        FlatOptimizer sgd = FlatOptimizer.of(OptimizerConfig.sgd(1.0), 1);
        float[] p = {1f};
        assertThrows(IllegalStateException.class, () -> sgd.step(p, new float[] {Float.NaN}));
        assertEquals(1f, p[0]);
    }
}
