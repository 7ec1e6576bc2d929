package rlx.networks.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.MlpConfig;

/**
 * Adds a shared body (optional convolutions, then dense layers) to a DL4J graph. Layers are named
 * {@code conv0, conv1, ...} and {@code dense0, dense1, ...}; DL4J infers every {@code nIn} from the input type.
 */
public final class Torso {
    /** Prefix of the convolution layer names. */
    public static final String CONV_PREFIX = "conv";
    /** Prefix of the dense layer names. */
    public static final String DENSE_PREFIX = "dense";

    private Torso() {
    }

    /**
     * The graph's input type: a flat feed-forward row, or for a conv torso the same flat row reshaped by DL4J to
     * [channels, height, width].
     *
     * @throws IllegalArgumentException if {@code inputSize} disagrees with the conv torso's image size
     */
    public static InputType inputType(ConvTorsoConfig conv, int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize (" + inputSize + ") must be > 0");
        }
        if (conv == null) {
            return InputType.feedForward(inputSize);
        }
        if (conv.inputSize() != inputSize) {
            throw new IllegalArgumentException("inputSize (" + inputSize + ") must equal channels * height * width ("
                    + conv.inputSize() + ") of the conv torso");
        }
        return InputType.convolutionalFlat(conv.height(), conv.width(), conv.channels());
    }

    /**
     * Adds the torso after {@code input} and returns the name of its last vertex ({@code input} itself when there is
     * neither a conv torso nor a hidden layer).
     */
    public static String add(ComputationGraphConfiguration.GraphBuilder gb, String input, ConvTorsoConfig conv,
                             MlpConfig mlp) {
        String last = addConv(gb, input, conv);
        for (int i = 0; i < mlp.hidden().size(); i++) {
            String name = DENSE_PREFIX + i;
            gb.addLayer(name, new DenseLayer.Builder()
                    .nOut(mlp.hidden().get(i))
                    .activation(Dl4jMapping.activation(mlp.activation()))
                    .build(), last);
            last = name;
        }
        return last;
    }

    /**
     * Adds only the convolutions {@code conv0, conv1, ...} after {@code input} and returns the name of the last one
     * ({@code input} itself when {@code conv} is null). DL4J flattens their output (c, h, w) into whatever dense
     * layer reads it.
     */
    public static String addConv(ComputationGraphConfiguration.GraphBuilder gb, String input, ConvTorsoConfig conv) {
        String last = input;
        if (conv == null) {
            return last;
        }
        for (int i = 0; i < conv.layers().size(); i++) {
            ConvLayerConfig c = conv.layers().get(i);
            String name = CONV_PREFIX + i;
            gb.addLayer(name, NativeConvolutionLayer.of(new ConvolutionLayer.Builder(c.kernel(), c.kernel())
                    .stride(c.stride(), c.stride())
                    .padding(c.padding(), c.padding())
                    .convolutionMode(ConvolutionMode.Truncate)
                    .nOut(c.filters())
                    .activation(Dl4jMapping.activation(conv.activation()))), last);
            last = name;
        }
        return last;
    }
}
