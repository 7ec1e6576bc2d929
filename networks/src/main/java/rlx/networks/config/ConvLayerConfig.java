package rlx.networks.config;

/**
 * One square 2-D convolution.
 *
 * @param filters output channels, &gt; 0
 * @param kernel  kernel height and width, &gt; 0
 * @param stride  stride in both directions, &gt; 0
 * @param padding zero padding on every side, &gt;= 0
 */
public record ConvLayerConfig(int filters, int kernel, int stride, int padding) {

    /** Validates every field. */
    public ConvLayerConfig {
        Checks.positive("filters", filters);
        Checks.positive("kernel", kernel);
        Checks.positive("stride", stride);
        Checks.nonNegative("padding", padding);
    }

    /** Output size along one axis of length {@code in} (floor, as DL4J's truncate mode and PyTorch). */
    public int outputSize(int in) {
        return (in + 2 * padding - kernel) / stride + 1;
    }
}
