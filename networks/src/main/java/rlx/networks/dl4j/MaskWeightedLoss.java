package rlx.networks.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Base of the element-wise regression losses: the loss of an example is the sum over outputs of
 * {@code mask * f(output - label)}, and its gradient {@code mask * f'(output - label)}.
 *
 * <p>DL4J's own {@code LossL2}/{@code LossMSE} multiply a per-output mask into the gradient twice (before and after
 * the activation's backprop), so a non-binary mask such as an importance weight would scale the gradient by its
 * square while scaling the score once. Here the mask is applied exactly once, which is right for element-wise
 * activations (the only kind used on regression heads); a softmax head must not use these losses.
 *
 * <p>The mask may have the labels' shape (per-output masking) or be a column vector (per-example weights).
 */
public abstract class MaskWeightedLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    /** Element-wise loss of {@code diff = output - label}; may overwrite {@code diff}. */
    protected abstract INDArray loss(INDArray diff);

    /** Element-wise derivative of {@link #loss} with respect to the output; may overwrite {@code diff}. */
    protected abstract INDArray derivative(INDArray diff);

    private static INDArray diff(INDArray labels, INDArray preOutput, IActivation activationFn) {
        if (!labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("labels " + java.util.Arrays.toString(labels.shape())
                    + " and preOutput " + java.util.Arrays.toString(preOutput.shape()) + " must have equal shapes");
        }
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        return output.subi(labels.castTo(output.dataType()));
    }

    private static void applyMask(INDArray arr, INDArray mask) {
        if (mask == null) {
            return;
        }
        INDArray m = mask.castTo(arr.dataType());
        if (m.equalShapes(arr)) {
            arr.muli(m);
        } else if (m.rank() == 2 && m.size(1) == 1 && m.size(0) == arr.size(0)) {
            arr.muliColumnVector(m);
        } else {
            throw new IllegalArgumentException("mask " + java.util.Arrays.toString(mask.shape())
                    + " must match the labels " + java.util.Arrays.toString(arr.shape()) + " or be a column vector");
        }
    }

    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray scores = loss(diff(labels, preOutput, activationFn));
        applyMask(scores, mask);
        return scores;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray scores = scoreArray(labels, preOutput, activationFn, mask);
        double score = scores.sumNumber().doubleValue();
        return average ? score / scores.size(0) : score;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(labels, preOutput, activationFn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray dLda = derivative(diff(labels, preOutput, activationFn));
        applyMask(dLda, mask);
        return activationFn.backprop(preOutput.dup(), dLda).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }
}
