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
        // float32 throughout, as PyTorch's RMSprop: the loop then vectorises
        float a = (float) alpha;
        float eps = (float) epsilon;
        float rate = (float) lr;
        for (int i = 0; i < size; i++) {
            float g = grad[i];
            float s = a * meanSquare[i] + (1 - a) * g * g;
            meanSquare[i] = s;
            params[i] -= rate * g / ((float) Math.sqrt(s) + eps);
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
