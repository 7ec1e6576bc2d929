package rlx.networks.ac;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The critic's loss on a one-unit linear head. Each label row is {@code [return, oldValue]}; the loss of an example is
 * {@code coef * 0.5 * (v - R)^2}, or with {@code clipRange > 0} PPO's pessimistic clipped form
 * {@code coef * 0.5 * max((v - R)^2, (oldValue + clip(v - oldValue, -eps, eps) - R)^2)}.
 */
public final class ValueLoss extends PlainJavaLoss {
    private static final long serialVersionUID = 1L;

    /** Columns of a label row. */
    public static final int LABEL_WIDTH = 2;

    @JsonProperty("coef")
    private final double coef;
    @JsonProperty("clipRange")
    private final double clipRange;

    private transient double lastLoss = Double.NaN;

    @JsonCreator
    public ValueLoss(@JsonProperty("coef") double coef, @JsonProperty("clipRange") double clipRange) {
        if (!(coef > 0) || !(clipRange >= 0)) {
            throw new IllegalArgumentException("coef (" + coef + ") must be > 0 and clipRange (" + clipRange
                    + ") >= 0");
        }
        this.coef = coef;
        this.clipRange = clipRange;
    }

    /** Mean of {@code 0.5 * (v - R)^2} (clipped form if enabled, without the coefficient) over the last batch. */
    public double lastLoss() {
        return lastLoss;
    }

    @Override
    protected double[] evaluate(float[] labels, float[] values, int batch, int width, float[] mask, float[] grad) {
        double[] losses = new double[batch];
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            double v = values[i];
            double target = labels[LABEL_WIDTH * i];
            double oldValue = labels[LABEL_WIDTH * i + 1];
            double loss = 0.5 * (v - target) * (v - target);
            double dv = v - target;
            if (clipRange > 0) {
                double delta = Math.max(-clipRange, Math.min(clipRange, v - oldValue));
                double vClipped = oldValue + delta;
                double clippedLoss = 0.5 * (vClipped - target) * (vClipped - target);
                if (clippedLoss > loss) {
                    loss = clippedLoss;
                    // the clipped branch moves with v only inside the clip window
                    dv = Math.abs(v - oldValue) < clipRange ? vClipped - target : 0;
                }
            }
            double weight = mask == null ? 1 : mask[i];
            losses[i] = weight * coef * loss;
            sum += loss;
            if (grad != null) {
                grad[i] = (float) (weight * coef * dv);
            }
        }
        if (grad != null) {
            lastLoss = sum / batch;
        }
        return losses;
    }

    @Override
    protected void checkShapes(INDArray labels, INDArray preOutput) {
        if (labels.rank() != 2 || labels.size(1) != LABEL_WIDTH || labels.size(0) != preOutput.size(0)
                || preOutput.size(1) != 1) {
            throw new IllegalArgumentException("labels " + java.util.Arrays.toString(labels.shape()) + " must be [batch, "
                    + LABEL_WIDTH + "] rows of [return, oldValue] for values " + java.util.Arrays.toString(preOutput.shape()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueLoss l && l.coef == coef && l.clipRange == clipRange;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(coef) * 31 + Double.hashCode(clipRange);
    }

    @Override
    public String toString() {
        return "ValueLoss(coef=" + coef + ", clipRange=" + clipRange + ")";
    }
}
