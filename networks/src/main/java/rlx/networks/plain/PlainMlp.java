package rlx.networks.plain;

import java.util.List;

/**
 * A stack of dense layers evaluated one row at a time from a private copy of the weights. After construction nothing
 * allocates; an instance is not thread-safe.
 */
public final class PlainMlp {

    private final DenseLayout[] layers;
    private final float[][] w;
    private final float[][] b;
    private final float[] bufA;
    private final float[] bufB;

    public PlainMlp(List<DenseLayout> layers) {
        this.layers = layers.toArray(new DenseLayout[0]);
        w = new float[this.layers.length][];
        b = new float[this.layers.length][];
        int width = 1;
        for (int k = 0; k < this.layers.length; k++) {
            w[k] = new float[this.layers[k].nIn() * this.layers[k].nOut()];
            b[k] = new float[this.layers[k].nOut()];
            width = Math.max(width, this.layers[k].nOut());
        }
        bufA = new float[width];
        bufB = new float[width];
    }

    /** Copies this stack's weights out of a flat DL4J parameter vector. */
    public void load(float[] flat) {
        for (int k = 0; k < layers.length; k++) {
            layers[k].copy(flat, w[k], b[k]);
        }
    }

    /** Width of the last layer (the input width for an empty stack is the caller's business). */
    public int outputSize(int inputSize) {
        return layers.length == 0 ? inputSize : layers[layers.length - 1].nOut();
    }

    /**
     * Evaluates the stack on {@code x[xOff ..]} and returns the array holding the result, which starts at index 0
     * unless the stack is empty (then {@code x} itself is returned and the result starts at {@code xOff}); the
     * returned scratch array is overwritten by the next call.
     */
    public float[] forward(float[] x, int xOff) {
        float[] in = x;
        int inOff = xOff;
        float[] next = bufA;
        for (int k = 0; k < layers.length; k++) {
            DenseLayout d = layers[k];
            DenseMath.dense(d.nIn(), d.nOut(), w[k], b[k], in, inOff, next, 0);
            DenseMath.activate(d.activation(), next, d.nOut());
            in = next;
            inOff = 0;
            next = next == bufA ? bufB : bufA;
        }
        return in;
    }

    /** Offset of the result {@link #forward} returned for input offset {@code xOff}. */
    public int resultOffset(int xOff) {
        return layers.length == 0 ? xOff : 0;
    }
}
