package rlx.networks.config;

/** Gradient-descent update rules, each mapped onto one DL4J updater by {@link OptimizerConfig}. */
public enum OptimizerKind {
    /** Plain stochastic gradient descent. */
    SGD,
    /** Nesterov momentum: DL4J has no classical (heavy-ball) momentum updater, only {@code Nesterovs}. */
    MOMENTUM,
    /** RMSProp with decay {@code rmsDecay} and {@code epsilon}. */
    RMSPROP,
    /** Adam with {@code beta1}, {@code beta2} and {@code epsilon}. */
    ADAM
}
