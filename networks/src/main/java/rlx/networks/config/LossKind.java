package rlx.networks.config;

/**
 * Regression losses for value heads. Both sum over the (masked) outputs of an example and are averaged over the
 * minibatch, so with one selected output per example they equal PyTorch's mean-reduced losses.
 */
public enum LossKind {
    /** Squared error: PyTorch's {@code mse_loss} of the selected outputs. */
    MSE,
    /** Huber loss with threshold {@code huberDelta}: PyTorch's {@code huber_loss(delta)}. */
    HUBER
}
