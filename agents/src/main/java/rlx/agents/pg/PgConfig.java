package rlx.agents.pg;

import rlx.networks.ac.ActorCriticConfig;
import rlx.networks.ac.ActorCriticLosses;

/**
 * The {@code agent} block of A2C, A3C and PPO. A2C is PPO with one epoch over one minibatch and no clipping; A3C
 * uses the same fields with one gradient per worker rollout.
 *
 * @param gamma              discount
 * @param gaeLambda          GAE's lambda (1 = n-step returns, as A2C and A3C use)
 * @param rolloutSteps       steps per env copy in one rollout (PPO's n_steps, A3C's t_max)
 * @param epochs             passes over a rollout (PPO)
 * @param minibatches        minibatches per epoch (PPO)
 * @param clipRange          PPO's ratio clip; 0 = no clipping
 * @param valueClipRange     PPO's value clip; 0 = none
 * @param entropyCoef        entropy bonus weight
 * @param valueCoef          value loss weight
 * @param normalizeAdvantage normalise advantages per minibatch
 * @param annealLearningRate decay the learning rate linearly to 0 over the run
 * @param network            torso and optimiser (global-norm clipping is the optimiser's {@code clip-norm})
 * @param runtime            how many runner actors and how far they may run ahead
 * @param normalize          observation and reward normalisation (PPO and A2C)
 */
public record PgConfig(double gamma, double gaeLambda, int rolloutSteps, int epochs, int minibatches,
                       double clipRange, double valueClipRange, double entropyCoef, double valueCoef,
                       boolean normalizeAdvantage, boolean annealLearningRate, ActorCriticConfig network,
                       RuntimeConfig runtime, NormalizeConfig normalize) {

    public PgConfig {
        if (normalize == null) {
            normalize = NormalizeConfig.OFF;
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma (" + gamma + ") must be in (0, 1]");
        }
        if (!(gaeLambda >= 0 && gaeLambda <= 1)) {
            throw new IllegalArgumentException("gae-lambda (" + gaeLambda + ") must be in [0, 1]");
        }
        if (rolloutSteps <= 0 || epochs <= 0 || minibatches <= 0) {
            throw new IllegalArgumentException("rollout-steps (" + rolloutSteps + "), epochs (" + epochs
                    + ") and minibatches (" + minibatches + ") must be > 0");
        }
        if (network == null || runtime == null) {
            throw new IllegalArgumentException("network and runtime must be set");
        }
        // the loss record validates the coefficients
        new ActorCriticLosses(clipRange, entropyCoef, valueCoef, valueClipRange);
    }

    /** Without normalisation. */
    public PgConfig(double gamma, double gaeLambda, int rolloutSteps, int epochs, int minibatches, double clipRange,
                    double valueClipRange, double entropyCoef, double valueCoef, boolean normalizeAdvantage,
                    boolean annealLearningRate, ActorCriticConfig network, RuntimeConfig runtime) {
        this(gamma, gaeLambda, rolloutSteps, epochs, minibatches, clipRange, valueClipRange, entropyCoef, valueCoef,
                normalizeAdvantage, annealLearningRate, network, runtime, NormalizeConfig.OFF);
    }

    /** This config with {@code normalize} replaced. */
    public PgConfig withNormalize(NormalizeConfig normalize) {
        return new PgConfig(gamma, gaeLambda, rolloutSteps, epochs, minibatches, clipRange, valueClipRange, entropyCoef,
                valueCoef, normalizeAdvantage, annealLearningRate, network, runtime, normalize);
    }

    public ActorCriticLosses losses() {
        return new ActorCriticLosses(clipRange, entropyCoef, valueCoef, valueClipRange);
    }
}
