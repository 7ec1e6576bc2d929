package rlx.networks.dl4j;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's 2-D convolution computed by libnd4j's {@code conv2d} and {@code conv2d_bp} ops instead of DL4J's Java-side
 * im2col. Same configuration, parameters (bias, then weights {@code [out, in, kH, kW]}) and results as
 * {@link ConvolutionLayer}; only the implementation differs (see {@link NativeConvolutionLayerImpl}).
 *
 * <p>Why: in 1.0.0-M2.1 DL4J never uses the op-based path on the CPU (its oneDNN helper is switched off by default
 * and, when switched on, looks for a class that no longer exists), and the im2col path it falls back to writes into a
 * permuted 6-d view element by element: about 2.5 ms of an 8 ms fit of the MinAtar network at batch 32. The ops take
 * 0.4 ms forward on the plain build and 0.1 ms on the oneDNN build.
 */
public class NativeConvolutionLayer extends ConvolutionLayer {
    private static final long serialVersionUID = 1L;

    /** For JSON deserialisation of saved networks. */
    public NativeConvolutionLayer() {
    }

    private NativeConvolutionLayer(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /** The layer a DL4J {@link ConvolutionLayer.Builder} describes, validated as that builder's {@code build()} does. */
    public static NativeConvolutionLayer of(ConvolutionLayer.Builder builder) {
        builder.build();
        return new NativeConvolutionLayer(builder);
    }

    /**
     * The graph with every plain DL4J {@link ConvolutionLayer} replaced by this layer, for networks saved before rlx
     * used it: same configuration otherwise, same parameters and optimiser state (so training continues exactly).
     * Returns {@code graph} itself when it has no such layer.
     */
    public static ComputationGraph upgrade(ComputationGraph graph) {
        String plain = '"' + ConvolutionLayer.class.getName() + '"';
        String json = graph.getConfiguration().toJson();
        if (!json.contains(plain)) {
            return graph;
        }
        ComputationGraph upgraded = new ComputationGraph(ComputationGraphConfiguration.fromJson(
                json.replace(plain, '"' + NativeConvolutionLayer.class.getName() + '"')));
        upgraded.init(graph.params(), true);
        INDArray updaterState = graph.getUpdater() == null ? null : graph.getUpdater().getStateViewArray();
        if (updaterState != null) {
            upgraded.getUpdater().setStateViewArray(updaterState.dup());
        }
        return upgraded;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        NativeConvolutionLayerImpl layer = new NativeConvolutionLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
