package rlx.trainers.rl4j;

import org.deeplearning4j.rl4j.learning.configuration.A3CLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.ActorCriticDenseNetworkConfiguration;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The knobs of RL4J 1.0.0-M1.1's {@code A3CDiscreteDense}, under rlx's (and SB3's A2C) names where one maps onto
 * the other.
 *
 * <table>
 *   <caption>rlx name, RL4J field, meaning in RL4J M1.1</caption>
 *   <tr><th>rlx</th><th>RL4J</th><th>notes</th></tr>
 *   <tr><td>gamma</td><td>gamma</td><td>discount</td></tr>
 *   <tr><td>n-steps</td><td>nStep</td><td>env steps a worker takes (fewer at an episode end) before it computes
 *       gradients on them and applies them to the global network</td></tr>
 *   <tr><td>num-threads</td><td>numThreads</td><td>worker threads, each with its own env copy
 *       ({@code Rl4jMdp.newInstance()}: seed {@code derive(envSeed, i)})</td></tr>
 *   <tr><td>reward-factor</td><td>rewardFactor</td><td>rewards are multiplied by it for learning only; reported
 *       returns are the env's</td></tr>
 *   <tr><td>max-episode-steps</td><td>maxEpochStep</td><td>RL4J's own episode cut-off on top of the env's time
 *       limit; 0 for none</td></tr>
 *   <tr><td>network.num-layers, num-hidden-nodes</td><td>numLayers, numHiddenNodes</td><td>separate value and
 *       policy networks ({@code ActorCriticFactorySeparateStdDense}) of ReLU dense layers of one width, no
 *       LSTM</td></tr>
 *   <tr><td>network.learning-rate</td><td>updater = Adam(lr)</td><td>RL4J's dense factory ignores
 *       {@code learningRate} and uses its updater, so the rate is given to Adam</td></tr>
 *   <tr><td>network.l2</td><td>l2</td><td></td></tr>
 * </table>
 *
 * RL4J's {@code learnerUpdateFrequency} is left at its default (-1: workers start every sub-epoch from the latest
 * global weights, which is A3C): in M1.1 any other value skips the copy exactly on the multiples it names and
 * copies on every other update, the reverse of its documentation.
 */
public record Rl4jA3cConfig(double gamma, int nSteps, int numThreads, double rewardFactor, int maxEpisodeSteps,
                            int numLayers, int numHiddenNodes, double learningRate, double l2) {

    public Rl4jA3cConfig {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("agent.gamma (" + gamma + ") must be in (0, 1]");
        }
        if (nSteps <= 0) {
            throw new IllegalArgumentException("agent.n-steps (" + nSteps + ") must be > 0");
        }
        if (numThreads <= 0) {
            throw new IllegalArgumentException("agent.num-threads (" + numThreads + ") must be > 0");
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
     * RL4J's own A3C CartPole example ({@code A3CCartpole}): 20-step sub-epochs, gamma 0.99, reward factor 0.01,
     * three hidden layers of 16, Adam 1e-2, no L2; with 2 threads instead of its 8 (rlx's machines have 2 cores)
     * and the env's own time limit instead of its 200-step cut-off.
     */
    public static Rl4jA3cConfig defaults() {
        return new Rl4jA3cConfig(0.99, 20, 2, 0.01, 0, 3, 16, 1e-2, 0.0);
    }

    public Rl4jA3cConfig withNumThreads(int threads) {
        return new Rl4jA3cConfig(gamma, nSteps, threads, rewardFactor, maxEpisodeSteps, numLayers, numHiddenNodes,
                learningRate, l2);
    }

    public Rl4jA3cConfig withNSteps(int steps) {
        return new Rl4jA3cConfig(gamma, steps, numThreads, rewardFactor, maxEpisodeSteps, numLayers, numHiddenNodes,
                learningRate, l2);
    }

    public Rl4jA3cConfig withMaxEpisodeSteps(int steps) {
        return new Rl4jA3cConfig(gamma, nSteps, numThreads, rewardFactor, steps, numLayers, numHiddenNodes,
                learningRate, l2);
    }

    public Rl4jA3cConfig withNetwork(int layers, int hiddenNodes, double rate, double l2Penalty) {
        return new Rl4jA3cConfig(gamma, nSteps, numThreads, rewardFactor, maxEpisodeSteps, layers, hiddenNodes, rate,
                l2Penalty);
    }

    /** RL4J's learning configuration for a run of {@code maxStep} env steps with learner seed {@code seed}. */
    public A3CLearningConfiguration toA3cLearningConfiguration(long seed, int maxStep) {
        return A3CLearningConfiguration.builder()
                .seed(seed)
                .maxEpochStep(maxEpisodeSteps == 0 ? Integer.MAX_VALUE : maxEpisodeSteps)
                .maxStep(maxStep)
                .numThreads(numThreads)
                .nStep(nSteps)
                .gamma(gamma)
                .rewardFactor(rewardFactor)
                .build();
    }

    /** RL4J's dense actor-critic configuration: separate networks, Adam with {@link #learningRate()}. */
    public ActorCriticDenseNetworkConfiguration toNetworkConfiguration() {
        return ActorCriticDenseNetworkConfiguration.builder()
                .numLayers(numLayers)
                .numHiddenNodes(numHiddenNodes)
                .useLSTM(false)
                .learningRate(learningRate)
                .updater(new Adam(learningRate))
                .l2(l2)
                .build();
    }
}
