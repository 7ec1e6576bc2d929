package rlx.networks.optim;

import rlx.networks.config.OptimizerConfig;

/**
 * An update rule applied in place to a flat parameter vector. The gradient is first clipped by its global L2 norm
 * when {@code clipNorm > 0} (PyTorch's {@code clip_grad_norm_}), and {@code l2 * p} is added to it when
 * {@code l2 > 0} (coupled weight decay, applied to every parameter, biases included). Not thread-safe.
 */
public abstract sealed class FlatOptimizer permits FlatSgd, FlatRmsProp, FlatAdam {

    protected final int size;
    private final double clipNorm;
    private final double l2;
    private double learningRate;
    private long steps;

    protected FlatOptimizer(int size, OptimizerConfig config) {
        if (size <= 0) {
            throw new IllegalArgumentException("size (" + size + ") must be > 0");
        }
        this.size = size;
        this.clipNorm = config.clipNorm();
        this.l2 = config.l2();
        this.learningRate = config.learningRate();
    }

    /** The optimiser a config names, for a vector of {@code size} parameters. */
    public static FlatOptimizer of(OptimizerConfig config, int size) {
        return switch (config.type()) {
            case SGD -> new FlatSgd(size, config, 0);
            case MOMENTUM -> new FlatSgd(size, config, config.momentum());
            case RMSPROP -> new FlatRmsProp(size, config);
            case ADAM -> new FlatAdam(size, config);
        };
    }

    /**
     * Applies one update to {@code params} from {@code grad} (which is clipped in place) and returns the gradient's
     * global L2 norm before clipping.
     */
    public final double step(float[] params, float[] grad) {
        if (params.length != size || grad.length != size) {
            throw new IllegalArgumentException("params (" + params.length + ") and grad (" + grad.length
                    + ") must both have length " + size);
        }
        double sq = 0;
        for (float g : grad) {
            sq += (double) g * g;
        }
        double norm = Math.sqrt(sq);
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("gradient norm is " + norm + ": refusing to apply a non-finite update");
        }
        if (clipNorm > 0 && norm > clipNorm) {
            float scale = (float) (clipNorm / (norm + 1e-6));
            for (int i = 0; i < size; i++) {
                grad[i] *= scale;
            }
        }
        if (l2 > 0) {
            for (int i = 0; i < size; i++) {
                grad[i] += (float) (l2 * params[i]);
            }
        }
        steps++;
        apply(params, grad, learningRate, steps);
        return norm;
    }

    /** The rule itself: {@code step} counts from 1. */
    protected abstract void apply(float[] params, float[] grad, double lr, long step);

    public double learningRate() {
        return learningRate;
    }

    /** Changes the step size of later updates (learning-rate annealing). */
    public void setLearningRate(double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("learning rate (" + value + ") must be finite and >= 0");
        }
        learningRate = value;
    }

    /** Updates applied so far. */
    public long steps() {
        return steps;
    }

    /** The per-parameter statistics (moments), for checkpoints; arrays are copies. */
    public abstract float[][] state();

    /** Restores what {@link #state} returned, with the step count. */
    public void restore(float[][] state, long stepCount) {
        float[][] own = stateArrays();
        if (state.length != own.length) {
            throw new IllegalArgumentException("optimiser state has " + state.length + " arrays, expected " + own.length);
        }
        for (int k = 0; k < own.length; k++) {
            if (state[k].length != size) {
                throw new IllegalArgumentException("optimiser state array " + k + " has length " + state[k].length
                        + ", expected " + size);
            }
            System.arraycopy(state[k], 0, own[k], 0, size);
        }
        this.steps = stepCount;
    }

    /** The live state arrays. */
    protected abstract float[][] stateArrays();

    protected final float[][] copyOf(float[][] arrays) {
        float[][] out = new float[arrays.length][];
        for (int k = 0; k < arrays.length; k++) {
            out[k] = arrays[k].clone();
        }
        return out;
    }
}
