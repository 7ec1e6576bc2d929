package rlx.trainers.local;

import java.util.List;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.ExplorationConfig;
import rlx.agents.dqn.PrioritizedConfig;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;
import rlx.networks.q.QNetworkConfig;

/** Small DQN configs for fast trainer tests. */
final class TestConfigs {

    private TestConfigs() {
    }

    static DqnConfig dqn(List<Integer> hidden, double lr, int batch, long learningStarts, int trainFrequency,
                         long targetUpdate, double explorationFraction, int nStep, boolean prioritized) {
        QNetworkConfig network = new QNetworkConfig(new MlpConfig(hidden, ActivationKind.RELU, WeightInitKind.XAVIER),
                false, OptimizerConfig.adam(lr), LossKind.HUBER, 1.0);
        return new DqnConfig(0.99, 20_000, batch, learningStarts, trainFrequency, 1, targetUpdate, 1.0, true, nStep,
                new ExplorationConfig(ExplorationConfig.Kind.LINEAR, 1.0, 0.05, explorationFraction, 0.999),
                prioritized ? new PrioritizedConfig(true, 0.6, 0.4, 1.0, 1e-6) : PrioritizedConfig.disabled(),
                network);
    }
}
