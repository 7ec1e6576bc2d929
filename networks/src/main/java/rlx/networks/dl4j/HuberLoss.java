package rlx.networks.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Huber loss with threshold {@code delta}, per element of {@code x = output - label}: {@code 0.5 x^2} for
 * {@code |x| <= delta}, {@code delta (|x| - 0.5 delta)} beyond, so its gradient is {@code x} clipped to
 * {@code [-delta, delta]}. This is PyTorch's {@code huber_loss(delta)}, and {@code smooth_l1_loss} when delta = 1
 * (for other values {@code smooth_l1_loss(beta) = huber_loss(delta = beta) / beta}). Summed over the masked outputs
 * of an example and averaged over the minibatch, as {@link MaskWeightedLoss} describes.
 */
public final class HuberLoss extends MaskWeightedLoss {
    private static final long serialVersionUID = 1L;

    @JsonProperty("delta")
    private final double delta;

    /** A Huber loss with threshold {@code delta} &gt; 0. */
    @JsonCreator
    public HuberLoss(@JsonProperty("delta") double delta) {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta (" + delta + ") must be > 0");
        }
        this.delta = delta;
    }

    /** The threshold between the quadratic and the linear part. */
    public double delta() {
        return delta;
    }

    @Override
    protected INDArray loss(INDArray diff) {
        INDArray abs = Transforms.abs(diff, false);
        INDArray quad = Transforms.min(abs, delta, true);
        // 0.5 q^2 + delta (|x| - q) with q = min(|x|, delta) covers both branches without a select
        INDArray linear = abs.subi(quad).muli(delta);
        return quad.muli(quad).muli(0.5).addi(linear);
    }

    @Override
    protected INDArray derivative(INDArray diff) {
        return Transforms.max(Transforms.min(diff, delta, false), -delta, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HuberLoss h && Double.compare(h.delta, delta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta);
    }

    @Override
    public String toString() {
        return "HuberLoss(delta=" + delta + ")";
    }
}
