package rlx.networks.ac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

class ActorCriticNetworksTest {
    private static final int BATCH = 16;

    @Test
    void bothHeadsHaveTheRightShapes() {
        ComputationGraph g = ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(32, 32), true,
                OptimizerConfig.sgd(0.01)), ActorCriticLosses.unclipped(0.01, 0.5), 4, 3, 11);
        assertEquals(List.of(ActorCriticNetworks.POLICY, ActorCriticNetworks.VALUE),
                g.getConfiguration().getNetworkOutputs());
        Nd4j.getRandom().setSeed(1);
        INDArray[] out = g.output(Nd4j.rand(DataType.FLOAT, BATCH, 4));
        assertArrayEquals(new long[] {BATCH, 3}, out[0].shape());
        assertArrayEquals(new long[] {BATCH, 1}, out[1].shape());
        assertEquals((4 * 32 + 32) + (32 * 32 + 32) + (32 * 3 + 3) + (32 + 1), g.numParams());
        ComputationGraph separate = ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(32, 32), false,
                OptimizerConfig.sgd(0.01)), ActorCriticLosses.unclipped(0.01, 0.5), 4, 3, 11);
        assertEquals(2 * ((4 * 32 + 32) + (32 * 32 + 32)) + (32 * 3 + 3) + (32 + 1), separate.numParams());
    }

    @Test
    void convolutionsComeFirstAndAreSharedBySeparateTowers() {
        ConvTorsoConfig conv = new ConvTorsoConfig(4, 10, 10, List.of(new ConvLayerConfig(16, 3, 1, 0)),
                ActivationKind.RELU);
        ComputationGraph g = ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(128), false,
                OptimizerConfig.sgd(0.01), conv), ActorCriticLosses.unclipped(0.01, 0.5), 400, 6, 11);
        // one conv stack: both towers read conv0
        assertEquals(List.of("conv0"), g.getConfiguration().getVertexInputs().get("pi0"));
        assertEquals(List.of("conv0"), g.getConfiguration().getVertexInputs().get("vf0"));
        assertEquals(List.of("conv0"), g.getConfiguration().getVertices().keySet().stream()
                .filter(n -> n.startsWith("conv")).toList());
        int convParams = 16 * 4 * 3 * 3 + 16;
        int tower = 16 * 8 * 8 * 128 + 128;
        assertEquals(convParams + 2 * tower + (128 * 6 + 6) + (128 + 1), g.numParams());
        Nd4j.getRandom().setSeed(1);
        INDArray[] out = g.output(Nd4j.rand(DataType.FLOAT, BATCH, 400));
        assertArrayEquals(new long[] {BATCH, 6}, out[0].shape());
        assertArrayEquals(new long[] {BATCH, 1}, out[1].shape());
        ComputationGraph shared = ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(128), true,
                OptimizerConfig.sgd(0.01), conv), ActorCriticLosses.unclipped(0.01, 0.5), 400, 6, 11);
        assertEquals(convParams + tower + (128 * 6 + 6) + (128 + 1), shared.numParams());
    }

    @Test
    void rejectsAnInputSizeThatIsNotTheImageSize() {
        // Freeway's 7 channels against a torso written for Breakout's 4
        ActorCriticConfig config = new ActorCriticConfig(MlpConfig.relu(128), OptimizerConfig.adam(1e-3))
                .withConv(new ConvTorsoConfig(4, 10, 10, List.of(new ConvLayerConfig(16, 3, 1, 0)),
                        ActivationKind.RELU));
        assertEquals("inputSize (700) must equal channels * height * width (400) of the conv torso",
                assertThrows(IllegalArgumentException.class, () -> ActorCriticNetwork.create(config,
                        ActorCriticLosses.unclipped(0, 1), 700, 6, 1)).getMessage());
    }

    @Test
    void rejectsBadArguments() {
        assertEquals("torso must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ActorCriticConfig(null, OptimizerConfig.adam(1e-3))).getMessage());
        assertEquals("numActions (0) must be > 0", assertThrows(IllegalArgumentException.class,
                () -> ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(8), OptimizerConfig.adam(1e-3)),
                        ActorCriticLosses.unclipped(0, 1), 4, 0, 1)).getMessage());
        assertEquals("valueCoef (0.0) must be > 0", assertThrows(IllegalArgumentException.class,
                () -> new ActorCriticLosses(0.2, 0, 0, 0)).getMessage());
    }
}
