package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rlx.networks.config.OptimizerConfig;

class QNetworkLearningRateTest {

    @Test
    void aZeroLearningRateFreezesTheWeightsAndRestoringItResumesTraining() {
        QNetwork net = QNetwork.build(TestNets.cartPole(OptimizerConfig.adam(1e-2)), 4, 2, 3);
        Random rng = new Random(1);
        float[] obs = TestNets.uniform(rng, 8 * 4, 1.0);
        float[] targets = TestNets.uniform(rng, 8 * 2, 1.0);
        float[] mask = TestNets.oneHotMask(rng, 8, 2);
        net.fit(obs, 8, targets, mask);
        assertEquals(1e-2, net.learningRate(), 1e-12);

        net.setLearningRate(0.0);
        float[] frozen = net.params();
        net.fit(obs, 8, targets, mask);
        // DL4J's float arithmetic may move a weight by a few ulps even at lr 0; an Adam step at 1e-2 is ~1e-2
        double frozenChange = TestNets.maxAbsDiff(frozen, net.params());
        assertTrue(frozenChange < 1e-6, "lr 0 moved a weight by " + frozenChange);
        assertEquals(0.0, net.learningRate());

        float[] before = net.params();
        net.setLearningRate(1e-2);
        net.fit(obs, 8, targets, mask);
        assertTrue(TestNets.maxAbsDiff(before, net.params()) > 1e-3, "training resumes at the restored rate");
        assertThrows(IllegalArgumentException.class, () -> net.setLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> net.setLearningRate(Double.NaN));
    }
}
