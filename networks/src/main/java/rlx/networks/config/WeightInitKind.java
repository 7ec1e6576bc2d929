package rlx.networks.config;

/**
 * Weight initialisation schemes available in DL4J 1.0.0-M2.1; DL4J has no orthogonal initialisation, so none is
 * offered. Biases start at zero in every scheme.
 */
public enum WeightInitKind {
    /** Glorot normal: N(0, 2 / (fanIn + fanOut)) (DL4J {@code XAVIER}). */
    XAVIER,
    /** He normal: N(0, 2 / fanIn) (DL4J {@code RELU}). */
    HE,
    /** LeCun normal: N(0, 1 / fanIn) (DL4J {@code LECUN_NORMAL}). */
    LECUN
}
