package rlx.trainers.actors;

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

/** The shipped configs' hyper-parameters, for tests that run the trainers directly. */
final class PgTestConfigs {

    private PgTestConfigs() {
    }

    private static ActorCriticConfig network(OptimizerConfig optimizer) {
        return new ActorCriticConfig(new MlpConfig(List.of(64, 64), ActivationKind.TANH, WeightInitKind.XAVIER),
                false, optimizer);
    }

    /** experiments/configs/cartpole-ppo.conf (rl-baselines3-zoo's CartPole PPO). */
    static PgConfig ppo(int runners) {
        return new PgConfig(0.98, 0.8, 32, 20, 1, 0.2, 0.2, 0.0, 0.5, true, true,
                network(OptimizerConfig.adam(1e-3).withEpsilon(1e-5).withClipNorm(0.5)), new RuntimeConfig(runners));
    }

    /** experiments/configs/cartpole-a2c.conf (SB3's A2C defaults, no entropy bonus). */
    static PgConfig a2c(int runners) {
        return new PgConfig(0.99, 1.0, 5, 1, 1, 0, 0, 0.0, 0.5, false, false,
                network(OptimizerConfig.rmsprop(7e-4).withEpsilon(1e-5).withClipNorm(0.5)), new RuntimeConfig(runners));
    }

    /** experiments/configs/cartpole-a3c.conf. */
    static PgConfig a3c(int runners) {
        return new PgConfig(0.99, 1.0, 5, 1, 1, 0, 0, 0.0, 0.5, false, true,
                network(OptimizerConfig.rmsprop(7e-4).withEpsilon(1e-5).withClipNorm(0.5)), new RuntimeConfig(runners));
    }

    static TrainSettings cartPole(int numEnvs, long steps, long seed, long checkpointInterval) {
        return new TrainSettings("CartPole-v1", Map.of(), numEnvs, steps, seed, 0, 10, 100, 10, checkpointInterval);
    }
}
