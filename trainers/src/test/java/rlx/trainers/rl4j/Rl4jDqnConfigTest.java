package rlx.trainers.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

class Rl4jDqnConfigTest {

    private static void rejects(String field, String value, UnaryOperator<Rl4jDqnConfig.Builder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(Rl4jDqnConfig.defaults().toBuilder()).build());
        assertTrue(e.getMessage().startsWith(field + " (" + value + ")"), e.getMessage());
    }

    @Test
    void rejectsOutOfRangeValuesNamingFieldAndValue() {
        rejects("agent.gamma", "0.0", b -> b.gamma(0));
        rejects("agent.gamma", "1.5", b -> b.gamma(1.5));
        rejects("agent.gamma", "NaN", b -> b.gamma(Double.NaN));
        rejects("agent.buffer-size", "0", b -> b.bufferSize(0));
        rejects("agent.batch-size", "0", b -> b.batchSize(0));
        rejects("agent.batch-size", "20000", b -> b.batchSize(20_000));
        rejects("agent.learning-starts", "-1", b -> b.learningStarts(-1));
        rejects("agent.target-update-interval", "0", b -> b.targetUpdateInterval(0));
        rejects("agent.exploration.end", "1.0", b -> b.explorationEnd(1));
        rejects("agent.exploration.end", "-0.1", b -> b.explorationEnd(-0.1));
        rejects("agent.exploration-steps", "0", b -> b.explorationSteps(0));
        rejects("agent.error-clamp", "-1.0", b -> b.errorClamp(-1));
        rejects("agent.reward-factor", "Infinity", b -> b.rewardFactor(Double.POSITIVE_INFINITY));
        rejects("agent.reward-factor", "0.0", b -> b.rewardFactor(0));
        rejects("agent.max-episode-steps", "-5", b -> b.maxEpisodeSteps(-5));
        rejects("agent.network.num-layers", "0", b -> b.numLayers(0));
        rejects("agent.network.num-hidden-nodes", "0", b -> b.numHiddenNodes(0));
        rejects("agent.network.learning-rate", "0.0", b -> b.learningRate(0));
        rejects("agent.network.l2", "-1.0", b -> b.l2(-1));
    }

    @Test
    void nanErrorClampMeansNoClampAndIsAccepted() {
        assertTrue(Double.isNaN(Rl4jDqnConfig.defaults().toBuilder().errorClamp(Double.NaN).build().errorClamp()));
        assertEquals(1.0, Rl4jDqnConfig.defaults().toBuilder().errorClamp(1.0).build().errorClamp());
        // 0 is how a HOCON file says "no clamp": RL4J receives NaN
        assertTrue(Double.isNaN(Rl4jDqnConfig.defaults().toBuilder().errorClamp(0).build()
                .toQLearningConfiguration(1, 100).getErrorClamp()));
    }

    @Test
    void explorationStepsAreWhenEpsilonReachesItsEnd() {
        // RL4J: epsilon = max(end, 1 - t / epsilonNbStep); 1 - 50,000 / 52,632 = 0.05
        assertEquals(52_632, Rl4jDqnConfig.defaults().epsilonNbStep());
        assertEquals(1_000, Rl4jDqnConfig.defaults().toBuilder().explorationEnd(0).explorationSteps(1_000).build()
                .epsilonNbStep());
    }

    @Test
    void mapsOntoRl4jsConfigurations() {
        Rl4jDqnConfig c = Rl4jDqnConfig.defaults().toBuilder().doubleDqn(true).errorClamp(2.0).rewardFactor(0.1)
                .maxEpisodeSteps(300).numLayers(3).numHiddenNodes(64).learningRate(1e-3).l2(1e-4).build();
        QLearningConfiguration q = c.toQLearningConfiguration(42, 30_000);
        assertEquals(42L, q.getSeed());
        assertEquals(30_000, q.getMaxStep());
        assertEquals(300, q.getMaxEpochStep());
        assertEquals(0.99, q.getGamma());
        assertEquals(10_000, q.getExpRepMaxSize());
        assertEquals(128, q.getBatchSize());
        assertEquals(10_000, q.getUpdateStart());
        assertEquals(500, q.getTargetDqnUpdateFreq());
        assertEquals(0.05, q.getMinEpsilon());
        assertEquals(52_632, q.getEpsilonNbStep());
        assertTrue(q.isDoubleDQN());
        assertEquals(2.0, q.getErrorClamp());
        assertEquals(0.1, q.getRewardFactor());
        assertEquals(Integer.MAX_VALUE, Rl4jDqnConfig.defaults().toQLearningConfiguration(1, 10).getMaxEpochStep());
        assertFalse(Rl4jDqnConfig.defaults().toQLearningConfiguration(1, 10).isDoubleDQN());

        DQNDenseNetworkConfiguration n = c.toNetworkConfiguration();
        assertEquals(3, n.getNumLayers());
        assertEquals(64, n.getNumHiddenNodes());
        assertEquals(1e-4, n.getL2());
        // RL4J's dense factory reads the updater, not learningRate: the rate must be in the Adam
        Adam adam = assertInstanceOf(Adam.class, n.getUpdater());
        assertEquals(1e-3, adam.getLearningRate());
    }
}
