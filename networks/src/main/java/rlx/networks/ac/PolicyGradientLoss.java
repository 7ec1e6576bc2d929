package rlx.networks.ac;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The policy loss of A2C, A3C and PPO on a head that outputs logits (identity activation). Each label row is
 * {@code [action, advantage, oldLogProb]}; with {@code r = exp(log pi(action) - oldLogProb)} the loss of an example is
 * {@code -min(r A, clip(r, 1 - eps, 1 + eps) A) - entropyCoef * H(pi)}.
 *
 * <p>When {@code oldLogProb} is the current log-probability (A2C, A3C, the first PPO minibatch), {@code r = 1} and the
 * gradient is the vanilla policy gradient {@code -A grad log pi(action)}; {@code clipRange = 0} turns clipping off.
 * The gradient with respect to the logits is written out in plain Java over one copy of the batch: ND4J's fixed cost
 * per op would dominate a dozen small array ops, and the softmax-entropy algebra is short.
 *
 * <p>Statistics of the last gradient computation (entropy, approximate KL, clip fraction) are kept for logging; an
 * instance belongs to one network, which belongs to one thread.
 */
public final class PolicyGradientLoss extends PlainJavaLoss {
    private static final long serialVersionUID = 1L;

    /** Columns of a label row. */
    public static final int LABEL_WIDTH = 3;

    @JsonProperty("clipRange")
    private final double clipRange;
    @JsonProperty("entropyCoef")
    private final double entropyCoef;

    private transient Stats last = new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * Statistics over the last batch: mean surrogate loss (without entropy), mean entropy, mean approximate KL
     * {@code (r - 1) - log r} (Schulman's low-variance estimator) and the fraction of examples whose ratio was clipped.
     */
    public record Stats(double policyLoss, double entropy, double approxKl, double clipFraction) {
    }

    @JsonCreator
    public PolicyGradientLoss(@JsonProperty("clipRange") double clipRange,
                              @JsonProperty("entropyCoef") double entropyCoef) {
        if (!(clipRange >= 0) || !(entropyCoef >= 0)) {
            throw new IllegalArgumentException("clipRange (" + clipRange + ") and entropyCoef (" + entropyCoef
                    + ") must be >= 0");
        }
        this.clipRange = clipRange;
        this.entropyCoef = entropyCoef;
    }

    public Stats lastStats() {
        return last;
    }

    /** Per-example losses and, when {@code grad} is not null, the gradient with respect to the logits. */
    @Override
    protected double[] evaluate(float[] labels, float[] logits, int batch, int numActions, float[] mask,
                                float[] grad) {
        double[] losses = new double[batch];
        double[] p = new double[numActions];
        double entropySum = 0;
        double klSum = 0;
        double surrogateSum = 0;
        int clipped = 0;
        for (int i = 0; i < batch; i++) {
            int zo = i * numActions;
            int lo = i * LABEL_WIDTH;
            int action = (int) labels[lo];
            if (action < 0 || action >= numActions) {
                throw new IllegalArgumentException("label action " + labels[lo] + " must be in [0, " + numActions + ")");
            }
            double advantage = labels[lo + 1];
            double oldLogProb = labels[lo + 2];
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < numActions; a++) {
                max = Math.max(max, logits[zo + a]);
            }
            double sum = 0;
            for (int a = 0; a < numActions; a++) {
                p[a] = Math.exp(logits[zo + a] - max);
                sum += p[a];
            }
            double logSum = Math.log(sum) + max;
            double entropy = 0;
            for (int a = 0; a < numActions; a++) {
                p[a] /= sum;
                if (p[a] > 0) {
                    entropy -= p[a] * (logits[zo + a] - logSum);
                }
            }
            double logRatio = (logits[zo + action] - logSum) - oldLogProb;
            double ratio = Math.exp(logRatio);
            boolean isClipped = clipRange > 0
                    && ((advantage > 0 && ratio > 1 + clipRange) || (advantage < 0 && ratio < 1 - clipRange));
            double surrogate = isClipped ? advantage * (advantage > 0 ? 1 + clipRange : 1 - clipRange) : advantage * ratio;
            double weight = mask == null ? 1 : mask[i];
            losses[i] = weight * (-surrogate - entropyCoef * entropy);
            entropySum += entropy;
            klSum += (ratio - 1) - logRatio;
            surrogateSum += -surrogate;
            clipped += isClipped ? 1 : 0;
            if (grad != null) {
                // d(-A r)/dz = -A r (onehot - p); d(-c H)/dz_j = c p_j (log p_j + H)
                double pg = isClipped ? 0 : -advantage * ratio;
                int row = i * numActions;
                for (int a = 0; a < numActions; a++) {
                    double logP = logits[zo + a] - logSum;
                    double g = pg * ((a == action ? 1 : 0) - p[a]) + entropyCoef * p[a] * (logP + entropy);
                    grad[row + a] = (float) (weight * g);
                }
            }
        }
        if (grad != null) {
            last = new Stats(surrogateSum / batch, entropySum / batch, klSum / batch, (double) clipped / batch);
        }
        return losses;
    }

    @Override
    protected void checkShapes(INDArray labels, INDArray preOutput) {
        if (labels.rank() != 2 || labels.size(1) != LABEL_WIDTH || labels.size(0) != preOutput.size(0)) {
            throw new IllegalArgumentException("labels " + java.util.Arrays.toString(labels.shape())
                    + " must be [batch, " + LABEL_WIDTH + "] rows of [action, advantage, oldLogProb] for logits "
                    + java.util.Arrays.toString(preOutput.shape()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyGradientLoss l && l.clipRange == clipRange && l.entropyCoef == entropyCoef;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(clipRange) * 31 + Double.hashCode(entropyCoef);
    }

    @Override
    public String toString() {
        return "PolicyGradientLoss(clipRange=" + clipRange + ", entropyCoef=" + entropyCoef + ")";
    }
}
