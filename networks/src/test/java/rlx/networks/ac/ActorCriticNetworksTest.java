package rlx.networks.ac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

class ActorCriticNetworksTest {
    private static final int BATCH = 16;

    private static ComputationGraph build() {
        return ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(32, 32), OptimizerConfig.sgd(0.01)),
                4, 3, 11);
    }

    @Test
    void bothHeadsHaveTheRightShapes() {
        ComputationGraph g = build();
        assertEquals(List.of(ActorCriticNetworks.POLICY, ActorCriticNetworks.VALUE),
                g.getConfiguration().getNetworkOutputs());
        Nd4j.getRandom().setSeed(1);
        INDArray[] out = g.output(Nd4j.rand(DataType.FLOAT, BATCH, 4));
        assertArrayEquals(new long[] {BATCH, 3}, out[0].shape());
        assertArrayEquals(new long[] {BATCH, 1}, out[1].shape());
        INDArray rowSums = out[0].sum(1);
        for (int i = 0; i < BATCH; i++) {
            assertEquals(1.0, rowSums.getDouble(i), 1e-5, "softmax row " + i);
            assertTrue(out[0].getDouble(i, 0) > 0);
        }
        assertEquals((4 * 32 + 32) + (32 * 32 + 32) + (32 * 3 + 3) + (32 + 1), g.numParams());
    }

    @Test
    void aValueStepWithMseLabelsReducesTheValueLoss() {
        ComputationGraph g = build();
        Nd4j.getRandom().setSeed(2);
        INDArray obs = Nd4j.rand(DataType.FLOAT, BATCH, 4);
        INDArray returns = Nd4j.rand(DataType.FLOAT, BATCH, 1).muli(5);
        INDArray policyLabels = Nd4j.zeros(DataType.FLOAT, BATCH, 3);
        INDArray policyMask = Nd4j.zeros(DataType.FLOAT, BATCH, 1);
        double before = valueLoss(g, obs, returns);
        INDArray policyBefore = g.output(obs)[0];
        INDArray policyWeights = g.getParam("policy_W").dup();
        // policy head masked out entirely: only the value loss drives this step
        g.fit(new INDArray[] {obs}, new INDArray[] {policyLabels, returns}, null, new INDArray[] {policyMask, null});
        double after = valueLoss(g, obs, returns);
        assertTrue(after < before, "value loss " + before + " -> " + after);
        double fitScore = g.score();
        assertEquals(before, fitScore, 1e-4 * before, "score of the step is the value MSE before it");
        // the shared torso moved, so the policy moved too, but the masked policy head's own weights did not
        assertTrue(g.output(obs)[0].sub(policyBefore).amaxNumber().doubleValue() > 0);
        assertEquals(policyWeights, g.getParam("policy_W"));
    }

    private static double valueLoss(ComputationGraph g, INDArray obs, INDArray returns) {
        INDArray v = g.output(obs)[1];
        return v.sub(returns).norm2Number().doubleValue() * v.sub(returns).norm2Number().doubleValue() / BATCH;
    }

    @Test
    void rejectsBadArguments() {
        assertEquals("torso must not be null", assertThrows(IllegalArgumentException.class,
                () -> new ActorCriticConfig(null, OptimizerConfig.adam(1e-3))).getMessage());
        assertEquals("numActions (0) must be > 0", assertThrows(IllegalArgumentException.class,
                () -> ActorCriticNetworks.build(new ActorCriticConfig(MlpConfig.relu(8), OptimizerConfig.adam(1e-3)),
                        4, 0, 1)).getMessage());
    }
}
