package rlx.networks.plain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.networks.config.ActivationKind;

/**
 * Where one dense layer's parameters sit in a DL4J graph's flat vector: {@code W[i][j]} at
 * {@code wOffset + i * wStrideIn + j * wStrideOut}, {@code b[j]} at {@code bOffset + j * bStride}.
 */
public record DenseLayout(int nIn, int nOut, int wOffset, int wStrideIn, int wStrideOut, int bOffset, int bStride,
                          ActivationKind activation) {

    /** Parameters of this layer: {@code nIn * nOut} weights and {@code nOut} biases. */
    public long numParams() {
        return (long) nIn * nOut + nOut;
    }

    /** Copies this layer's weights (row-major, {@code nIn x nOut}) and biases out of a flat vector. */
    public void copy(float[] flat, float[] w, float[] b) {
        for (int i = 0; i < nIn; i++) {
            int src = wOffset + i * wStrideIn;
            int dst = i * nOut;
            for (int j = 0; j < nOut; j++) {
                w[dst + j] = flat[src + j * wStrideOut];
            }
        }
        for (int j = 0; j < nOut; j++) {
            b[j] = flat[bOffset + j * bStride];
        }
    }

    /**
     * Finds where each named dense layer's W and b sit in the graph's flat vector by writing each position's index
     * into it and reading the layers' parameter views back, then restores the parameters. The layers must cover
     * every parameter of the graph, so that nothing is silently left out of plain-Java evaluation.
     *
     * @param layers layer names with their activations, in evaluation order
     */
    public static List<DenseLayout> probe(ComputationGraph graph, Map<String, ActivationKind> layers) {
        return probe(graph, layers, 0);
    }

    /**
     * As {@link #probe(ComputationGraph, Map)} for a graph whose other layers (e.g. convolutions, read separately)
     * hold {@code otherParams} parameters: the dense layers must cover all the rest.
     */
    public static List<DenseLayout> probe(ComputationGraph graph, Map<String, ActivationKind> layers,
                                          long otherParams) {
        return ParamProbe.withIndices(graph, () -> {
            List<DenseLayout> out = new ArrayList<>();
            long covered = otherParams;
            for (Map.Entry<String, ActivationKind> e : new LinkedHashMap<>(layers).entrySet()) {
                DenseLayout d = read(graph.getLayer(e.getKey()), e.getKey(), e.getValue());
                covered += d.numParams();
                out.add(d);
            }
            if (covered != graph.numParams()) {
                throw new IllegalStateException("layers cover " + covered + " of " + graph.numParams()
                        + " parameters");
            }
            return List.copyOf(out);
        });
    }

    /**
     * Reads one dense layer's layout off its parameter views; only meaningful inside
     * {@link ParamProbe#withIndices}.
     */
    public static DenseLayout read(Layer layer, String name, ActivationKind act) {
        if (layer == null) {
            throw new IllegalArgumentException("the graph has no layer '" + name + "'");
        }
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        int nIn = (int) w.size(0);
        int nOut = (int) w.size(1);
        float[] wi = w.dup('c').data().asFloat();
        float[] bi = b.dup('c').data().asFloat();
        int off = (int) wi[0];
        int strideIn = nIn > 1 ? (int) wi[nOut] - off : 0;
        int strideOut = nOut > 1 ? (int) wi[1] - off : 0;
        for (int i = 0; i < nIn; i++) {
            for (int j = 0; j < nOut; j++) {
                if (wi[i * nOut + j] != off + i * strideIn + j * strideOut) {
                    throw new IllegalStateException(name + ".W is not a strided view of the flat parameters");
                }
            }
        }
        int bOff = (int) bi[0];
        int bStride = nOut > 1 ? (int) bi[1] - bOff : 0;
        for (int j = 0; j < nOut; j++) {
            if (bi[j] != bOff + j * bStride) {
                throw new IllegalStateException(name + ".b is not a strided view of the flat parameters");
            }
        }
        return new DenseLayout(nIn, nOut, off, strideIn, strideOut, bOff, bStride, act);
    }
}
