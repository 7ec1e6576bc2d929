package rlx.networks.config;

/**
 * An optimiser and its hyper-parameters; fields that the chosen {@link OptimizerKind} does not use are still
 * validated but otherwise ignored.
 *
 * <p>DL4J mapping: {@code SGD} is {@code Sgd(learningRate)}; {@code MOMENTUM} is {@code Nesterovs(learningRate,
 * momentum)} (DL4J has Nesterov momentum only); {@code RMSPROP} is {@code RmsProp(learningRate, rmsDecay, epsilon)};
 * {@code ADAM} is {@code Adam(learningRate, beta1, beta2, epsilon)}.
 *
 * <p>{@code l2} is DL4J's L2 regularisation: {@code l2 * w} is added to the gradient of every weight matrix before
 * the updater (PyTorch's coupled {@code weight_decay}), but biases are not decayed. {@code clipNorm} &gt; 0 clips the
 * gradient's L2 norm to {@code clipNorm} <em>per layer</em> ({@code GradientNormalization.ClipL2PerLayer}), not over
 * all parameters as PyTorch's {@code clip_grad_norm_}: DL4J has no global-norm clipping. 0 turns clipping off.
 *
 * @param type         the update rule
 * @param learningRate step size, &gt; 0
 * @param momentum     Nesterov momentum in [0, 1) (MOMENTUM)
 * @param beta1        first-moment decay in [0, 1) (ADAM)
 * @param beta2        second-moment decay in [0, 1) (ADAM)
 * @param epsilon      denominator guard, &gt; 0 (RMSPROP, ADAM)
 * @param rmsDecay     squared-gradient decay in [0, 1) (RMSPROP)
 * @param l2           L2 regularisation coefficient on weights, &gt;= 0
 * @param clipNorm     per-layer gradient L2-norm limit, &gt;= 0; 0 = no clipping
 */
public record OptimizerConfig(OptimizerKind type, double learningRate, double momentum, double beta1, double beta2,
                              double epsilon, double rmsDecay, double l2, double clipNorm) {

    /** Adam's and RMSProp's defaults as in PyTorch. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Adam's second-moment decay as in PyTorch. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Denominator guard as in PyTorch's Adam and RMSprop. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** PyTorch RMSprop's {@code alpha}. */
    public static final double DEFAULT_RMS_DECAY = 0.99;
    /** A common momentum. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    /** Validates every field. */
    public OptimizerConfig {
        Checks.notNull("type", type);
        Checks.positive("learningRate", learningRate);
        Checks.unitInterval("momentum", momentum);
        Checks.unitInterval("beta1", beta1);
        Checks.unitInterval("beta2", beta2);
        Checks.positive("epsilon", epsilon);
        Checks.unitInterval("rmsDecay", rmsDecay);
        Checks.nonNegative("l2", l2);
        Checks.nonNegative("clipNorm", clipNorm);
    }

    /** Plain SGD. */
    public static OptimizerConfig sgd(double learningRate) {
        return of(OptimizerKind.SGD, learningRate);
    }

    /** Nesterov momentum with momentum 0.9. */
    public static OptimizerConfig momentum(double learningRate) {
        return momentum(learningRate, DEFAULT_MOMENTUM);
    }

    /** Nesterov momentum. */
    public static OptimizerConfig momentum(double learningRate, double momentum) {
        return of(OptimizerKind.MOMENTUM, learningRate).withMomentum(momentum);
    }

    /** RMSProp with PyTorch's defaults (decay 0.99, epsilon 1e-8). */
    public static OptimizerConfig rmsprop(double learningRate) {
        return of(OptimizerKind.RMSPROP, learningRate);
    }

    /** Adam with PyTorch's defaults (0.9, 0.999, 1e-8). */
    public static OptimizerConfig adam(double learningRate) {
        return of(OptimizerKind.ADAM, learningRate);
    }

    /** The given update rule with default hyper-parameters, no L2 and no clipping. */
    public static OptimizerConfig of(OptimizerKind type, double learningRate) {
        return new OptimizerConfig(type, learningRate, DEFAULT_MOMENTUM, DEFAULT_BETA1, DEFAULT_BETA2,
                DEFAULT_EPSILON, DEFAULT_RMS_DECAY, 0, 0);
    }

    /** A copy with another learning rate. */
    public OptimizerConfig withLearningRate(double value) {
        return new OptimizerConfig(type, value, momentum, beta1, beta2, epsilon, rmsDecay, l2, clipNorm);
    }

    /** A copy with another momentum. */
    public OptimizerConfig withMomentum(double value) {
        return new OptimizerConfig(type, learningRate, value, beta1, beta2, epsilon, rmsDecay, l2, clipNorm);
    }

    /** A copy with other Adam betas. */
    public OptimizerConfig withBetas(double b1, double b2) {
        return new OptimizerConfig(type, learningRate, momentum, b1, b2, epsilon, rmsDecay, l2, clipNorm);
    }

    /** A copy with another epsilon. */
    public OptimizerConfig withEpsilon(double value) {
        return new OptimizerConfig(type, learningRate, momentum, beta1, beta2, value, rmsDecay, l2, clipNorm);
    }

    /** A copy with another RMSProp decay. */
    public OptimizerConfig withRmsDecay(double value) {
        return new OptimizerConfig(type, learningRate, momentum, beta1, beta2, epsilon, value, l2, clipNorm);
    }

    /** A copy with another L2 coefficient. */
    public OptimizerConfig withL2(double value) {
        return new OptimizerConfig(type, learningRate, momentum, beta1, beta2, epsilon, rmsDecay, value, clipNorm);
    }

    /** A copy with another per-layer gradient-norm limit (0 = off). */
    public OptimizerConfig withClipNorm(double value) {
        return new OptimizerConfig(type, learningRate, momentum, beta1, beta2, epsilon, rmsDecay, l2, value);
    }
}
