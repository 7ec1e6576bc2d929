package rlx.networks.ac;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A DL4J loss computed in plain Java over one copy of the batch: ND4J's fixed cost per op would dominate the dozen
 * small array ops these losses need. Subclasses write per-example losses and, when asked, the gradient with respect
 * to the head's pre-activations (the heads here are linear, so that is also the gradient of the output).
 */
abstract class PlainJavaLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Per-example losses of a batch; fills {@code grad} ({@code batch * width}) when it is not null.
     *
     * @param labels row-major labels of the subclass's label width
     * @param output row-major head outputs, {@code width} per example
     * @param mask   per-example weights, or null
     */
    protected abstract double[] evaluate(float[] labels, float[] output, int batch, int width, float[] mask,
                                         float[] grad);

    /** Rejects labels that do not fit the output, naming both shapes. */
    protected abstract void checkShapes(INDArray labels, INDArray preOutput);

    /** The array's elements in row-major order, with one ND4J op (per-row access costs one op per row). */
    static float[] flat(INDArray a) {
        INDArray f = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        return f.dup('c').data().asFloat();
    }

    private double[] losses(INDArray labels, INDArray preOutput, INDArray mask, float[] grad) {
        checkShapes(labels, preOutput);
        return evaluate(flat(labels), flat(preOutput), (int) preOutput.size(0), (int) preOutput.size(1),
                mask == null ? null : flat(mask), grad);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = 0;
        for (double l : losses(labels, preOutput, mask, null)) {
            sum += l;
        }
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        double[] losses = losses(labels, preOutput, mask, null);
        return Nd4j.createFromArray(losses).castTo(preOutput.dataType()).reshape(losses.length, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        int batch = (int) preOutput.size(0);
        int width = (int) preOutput.size(1);
        float[] grad = new float[batch * width];
        losses(labels, preOutput, mask, grad);
        INDArray dLdy = Nd4j.create(grad, new long[] {batch, width}, 'c').castTo(preOutput.dataType());
        return activationFn.backprop(preOutput.dup(), dLdy).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }
}
