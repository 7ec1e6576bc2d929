package rlx.networks.optim;

import rlx.networks.config.OptimizerConfig;

/**
 * RMSProp as PyTorch defines it: {@code s = alpha s + (1 - alpha) g^2; p -= lr g / (sqrt(s) + eps)}. One instance
 * whose statistics all gradients update is A3C's "shared RMSProp" (Mnih et al. 2016, section 4).
 */
public final class FlatRmsProp extends FlatOptimizer {

    private final double alpha;
    private final double epsilon;
    private final float[] meanSquare;

    FlatRmsProp(int size, OptimizerConfig config) {
        super(size, config);
        this.alpha = config.rmsDecay();
        this.epsilon = config.epsilon();
        this.meanSquare = new float[size];
    }

    @Override
    protected void apply(float[] params, float[] grad, double lr, long step) {
        for (int i = 0; i < size; i++) {
            double g = grad[i];
            double s = alpha * meanSquare[i] + (1 - alpha) * g * g;
            meanSquare[i] = (float) s;
            params[i] -= (float) (lr * g / (Math.sqrt(s) + epsilon));
        }
    }

    @Override
    public float[][] state() {
        return copyOf(stateArrays());
    }

    @Override
    protected float[][] stateArrays() {
        return new float[][] {meanSquare};
    }
}
