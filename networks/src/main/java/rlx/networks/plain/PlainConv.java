package rlx.networks.plain;

import java.util.List;

/**
 * A stack of convolutions evaluated one image at a time from a private copy of the weights. The result is
 * channels-first (c, h, w) row-major, the order in which DL4J's CnnToFeedForwardPreProcessor flattens a conv output
 * into the next dense layer. After construction nothing allocates; an instance is not thread-safe.
 */
public final class PlainConv {

    private final ConvLayout[] layers;
    private final float[][] w;
    private final float[][] b;
    private final float[] bufA;
    private final float[] bufB;

    public PlainConv(List<ConvLayout> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers ([]) must not be empty");
        }
        this.layers = layers.toArray(new ConvLayout[0]);
        w = new float[this.layers.length][];
        b = new float[this.layers.length][];
        int size = 1;
        for (int k = 0; k < this.layers.length; k++) {
            ConvLayout l = this.layers[k];
            if (k > 0 && l.inputSize() != this.layers[k - 1].outputSize()) {
                throw new IllegalArgumentException("layer " + k + " reads " + l.inputSize() + " floats, layer "
                        + (k - 1) + " writes " + this.layers[k - 1].outputSize());
            }
            w[k] = new float[l.numWeights()];
            b[k] = new float[l.outChannels()];
            size = Math.max(size, l.outputSize());
        }
        bufA = new float[size];
        bufB = new float[size];
    }

    /** Copies this stack's weights out of a flat DL4J parameter vector. */
    public void load(float[] flat) {
        for (int k = 0; k < layers.length; k++) {
            layers[k].copy(flat, w[k], b[k]);
        }
    }

    /** Floats per input image. */
    public int inputSize() {
        return layers[0].inputSize();
    }

    /** Floats of the flattened result. */
    public int outputSize() {
        return layers[layers.length - 1].outputSize();
    }

    /**
     * Evaluates the stack on the channels-first image at {@code x[xOff ..]} and returns the scratch array holding the
     * flattened result from index 0, which the next call overwrites.
     */
    public float[] forward(float[] x, int xOff) {
        float[] in = x;
        int inOff = xOff;
        float[] next = bufA;
        for (int k = 0; k < layers.length; k++) {
            ConvLayout l = layers[k];
            ConvMath.conv(l, w[k], b[k], in, inOff, next);
            DenseMath.activate(l.activation(), next, l.outputSize());
            in = next;
            inOff = 0;
            next = next == bufA ? bufB : bufA;
        }
        return in;
    }
}
