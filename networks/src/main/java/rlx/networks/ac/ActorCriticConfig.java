package rlx.networks.ac;

import rlx.networks.config.Checks;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

/**
 * An actor-critic network: dense hidden layers, then a policy head and a value head.
 *
 * @param torso       hidden layers: shared by both heads, or one copy per head
 * @param sharedTorso one torso for both heads (A3C's paper network); false gives the policy and the value their own
 *                    towers, as CleanRL and Stable-Baselines3 do by default, so that large value gradients do not
 *                    reshape the policy's features
 * @param optimizer   optimiser of all parameters
 */
public record ActorCriticConfig(MlpConfig torso, boolean sharedTorso, OptimizerConfig optimizer) {

    /** Validates every field. */
    public ActorCriticConfig {
        Checks.notNull("torso", torso);
        Checks.notNull("optimizer", optimizer);
    }

    /** A network with separate policy and value towers. */
    public ActorCriticConfig(MlpConfig torso, OptimizerConfig optimizer) {
        this(torso, false, optimizer);
    }
}
