package rlx.agents.dqn;

import rlx.networks.q.QNetworkConfig;

/**
 * Everything that defines a DQN agent, with SB3/CleanRL's names and meanings. Steps are env steps summed over all
 * vectorised copies; {@code trainFrequency} counts vector steps (calls to {@code step}), as SB3 does.
 *
 * @param tau 1 for hard target copies every {@code targetUpdateInterval} env steps; below 1 one Polyak blend
 *            {@code target = tau * online + (1 - tau) * target} every {@code targetUpdateInterval} env steps, as in
 *            CleanRL and SB3, also when several intervals pass between two updates
 * @param nStep 1 for one-step TD targets
 * @param learningRateSchedule {@code LINEAR} decays the optimiser's learning rate to 0 over the run (SB3's
 *     {@code lin_<lr>}), which keeps the final policy from drifting once it is good
 */
public record DqnConfig(double gamma, int bufferSize, int batchSize, long learningStarts, int trainFrequency,
                        int gradientSteps, long targetUpdateInterval, double tau, boolean doubleDqn, int nStep,
                        ExplorationConfig exploration, PrioritizedConfig prioritized, QNetworkConfig network,
                        LearningRateSchedule learningRateSchedule) {

    /** How the learning rate evolves over a run. */
    public enum LearningRateSchedule { CONSTANT, LINEAR }

    /** A config with a constant learning rate. */
    public DqnConfig(double gamma, int bufferSize, int batchSize, long learningStarts, int trainFrequency,
                     int gradientSteps, long targetUpdateInterval, double tau, boolean doubleDqn, int nStep,
                     ExplorationConfig exploration, PrioritizedConfig prioritized, QNetworkConfig network) {
        this(gamma, bufferSize, batchSize, learningStarts, trainFrequency, gradientSteps, targetUpdateInterval, tau,
                doubleDqn, nStep, exploration, prioritized, network, LearningRateSchedule.CONSTANT);
    }

    public DqnConfig {
        requirePresent("exploration", exploration);
        requirePresent("prioritized", prioritized);
        requirePresent("network", network);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma (" + gamma + ") must be in [0, 1]");
        }
        requirePositive("buffer-size", bufferSize);
        requirePositive("batch-size", batchSize);
        requirePositive("train-frequency", trainFrequency);
        requirePositive("gradient-steps", gradientSteps);
        requirePositive("target-update-interval", targetUpdateInterval);
        requirePositive("n-step", nStep);
        if (learningStarts < batchSize) {
            throw new IllegalArgumentException("learning-starts (" + learningStarts + ") must be >= batch-size ("
                    + batchSize + ")");
        }
        if (batchSize > bufferSize) {
            throw new IllegalArgumentException("batch-size (" + batchSize + ") must be <= buffer-size (" + bufferSize + ")");
        }
        if (learningRateSchedule == null) {
            throw new IllegalArgumentException("learning-rate-schedule must be constant or linear");
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau (" + tau + ") must be in (0, 1]");
        }
    }

    /** The learning rate at {@code envStep} of a run of {@code totalSteps}. */
    public double learningRateAt(long envStep, long totalSteps) {
        double initial = network.optimizer().learningRate();
        return learningRateSchedule == LearningRateSchedule.CONSTANT ? initial
                : initial * Math.max(0.0, 1.0 - (double) envStep / totalSteps);
    }

    private static void requirePresent(String name, Object section) {
        if (section == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be > 0");
        }
    }
}
