package rlx.networks.config;

import java.util.List;

/**
 * Convolutions in front of a dense torso. The network input stays a flat row of {@code channels * height * width}
 * floats in channels-first (C, H, W) row-major order; the last convolution's output is flattened into the first
 * dense layer.
 *
 * @param channels   input channels, &gt; 0
 * @param height     input height, &gt; 0
 * @param width      input width, &gt; 0
 * @param layers     the convolutions, input side first; at least one, and none may shrink the image to nothing
 * @param activation activation after every convolution
 */
public record ConvTorsoConfig(int channels, int height, int width, List<ConvLayerConfig> layers,
                              ActivationKind activation) {

    /** Validates every field and that every layer's output is at least 1x1. */
    public ConvTorsoConfig {
        Checks.positive("channels", channels);
        Checks.positive("height", height);
        Checks.positive("width", width);
        layers = Checks.copyOf("layers", layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers ([]) must not be empty");
        }
        Checks.notNull("activation", activation);
        int h = height;
        int w = width;
        for (int i = 0; i < layers.size(); i++) {
            ConvLayerConfig l = layers.get(i);
            int nh = l.outputSize(h);
            int nw = l.outputSize(w);
            if (h + 2 * l.padding() < l.kernel() || w + 2 * l.padding() < l.kernel() || nh <= 0 || nw <= 0) {
                throw new IllegalArgumentException("layers[" + i + "] (" + l + ") does not fit its " + h + "x" + w
                        + " input");
            }
            h = nh;
            w = nw;
        }
    }

    /** Number of floats in one input: channels * height * width. */
    public int inputSize() {
        return channels * height * width;
    }

    /** Number of floats the last convolution produces per example. */
    public int outputSize() {
        int h = height;
        int w = width;
        for (ConvLayerConfig l : layers) {
            h = l.outputSize(h);
            w = l.outputSize(w);
        }
        return layers.get(layers.size() - 1).filters() * h * w;
    }
}
