package rlx.trainers.rl4j;

import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The knobs of RL4J 1.0.0-M1.1's {@code QLearningDiscreteDense}, under rlx's (and SB3's) names where one maps onto
 * the other. How each reaches RL4J, and where RL4J's meaning differs from rlx's DQN:
 *
 * <table>
 *   <caption>rlx name, RL4J field, meaning in RL4J M1.1</caption>
 *   <tr><th>rlx</th><th>RL4J</th><th>notes</th></tr>
 *   <tr><td>gamma</td><td>gamma</td><td>discount</td></tr>
 *   <tr><td>buffer-size</td><td>expRepMaxSize</td><td>replay capacity (FIFO)</td></tr>
 *   <tr><td>batch-size</td><td>batchSize</td><td>RL4J makes one gradient step per env step as soon as the replay
 *       holds this many transitions: it has no train frequency</td></tr>
 *   <tr><td>learning-starts</td><td>updateStart</td><td>in M1.1 this only delays the epsilon schedule (epsilon is
 *       1 until then); it does <b>not</b> hold back gradient steps, which start at {@code batchSize}
 *       transitions</td></tr>
 *   <tr><td>target-update-interval</td><td>targetDqnUpdateFreq</td><td>counted in gradient steps, not env steps
 *       (one per env step once learning runs, so it lags env steps by about {@code batchSize})</td></tr>
 *   <tr><td>exploration.end</td><td>minEpsilon</td><td></td></tr>
 *   <tr><td>exploration-steps</td><td>epsilonNbStep</td><td>rlx counts the steps epsilon takes to fall from 1 to
 *       {@code end}; RL4J's epsilon is {@code max(end, 1 - (t - updateStart) / epsilonNbStep)}, so
 *       {@link #epsilonNbStep()} is {@code explorationSteps / (1 - end)}</td></tr>
 *   <tr><td>double-dqn</td><td>doubleDQN</td><td></td></tr>
 *   <tr><td>error-clamp</td><td>errorClamp</td><td>TD targets are clamped to {@code Q(s, a) +- errorClamp};
 *       0 (or NaN) turns clamping off</td></tr>
 *   <tr><td>reward-factor</td><td>rewardFactor</td><td>rewards are multiplied by it for learning only; reported
 *       returns are the env's</td></tr>
 *   <tr><td>max-episode-steps</td><td>maxEpochStep</td><td>RL4J's own episode cut-off on top of the env's time
 *       limit; 0 for none</td></tr>
 *   <tr><td>network.num-layers, num-hidden-nodes</td><td>numLayers, numHiddenNodes</td><td>ReLU dense layers, all
 *       of one width (RL4J's dense DQN cannot vary it), then a linear output per action with MSE loss</td></tr>
 *   <tr><td>network.learning-rate</td><td>updater = Adam(lr)</td><td>RL4J's dense factory ignores
 *       {@code learningRate} and uses its updater, so the rate is given to Adam</td></tr>
 *   <tr><td>network.l2</td><td>l2</td><td></td></tr>
 * </table>
 */
public record Rl4jDqnConfig(double gamma, int bufferSize, int batchSize, int learningStarts, int targetUpdateInterval,
                            double explorationEnd, int explorationSteps, boolean doubleDqn, double errorClamp,
                            double rewardFactor, int maxEpisodeSteps, int numLayers, int numHiddenNodes,
                            double learningRate, double l2) {

    public Rl4jDqnConfig {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("agent.gamma (" + gamma + ") must be in (0, 1]");
        }
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("agent.buffer-size (" + bufferSize + ") must be > 0");
        }
        if (batchSize <= 0 || batchSize > bufferSize) {
            throw new IllegalArgumentException("agent.batch-size (" + batchSize + ") must be in 1 .. agent.buffer-size ("
                    + bufferSize + ")");
        }
        if (learningStarts < 0) {
            throw new IllegalArgumentException("agent.learning-starts (" + learningStarts + ") must be >= 0");
        }
        if (targetUpdateInterval <= 0) {
            throw new IllegalArgumentException("agent.target-update-interval (" + targetUpdateInterval
                    + ") must be > 0");
        }
        if (!(explorationEnd >= 0 && explorationEnd < 1)) {
            throw new IllegalArgumentException("agent.exploration.end (" + explorationEnd + ") must be in [0, 1)");
        }
        if (explorationSteps <= 0) {
            throw new IllegalArgumentException("agent.exploration-steps (" + explorationSteps + ") must be > 0");
        }
        if (!Double.isNaN(errorClamp) && !(errorClamp >= 0)) {
            throw new IllegalArgumentException("agent.error-clamp (" + errorClamp + ") must be > 0, or 0 (or NaN) for none");
        }
        if (!(rewardFactor > 0 && Double.isFinite(rewardFactor))) {
            throw new IllegalArgumentException("agent.reward-factor (" + rewardFactor + ") must be finite and > 0");
        }
        if (maxEpisodeSteps < 0) {
            throw new IllegalArgumentException("agent.max-episode-steps (" + maxEpisodeSteps
                    + ") must be >= 0 (0: no limit beyond the env's)");
        }
        if (numLayers <= 0) {
            throw new IllegalArgumentException("agent.network.num-layers (" + numLayers + ") must be > 0");
        }
        if (numHiddenNodes <= 0) {
            throw new IllegalArgumentException("agent.network.num-hidden-nodes (" + numHiddenNodes + ") must be > 0");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("agent.network.learning-rate (" + learningRate
                    + ") must be finite and > 0");
        }
        if (!(l2 >= 0 && Double.isFinite(l2))) {
            throw new IllegalArgumentException("agent.network.l2 (" + l2 + ") must be finite and >= 0");
        }
    }

    /**
     * CleanRL's {@code dqn.py} CartPole hyperparameters where RL4J has them: Adam 2.5e-4, gamma 0.99, buffer 10k,
     * batch 128, target update every 500, learning starts 10k, epsilon 1 to 0.05 over 50k steps (CleanRL's fraction
     * 0.5 of a 100k-step run), two hidden layers of 120 (CleanRL's are 120 and 84; RL4J has one width), no error
     * clamp (CleanRL has none), reward factor 1, no extra episode limit.
     */
    public static Rl4jDqnConfig defaults() {
        return new Rl4jDqnConfig(0.99, 10_000, 128, 10_000, 500, 0.05, 50_000, false, Double.NaN, 1.0, 0, 2, 120,
                2.5e-4, 0.0);
    }

    /** A builder starting from this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** RL4J's {@code epsilonNbStep}: the slope's denominator that makes epsilon reach {@code end} after
     * {@link #explorationSteps()} steps (at least 1). */
    public int epsilonNbStep() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(explorationSteps / (1 - explorationEnd))));
    }

    /**
     * RL4J's learning configuration for a run of {@code maxStep} env steps whose learner generator (epsilon draws
     * and replay sampling) is seeded with {@code seed}.
     */
    public QLearningConfiguration toQLearningConfiguration(long seed, int maxStep) {
        return QLearningConfiguration.builder()
                .seed(seed)
                .maxEpochStep(maxEpisodeSteps == 0 ? Integer.MAX_VALUE : maxEpisodeSteps)
                .maxStep(maxStep)
                .expRepMaxSize(bufferSize)
                .batchSize(batchSize)
                .targetDqnUpdateFreq(targetUpdateInterval)
                .updateStart(learningStarts)
                .rewardFactor(rewardFactor)
                .gamma(gamma)
                .errorClamp(errorClamp > 0 ? errorClamp : Double.NaN)
                .minEpsilon(explorationEnd)
                .epsilonNbStep(epsilonNbStep())
                .doubleDQN(doubleDqn)
                .build();
    }

    /** RL4J's dense DQN network configuration: Adam with {@link #learningRate()}, L2 {@link #l2()}. */
    public DQNDenseNetworkConfiguration toNetworkConfiguration() {
        return DQNDenseNetworkConfiguration.builder()
                .numLayers(numLayers)
                .numHiddenNodes(numHiddenNodes)
                .learningRate(learningRate)
                .updater(new Adam(learningRate))
                .l2(l2)
                .build();
    }

    /** Sets fields one by one; {@link #build()} validates. */
    public static final class Builder {
        private double gamma;
        private int bufferSize;
        private int batchSize;
        private int learningStarts;
        private int targetUpdateInterval;
        private double explorationEnd;
        private int explorationSteps;
        private boolean doubleDqn;
        private double errorClamp;
        private double rewardFactor;
        private int maxEpisodeSteps;
        private int numLayers;
        private int numHiddenNodes;
        private double learningRate;
        private double l2;

        private Builder(Rl4jDqnConfig c) {
            gamma = c.gamma;
            bufferSize = c.bufferSize;
            batchSize = c.batchSize;
            learningStarts = c.learningStarts;
            targetUpdateInterval = c.targetUpdateInterval;
            explorationEnd = c.explorationEnd;
            explorationSteps = c.explorationSteps;
            doubleDqn = c.doubleDqn;
            errorClamp = c.errorClamp;
            rewardFactor = c.rewardFactor;
            maxEpisodeSteps = c.maxEpisodeSteps;
            numLayers = c.numLayers;
            numHiddenNodes = c.numHiddenNodes;
            learningRate = c.learningRate;
            l2 = c.l2;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder bufferSize(int v) {
            bufferSize = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder learningStarts(int v) {
            learningStarts = v;
            return this;
        }

        public Builder targetUpdateInterval(int v) {
            targetUpdateInterval = v;
            return this;
        }

        public Builder explorationEnd(double v) {
            explorationEnd = v;
            return this;
        }

        public Builder explorationSteps(int v) {
            explorationSteps = v;
            return this;
        }

        public Builder doubleDqn(boolean v) {
            doubleDqn = v;
            return this;
        }

        public Builder errorClamp(double v) {
            errorClamp = v;
            return this;
        }

        public Builder rewardFactor(double v) {
            rewardFactor = v;
            return this;
        }

        public Builder maxEpisodeSteps(int v) {
            maxEpisodeSteps = v;
            return this;
        }

        public Builder numLayers(int v) {
            numLayers = v;
            return this;
        }

        public Builder numHiddenNodes(int v) {
            numHiddenNodes = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        public Rl4jDqnConfig build() {
            return new Rl4jDqnConfig(gamma, bufferSize, batchSize, learningStarts, targetUpdateInterval,
                    explorationEnd, explorationSteps, doubleDqn, errorClamp, rewardFactor, maxEpisodeSteps, numLayers,
                    numHiddenNodes, learningRate, l2);
        }
    }
}
