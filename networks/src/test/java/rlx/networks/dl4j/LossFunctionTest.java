package rlx.networks.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossFunctionTest {
    private static final ActivationIdentity IDENTITY = new ActivationIdentity();

    private static INDArray row(double... v) {
        return Nd4j.createFromArray(new double[][] {v});
    }

    @Test
    void huberIsHalfTheSquaredErrorInsideDeltaAndLinearOutside() {
        double delta = 1.5;
        HuberLoss huber = new HuberLoss(delta);
        SquaredErrorLoss mse = new SquaredErrorLoss();
        INDArray labels = row(0, 0, 0, 0, 0, 0);
        INDArray out = row(0.3, -1.2, 1.5, 2.0, -4.0, 10.0);
        double[] diffs = out.toDoubleVector();

        INDArray[] single = new INDArray[diffs.length];
        for (int k = 0; k < diffs.length; k++) {
            INDArray mask = Nd4j.zeros(DataType.DOUBLE, 1, diffs.length);
            mask.putScalar(0, k, 1.0);
            single[k] = mask;
            double h = huber.computeScore(labels, out, IDENTITY, mask, true);
            double m = mse.computeScore(labels, out, IDENTITY, mask, true);
            double d = Math.abs(diffs[k]);
            if (d <= delta) {
                assertEquals(m / 2, h, 1e-12, "inside delta at " + diffs[k]);
            } else {
                assertEquals(delta * (d - delta / 2), h, 1e-12, "outside delta at " + diffs[k]);
            }
        }
        double[] grad = huber.computeGradient(labels, out, IDENTITY, null).toDoubleVector();
        assertArrayEquals(new double[] {0.3, -1.2, 1.5, 1.5, -1.5, 1.5}, grad, 1e-12);
        double[] mseGrad = mse.computeGradient(labels, out, IDENTITY, null).toDoubleVector();
        assertArrayEquals(new double[] {0.6, -2.4, 3.0, 4.0, -8.0, 20.0}, mseGrad, 1e-12);
    }

    @Test
    void maskWeightsScoreAndGradientOnceAndScoreSumsOverOutputs() {
        INDArray labels = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray out = Nd4j.createFromArray(new double[][] {{2, 0}, {3, 7}});
        INDArray mask = Nd4j.createFromArray(new double[][] {{0.5, 0}, {0, 2}});
        SquaredErrorLoss mse = new SquaredErrorLoss();
        // rows: 0.5 * 1^2 = 0.5 and 2 * 3^2 = 18; mean over the 2 examples
        assertEquals(9.25, mse.computeScore(labels, out, IDENTITY, mask, true), 1e-12);
        assertEquals(18.5, mse.computeScore(labels, out, IDENTITY, mask, false), 1e-12);
        assertArrayEquals(new double[] {0.5, 18}, mse.computeScoreArray(labels, out, IDENTITY, mask).toDoubleVector(),
                1e-12);
        // 0.5 * 2 * (2 - 1) and 2 * 2 * (7 - 4): linear in the mask, not squared
        assertArrayEquals(new double[] {1, 0, 0, 12},
                mse.computeGradient(labels, out, IDENTITY, mask).reshape(4).toDoubleVector(), 1e-12);
        INDArray column = Nd4j.createFromArray(new double[][] {{1}, {0}});
        // per-example weights: row 0 counts fully ((2-1)^2 + (0-2)^2 = 5), row 1 not at all
        assertEquals(5.0 / 2, mse.computeScore(labels, out, IDENTITY, column, true), 1e-12);
    }

    @Test
    void rejectsMismatchedShapesAndBadDelta() {
        SquaredErrorLoss mse = new SquaredErrorLoss();
        assertThrows(IllegalArgumentException.class,
                () -> mse.computeScore(row(1, 2), row(1, 2, 3), IDENTITY, null, true));
        assertThrows(IllegalArgumentException.class,
                () -> mse.computeScore(row(1, 2), row(1, 2), IDENTITY, row(1, 2, 3), true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HuberLoss(0));
        assertEquals("delta (0.0) must be > 0", e.getMessage());
    }
}
