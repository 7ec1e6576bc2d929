package rlx.networks.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sum of mask-weighted squared errors per example, averaged over the minibatch by DL4J: with one output selected
 * per example this is PyTorch's {@code mse_loss} of the selected values (not divided by the number of outputs, unlike
 * DL4J's {@code LossMSE}).
 */
public final class SquaredErrorLoss extends MaskWeightedLoss {
    private static final long serialVersionUID = 1L;

    @Override
    protected INDArray loss(INDArray diff) {
        return diff.muli(diff);
    }

    @Override
    protected INDArray derivative(INDArray diff) {
        return diff.muli(2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SquaredErrorLoss;
    }

    @Override
    public int hashCode() {
        return SquaredErrorLoss.class.hashCode();
    }

    @Override
    public String toString() {
        return "SquaredErrorLoss()";
    }
}
