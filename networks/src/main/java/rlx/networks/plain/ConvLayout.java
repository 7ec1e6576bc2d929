package rlx.networks.plain;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;

/**
 * One square 2-D convolution (DL4J truncate mode: floor output size, explicit zero padding) on a
 * {@code inChannels x inHeight x inWidth} image, and where its parameters sit in a DL4J graph's flat vector:
 * {@code W[o][i][y][x]} (DL4J's [out, in, kh, kw]) at
 * {@code wOffset + o * wStrideOut + i * wStrideIn + y * wStrideY + x * wStrideX}, {@code b[o]} at
 * {@code bOffset + o * bStride}.
 */
public record ConvLayout(ConvLayerConfig conv, int inChannels, int inHeight, int inWidth, int wOffset,
                         int wStrideOut, int wStrideIn, int wStrideY, int wStrideX, int bOffset, int bStride,
                         ActivationKind activation) {

    /** Output channels. */
    public int outChannels() {
        return conv.filters();
    }

    public int outHeight() {
        return conv.outputSize(inHeight);
    }

    public int outWidth() {
        return conv.outputSize(inWidth);
    }

    /** Floats in one input image. */
    public int inputSize() {
        return inChannels * inHeight * inWidth;
    }

    /** Floats in one output image, channels-first. */
    public int outputSize() {
        return outChannels() * outHeight() * outWidth();
    }

    /** Number of weights: {@code out * in * k * k}. */
    public int numWeights() {
        return outChannels() * inChannels * conv.kernel() * conv.kernel();
    }

    /** Parameters of this layer: weights and one bias per output channel. */
    public long numParams() {
        return (long) numWeights() + outChannels();
    }

    /** Copies this layer's weights ([out, in, k, k] row-major) and biases out of a flat vector. */
    public void copy(float[] flat, float[] w, float[] b) {
        int k = conv.kernel();
        int dst = 0;
        for (int o = 0; o < outChannels(); o++) {
            for (int i = 0; i < inChannels; i++) {
                for (int y = 0; y < k; y++) {
                    int src = wOffset + o * wStrideOut + i * wStrideIn + y * wStrideY;
                    for (int x = 0; x < k; x++) {
                        w[dst++] = flat[src + x * wStrideX];
                    }
                }
            }
        }
        for (int o = 0; o < outChannels(); o++) {
            b[o] = flat[bOffset + o * bStride];
        }
    }

    /**
     * Reads the layouts of a conv torso's layers {@code prefix + 0, prefix + 1, ...}, each fed by the previous one's
     * output; only meaningful inside {@link ParamProbe#withIndices}.
     */
    public static List<ConvLayout> readStack(ComputationGraph graph, String prefix, ConvTorsoConfig torso) {
        List<ConvLayout> out = new ArrayList<>();
        int channels = torso.channels();
        int h = torso.height();
        int w = torso.width();
        for (int i = 0; i < torso.layers().size(); i++) {
            ConvLayerConfig l = torso.layers().get(i);
            String name = prefix + i;
            ConvLayout cl = read(graph.getLayer(name), name, l, channels, h, w, torso.activation());
            out.add(cl);
            channels = l.filters();
            h = cl.outHeight();
            w = cl.outWidth();
        }
        return List.copyOf(out);
    }

    /**
     * Reads one DL4J convolution layer's layout off its parameter views; only meaningful inside
     * {@link ParamProbe#withIndices}.
     */
    public static ConvLayout read(Layer layer, String name, ConvLayerConfig conv, int inChannels, int inHeight,
                                  int inWidth, ActivationKind act) {
        if (layer == null) {
            throw new IllegalArgumentException("the graph has no layer '" + name + "'");
        }
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        int k = conv.kernel();
        long[] expected = {conv.filters(), inChannels, k, k};
        if (!java.util.Arrays.equals(w.shape(), expected)) {
            throw new IllegalStateException(name + ".W has shape " + java.util.Arrays.toString(w.shape())
                    + ", expected " + java.util.Arrays.toString(expected));
        }
        if (b.length() != conv.filters()) {
            throw new IllegalStateException(name + ".b has " + b.length() + " values, expected " + conv.filters());
        }
        float[] wi = w.dup('c').data().asFloat();
        float[] bi = b.dup('c').data().asFloat();
        int out = conv.filters();
        int off = (int) wi[0];
        // positions of the neighbours along each axis in 'c' order; an axis of length 1 has no stride to read
        int sx = k > 1 ? (int) wi[1] - off : 0;
        int sy = k > 1 ? (int) wi[k] - off : 0;
        int si = inChannels > 1 ? (int) wi[k * k] - off : 0;
        int so = out > 1 ? (int) wi[inChannels * k * k] - off : 0;
        ConvLayout l = new ConvLayout(conv, inChannels, inHeight, inWidth, off, so, si, sy, sx,
                (int) bi[0], out > 1 ? (int) bi[1] - (int) bi[0] : 0, act);
        int n = 0;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < inChannels; i++) {
                for (int y = 0; y < k; y++) {
                    for (int x = 0; x < k; x++) {
                        if (wi[n++] != off + o * so + i * si + y * sy + x * sx) {
                            throw new IllegalStateException(name + ".W is not a strided view of the flat parameters");
                        }
                    }
                }
            }
        }
        for (int o = 0; o < out; o++) {
            if (bi[o] != l.bOffset() + o * l.bStride()) {
                throw new IllegalStateException(name + ".b is not a strided view of the flat parameters");
            }
        }
        return l;
    }
}
