package rlx.networks.config;

/**
 * Hidden-layer activation functions, each mapped to the DL4J activation of the same definition and evaluated
 * identically by {@link rlx.networks.q.PlainForward}.
 */
public enum ActivationKind {
    /** max(0, x). */
    RELU,
    /** tanh(x). */
    TANH,
    /** x for x &gt; 0, exp(x) - 1 otherwise (alpha 1, DL4J's default). */
    ELU,
    /** x for x &gt;= 0, 0.01 x otherwise (DL4J's default slope, as PyTorch's). */
    LEAKY_RELU,
    /** 1 / (1 + exp(-x)). */
    SIGMOID,
    /** x. */
    IDENTITY
}
