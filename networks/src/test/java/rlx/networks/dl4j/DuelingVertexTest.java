package rlx.networks.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;

class DuelingVertexTest {
    private static final int IN = 3;
    private static final int ACTIONS = 4;
    private static final int BATCH = 5;

    private static ComputationGraph graph(ILossFunction loss) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.feedForward(IN))
                .addLayer("h", new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build(), "in")
                .addLayer("v", new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(), "h")
                .addLayer("a", new DenseLayer.Builder().nOut(ACTIONS).activation(Activation.IDENTITY).build(), "h")
                .addVertex("d", new DuelingVertex(), "v", "a")
                .addLayer("q", new LossLayer.Builder(loss).activation(Activation.IDENTITY).build(), "d")
                .setOutputs("q")
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    @Test
    void forwardIsValuePlusCentredAdvantage() {
        ComputationGraph g = graph(new SquaredErrorLoss());
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, IN).subi(0.5).muli(4);
        Map<String, INDArray> acts = g.feedForward(x, false);
        INDArray v = acts.get("v");
        INDArray a = acts.get("a");
        INDArray q = g.outputSingle(x);
        assertArrayEquals(new long[] {BATCH, ACTIONS}, q.shape());
        for (int i = 0; i < BATCH; i++) {
            double mean = 0;
            for (int k = 0; k < ACTIONS; k++) {
                mean += a.getDouble(i, k) / ACTIONS;
            }
            double rowSum = 0;
            for (int k = 0; k < ACTIONS; k++) {
                assertEquals(v.getDouble(i, 0) + a.getDouble(i, k) - mean, q.getDouble(i, k), 1e-12);
                rowSum += q.getDouble(i, k);
            }
            assertEquals(ACTIONS * v.getDouble(i, 0), rowSum, 1e-9, "advantages are centred");
        }
    }

    private static boolean check(ILossFunction loss, INDArray mask) {
        // GradientCheckUtil insists on double as the global default type, not only the network's
        DataType previous = Nd4j.dataType();
        DataType previousFloating = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            return checkDouble(loss, mask);
        } finally {
            Nd4j.setDefaultDataTypes(previous, previousFloating);
        }
    }

    private static boolean checkDouble(ILossFunction loss, INDArray mask) {
        ComputationGraph g = graph(loss);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, IN).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, BATCH, ACTIONS).subi(0.5).muli(6);
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig()
                .net(g)
                .inputs(new INDArray[] {x})
                .labels(new INDArray[] {y})
                .labelMask(mask == null ? null : new INDArray[] {mask})
                .epsilon(1e-6)
                .maxRelError(1e-5)
                .minAbsoluteError(1e-9)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .exitOnFirstError(false));
    }

    @Test
    void gradientsMatchFiniteDifferencesWithSquaredError() {
        Nd4j.getRandom().setSeed(11);
        assertTrue(check(new SquaredErrorLoss(), null));
    }

    @Test
    void gradientsMatchFiniteDifferencesWithWeightedPerOutputMask() {
        Nd4j.getRandom().setSeed(12);
        // one selected action per row with importance weights, as the DQN learner sends them
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, BATCH, ACTIONS);
        double[] weights = {0.3, 1.0, 2.5, 0.7, 1.4};
        for (int i = 0; i < BATCH; i++) {
            mask.putScalar(i, i % ACTIONS, weights[i]);
        }
        assertTrue(check(new SquaredErrorLoss(), mask));
        assertTrue(check(new HuberLoss(1.0), mask));
    }
}
