package rlx.networks.optim;

import rlx.networks.config.OptimizerConfig;

/** Adam as PyTorch defines it, with bias-corrected moments and epsilon outside the square root. */
public final class FlatAdam extends FlatOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final float[] m;
    private final float[] v;

    FlatAdam(int size, OptimizerConfig config) {
        super(size, config);
        this.beta1 = config.beta1();
        this.beta2 = config.beta2();
        this.epsilon = config.epsilon();
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    protected void apply(float[] params, float[] grad, double lr, long step) {
        // float32 throughout, as PyTorch's Adam: the loop then vectorises (double sqrt and division did not)
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float stepSize = (float) (lr / (1 - Math.pow(beta1, step)));
        float sqrtC2 = (float) Math.sqrt(1 - Math.pow(beta2, step));
        for (int i = 0; i < size; i++) {
            float g = grad[i];
            float mi = b1 * m[i] + (1 - b1) * g;
            float vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] -= stepSize * mi / ((float) Math.sqrt(vi) / sqrtC2 + eps);
        }
    }

    @Override
    public float[][] state() {
        return copyOf(stateArrays());
    }

    @Override
    protected float[][] stateArrays() {
        return new float[][] {m, v};
    }
}
