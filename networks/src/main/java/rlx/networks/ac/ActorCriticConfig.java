package rlx.networks.ac;

import com.fasterxml.jackson.annotation.JsonCreator;
import rlx.networks.config.Checks;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

/**
 * An actor-critic network: optional convolutions, dense hidden layers, then a policy head and a value head.
 *
 * <p>The convolutions are always shared by both heads, also when {@code sharedTorso} is false: their features feed
 * the policy tower and the value tower alike. This is the usual image actor-critic (the MinAtar paper's, CleanRL's
 * and SB3's Atari PPO share the whole CNN), and separate conv stacks would double the most expensive part of the
 * forward and backward pass.
 *
 * @param torso       hidden dense layers (after the convolutions, if any): shared by both heads, or one copy per head
 * @param sharedTorso one dense torso for both heads (A3C's paper network); false gives the policy and the value their
 *                    own dense towers, as CleanRL and Stable-Baselines3 do by default for vector observations, so
 *                    that large value gradients do not reshape the policy's features
 * @param optimizer   optimiser of all parameters
 * @param conv        convolutions in front of the dense layers, shared by both heads, or null for a plain MLP
 */
public record ActorCriticConfig(MlpConfig torso, boolean sharedTorso, OptimizerConfig optimizer,
                                ConvTorsoConfig conv) {

    /** Validates every field. */
    @JsonCreator
    public ActorCriticConfig {
        Checks.notNull("torso", torso);
        Checks.notNull("optimizer", optimizer);
    }

    /** A network without convolutions. */
    public ActorCriticConfig(MlpConfig torso, boolean sharedTorso, OptimizerConfig optimizer) {
        this(torso, sharedTorso, optimizer, null);
    }

    /** A network without convolutions, with separate policy and value towers. */
    public ActorCriticConfig(MlpConfig torso, OptimizerConfig optimizer) {
        this(torso, false, optimizer, null);
    }

    /** A copy with convolutions in front of the dense layers (null: none). */
    public ActorCriticConfig withConv(ConvTorsoConfig value) {
        return new ActorCriticConfig(torso, sharedTorso, optimizer, value);
    }
}
