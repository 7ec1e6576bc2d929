package rlx.agents.pg;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import rlx.agents.core.ParamsSnapshot;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.optim.FlatOptimizer;

/**
 * A flat parameter vector with its optimiser and version: the state a learner owns and checkpoints. Each update
 * makes a new array, so snapshots already handed out stay valid.
 */
public final class OptimizedParams {

    private final OptimizerConfig config;
    private final FlatOptimizer optimizer;
    private float[] params;
    private long version;

    public OptimizedParams(float[] initial, OptimizerConfig config) {
        this.config = config;
        this.params = initial.clone();
        this.optimizer = FlatOptimizer.of(config, initial.length);
    }

    public ParamsSnapshot snapshot() {
        return new ParamsSnapshot(version, params);
    }

    public long version() {
        return version;
    }

    /** Sets the learning rate to the configured one times {@code 1 - progress} (linear annealing). */
    public void anneal(double progress) {
        optimizer.setLearningRate(config.learningRate() * Math.max(0, 1 - progress));
    }

    public double learningRate() {
        return optimizer.learningRate();
    }

    /** One optimiser step on a copy of the parameters, then a new version; returns the gradient's norm. */
    public double apply(float[] grad) {
        float[] next = params.clone();
        double norm = optimizer.step(next, grad);
        params = next;
        version++;
        return norm;
    }

    /**
     * Steps the current array in place without a new version: for PPO's minibatch steps inside one update, where no
     * snapshot of the intermediate parameters escapes. Call {@link #publish} at the end of the update.
     */
    double applyInPlace(float[] working, float[] grad) {
        return optimizer.step(working, grad);
    }

    /** Installs the result of in-place steps as the next version. */
    void publish(float[] working) {
        params = working.clone();
        version++;
    }

    float[] copy() {
        return params.clone();
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeLong(version);
        writeFloats(out, params);
        float[][] state = optimizer.state();
        out.writeInt(state.length);
        for (float[] s : state) {
            writeFloats(out, s);
        }
        out.writeLong(optimizer.steps());
    }

    public void load(DataInputStream in) throws IOException {
        long v = in.readLong();
        float[] p = readFloats(in);
        if (p.length != params.length) {
            throw new IOException("checkpoint has " + p.length + " parameters, the network " + params.length);
        }
        float[][] state = new float[in.readInt()][];
        for (int k = 0; k < state.length; k++) {
            state[k] = readFloats(in);
        }
        optimizer.restore(state, in.readLong());
        params = p;
        version = v;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float x : a) {
            out.writeFloat(x);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("corrupt float array length " + n);
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
