package rlx.networks.ac;

import rlx.networks.config.Checks;

/**
 * The coefficients of an actor-critic network's two losses.
 *
 * @param clipRange      PPO's ratio clip epsilon; 0 for the unclipped policy gradient (A2C, A3C)
 * @param entropyCoef    weight of the entropy bonus
 * @param valueCoef      weight of the value loss against the policy loss
 * @param valueClipRange PPO's value clip; 0 for none
 */
public record ActorCriticLosses(double clipRange, double entropyCoef, double valueCoef, double valueClipRange) {

    public ActorCriticLosses {
        Checks.nonNegative("clipRange", clipRange);
        Checks.nonNegative("entropyCoef", entropyCoef);
        Checks.positive("valueCoef", valueCoef);
        Checks.nonNegative("valueClipRange", valueClipRange);
    }

    /** The unclipped losses of A2C and A3C. */
    public static ActorCriticLosses unclipped(double entropyCoef, double valueCoef) {
        return new ActorCriticLosses(0, entropyCoef, valueCoef, 0);
    }
}
