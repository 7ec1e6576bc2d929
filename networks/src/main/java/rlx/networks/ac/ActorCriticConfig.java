package rlx.networks.ac;

import rlx.networks.config.Checks;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

/**
 * An actor-critic network: a shared dense torso, then a policy head and a value head.
 *
 * @param torso     hidden layers shared by both heads
 * @param optimizer optimiser of all parameters
 */
public record ActorCriticConfig(MlpConfig torso, OptimizerConfig optimizer) {

    /** Validates every field. */
    public ActorCriticConfig {
        Checks.notNull("torso", torso);
        Checks.notNull("optimizer", optimizer);
    }
}
