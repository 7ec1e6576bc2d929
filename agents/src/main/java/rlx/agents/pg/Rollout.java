package rlx.agents.pg;

import rlx.envs.wrappers.RunningMeanStd;

/**
 * Steps of {@code numEnvs} env copies over {@code steps} time steps, time-major: entry {@code t * numEnvs + i} is
 * copy {@code i} at time {@code t}. A transition that ended an episode has {@code dones} set; for a truncated episode
 * the discounted value of its last observation is already added to the reward, so every done is terminal to GAE.
 *
 * @param observations  {@code steps * numEnvs * obsSize} floats
 * @param values        value estimates of the observations at collection
 * @param logProbs      log-probabilities of the actions at collection
 * @param lastValues    value estimates of the observations after the last step, one per copy
 * @param paramsVersion version of the parameters that acted
 * @param episodeReturns undiscounted returns of the episodes that finished in this rollout
 * @param episodeLengths their lengths
 * @param envRestarts    times the env threw and was rebuilt during this rollout
 * @param seenObservations moments of the raw observations acted on, or null without observation normalisation
 * @param seenReturns      moments of the raw discounted returns, or null without reward normalisation
 */
public record Rollout(int numEnvs, int steps, int obsSize, float[] observations, int[] actions, float[] rewards,
                      boolean[] dones, float[] values, float[] logProbs, float[] lastValues, long paramsVersion,
                      double[] episodeReturns, int[] episodeLengths, int envRestarts,
                      RunningMeanStd.State seenObservations, RunningMeanStd.State seenReturns) {

    public Rollout {
        int n = numEnvs * steps;
        if (numEnvs <= 0 || steps <= 0 || obsSize <= 0) {
            throw new IllegalArgumentException("numEnvs (" + numEnvs + "), steps (" + steps + ") and obsSize ("
                    + obsSize + ") must be > 0");
        }
        if (observations.length != n * obsSize || actions.length != n || rewards.length != n || dones.length != n
                || values.length != n || logProbs.length != n || lastValues.length != numEnvs
                || episodeReturns.length != episodeLengths.length) {
            throw new IllegalArgumentException("rollout arrays do not match numEnvs " + numEnvs + " x steps " + steps);
        }
        if ((seenObservations != null && seenObservations.mean().length != obsSize)
                || (seenReturns != null && seenReturns.mean().length != 1)) {
            throw new IllegalArgumentException("rollout statistics do not match obsSize " + obsSize);
        }
    }

    /** A rollout collected without normalisation. */
    public Rollout(int numEnvs, int steps, int obsSize, float[] observations, int[] actions, float[] rewards,
                   boolean[] dones, float[] values, float[] logProbs, float[] lastValues, long paramsVersion,
                   double[] episodeReturns, int[] episodeLengths, int envRestarts) {
        this(numEnvs, steps, obsSize, observations, actions, rewards, dones, values, logProbs, lastValues,
                paramsVersion, episodeReturns, episodeLengths, envRestarts, null, null);
    }

    /** Transitions in this rollout. */
    public int size() {
        return numEnvs * steps;
    }
}
