package rlx.networks.optim;

import rlx.networks.config.OptimizerConfig;

/** SGD, with Nesterov momentum when {@code momentum > 0} (PyTorch: {@code b = mu b + g; p -= lr (g + mu b)}). */
public final class FlatSgd extends FlatOptimizer {

    private final double momentum;
    private final float[] buffer;

    FlatSgd(int size, OptimizerConfig config, double momentum) {
        super(size, config);
        this.momentum = momentum;
        this.buffer = new float[size];
    }

    @Override
    protected void apply(float[] params, float[] grad, double lr, long step) {
        if (momentum == 0) {
            for (int i = 0; i < size; i++) {
                params[i] -= (float) (lr * grad[i]);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            buffer[i] = (float) (momentum * buffer[i] + grad[i]);
            params[i] -= (float) (lr * (grad[i] + momentum * buffer[i]));
        }
    }

    @Override
    public float[][] state() {
        return copyOf(stateArrays());
    }

    @Override
    protected float[][] stateArrays() {
        return new float[][] {buffer};
    }
}
