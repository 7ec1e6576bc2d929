package rlx.networks.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The op-based convolution computes what DL4J's own does: activations, parameter gradients and input gradients. */
class NativeConvolutionLayerTest {
    private static final int BATCH = 6;
    private static final int CHANNELS = 3;
    private static final int SIZE = 7;

    private static MultiLayerNetwork network(boolean nativeOps, int kernel, int stride, int padding,
                                             ConvolutionMode mode, boolean bias) {
        ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                .padding(padding, padding).convolutionMode(mode).hasBias(bias).nOut(5).activation(Activation.RELU);
        Layer first = nativeOps ? NativeConvolutionLayer.of(conv) : conv.build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3)
                .dataType(DataType.FLOAT)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(first)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(4)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, CHANNELS))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @ParameterizedTest(name = "kernel {0}, stride {1}, padding {2}, {3}, bias {4}")
    @CsvSource({
            "3, 1, 0, Truncate, true",
            "3, 2, 1, Truncate, true",
            "3, 1, 0, Same, false",
            "2, 1, 0, Same, true",
    })
    void matchesDl4jsConvolution(int kernel, int stride, int padding, ConvolutionMode mode, boolean bias) {
        MultiLayerNetwork reference = network(false, kernel, stride, padding, mode, bias);
        MultiLayerNetwork ops = network(true, kernel, stride, padding, mode, bias);
        assertInstanceOf(NativeConvolutionLayerImpl.class, ops.getLayer(0));
        assertEquals(reference.numParams(), ops.numParams(), "same parameter layout");
        ops.setParams(reference.params());

        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, BATCH, CHANNELS, SIZE, SIZE);
        INDArray y = Nd4j.randn(DataType.FLOAT, BATCH, 4);
        assertClose(reference.output(x), ops.output(x), "activations");

        reference.setInput(x);
        reference.setLabels(y);
        reference.computeGradientAndScore();
        ops.setInput(x);
        ops.setLabels(y);
        ops.computeGradientAndScore();
        assertEquals(reference.score(), ops.score(), 1e-5, "loss");
        assertClose(reference.gradient().gradient(), ops.gradient().gradient(), "parameter gradients");

        // the gradient with respect to the input, which a conv layer after another one receives
        INDArray eps = Nd4j.randn(DataType.FLOAT, reference.feedForwardToLayer(0, x).get(1).shape());
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        reference.getLayer(0).setInput(x, noWorkspaces);
        ops.getLayer(0).setInput(x, noWorkspaces);
        INDArray refInputGrad = reference.getLayer(0).backpropGradient(eps, noWorkspaces).getSecond();
        INDArray opsInputGrad = ops.getLayer(0).backpropGradient(eps, noWorkspaces).getSecond();
        assertClose(refInputGrad, opsInputGrad, "input gradients");
    }

    @ParameterizedTest(name = "round trip, bias {0}")
    @CsvSource({"true", "false"})
    void survivesJsonRoundTrip(boolean bias) {
        MultiLayerNetwork net = network(true, 3, 1, 0, ConvolutionMode.Truncate, bias);
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        Layer layer = restored.getConf(0).getLayer();
        assertInstanceOf(NativeConvolutionLayer.class, layer);
        assertEquals(net.getLayerWiseConfigurations().getConf(0).getLayer(), layer);
        assertEquals(bias, ((ConvolutionLayer) layer).hasBias());
    }

    /** A graph saved with DL4J's own layer continues on the op-based one exactly: parameters and Adam's moments. */
    @Test
    void upgradeKeepsParametersAndOptimiserState() {
        ComputationGraph plain = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(SIZE, SIZE, CHANNELS))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                        .activation(Activation.IDENTITY).build(), "conv")
                .setOutputs("out")
                .build());
        plain.init();
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.randn(DataType.FLOAT, BATCH, CHANNELS, SIZE, SIZE);
        INDArray y = Nd4j.randn(DataType.FLOAT, BATCH, 2);
        for (int i = 0; i < 3; i++) {
            plain.fit(new INDArray[] {x}, new INDArray[] {y});
        }

        ComputationGraph upgraded = NativeConvolutionLayer.upgrade(plain);
        assertInstanceOf(NativeConvolutionLayerImpl.class, upgraded.getLayer("conv"));
        assertSame(upgraded, NativeConvolutionLayer.upgrade(upgraded), "nothing left to upgrade");
        assertClose(plain.params(), upgraded.params(), "parameters");
        assertClose(plain.getUpdater().getStateViewArray(), upgraded.getUpdater().getStateViewArray(), "Adam state");
        assertClose(plain.outputSingle(x), upgraded.outputSingle(x), "outputs");

        plain.fit(new INDArray[] {x}, new INDArray[] {y});
        upgraded.fit(new INDArray[] {x}, new INDArray[] {y});
        assertClose(plain.params(), upgraded.params(), "parameters after one more step");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(expected.length(), actual.length(), what + ": length");
        double scale = Math.max(1e-3, expected.norm2Number().doubleValue());
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE).reshape(expected.shape()))
                .norm2Number().doubleValue();
        assertTrue(diff <= 1e-5 * scale, what + ": |diff| " + diff + " vs |expected| " + scale);
    }
}
