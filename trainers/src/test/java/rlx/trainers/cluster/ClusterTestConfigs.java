package rlx.trainers.cluster;

import java.util.List;
import java.util.Map;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.RuntimeConfig;
import rlx.networks.ac.ActorCriticConfig;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;
import rlx.trainers.core.TrainSettings;

/** A small, fast PPO run on CartPole for the cluster tests. */
final class ClusterTestConfigs {

    private ClusterTestConfigs() {
    }

    /** PPO with a 32-unit torso, 32-step rollouts, 2 epochs; {@code localRunners} runners on the learner node. */
    static PgConfig ppo(int localRunners) {
        ActorCriticConfig network = new ActorCriticConfig(
                new MlpConfig(List.of(32), ActivationKind.TANH, WeightInitKind.XAVIER), OptimizerConfig.adam(1e-3));
        return new PgConfig(0.98, 0.8, 32, 2, 1, 0.2, 0.0, 0.0, 0.5, true, false, network,
                new RuntimeConfig(localRunners));
    }

    /** CartPole with 2 env copies per runner and a short final evaluation. */
    static TrainSettings cartPole(long totalSteps) {
        return new TrainSettings("CartPole-v1", Map.of(), 2, totalSteps, 5, 0, 2, 3, 3, 0);
    }
}
