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
        double c1 = 1 - Math.pow(beta1, step);
        double c2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / c1;
        double sqrtC2 = Math.sqrt(c2);
        for (int i = 0; i < size; i++) {
            double g = grad[i];
            double mi = beta1 * m[i] + (1 - beta1) * g;
            double vi = beta2 * v[i] + (1 - beta2) * g * g;
            m[i] = (float) mi;
            v[i] = (float) vi;
            params[i] -= (float) (stepSize * mi / (Math.sqrt(vi) / sqrtC2 + epsilon));
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
