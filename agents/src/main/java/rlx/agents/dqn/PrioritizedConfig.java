package rlx.agents.dqn;

/**
 * Prioritised replay (Schaul et al. 2016): priorities {@code (|td| + epsilon)^alpha}; importance-sampling exponent
 * beta annealed linearly from {@code betaStart} to {@code betaEnd} over the run.
 */
public record PrioritizedConfig(boolean enabled, double alpha, double betaStart, double betaEnd, double epsilon) {

    public PrioritizedConfig {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha (" + alpha + ") must be in [0, 1]");
        }
        if (!(betaStart >= 0 && betaStart <= 1) || !(betaEnd >= 0 && betaEnd <= 1)) {
            throw new IllegalArgumentException("beta-start (" + betaStart + ") and beta-end (" + betaEnd
                    + ") must be in [0, 1]");
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon (" + epsilon + ") must be > 0");
        }
    }

    public static PrioritizedConfig disabled() {
        return new PrioritizedConfig(false, 0.6, 0.4, 1.0, 1e-6);
    }
}
