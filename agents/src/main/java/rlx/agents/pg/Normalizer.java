package rlx.agents.pg;

import rlx.agents.core.DiscretePolicy;
import rlx.envs.wrappers.RunningMeanStd;

/**
 * Observation and reward normalisation with frozen statistics (SB3's {@code VecNormalize} split across processes):
 * what the learner sends runners with the parameters, and what evaluation and saved policies apply. Runners report
 * the moments of what they saw in each {@link Rollout}; the learner merges them and sends the result with the next
 * round, as RLlib's {@code MeanStdFilter} does across workers.
 *
 * @param observations statistics of the raw observations, or null to leave observations unchanged
 * @param returns      statistics of the raw discounted return (size 1), or null to leave rewards unchanged
 */
public record Normalizer(double clipObservations, double clipRewards, RunningMeanStd.State observations,
                         RunningMeanStd.State returns) {

    /** SB3's epsilon under the square root. */
    private static final double EPSILON = 1e-8;

    /** The statistics before anything was seen (mean 0, variance 1, pseudo-count 1e-4). */
    public static Normalizer initial(NormalizeConfig config, int obsSize) {
        return new Normalizer(config.clipObservations(), config.clipRewards(),
                config.observations() ? new RunningMeanStd(obsSize).state() : null,
                config.rewards() ? new RunningMeanStd(1).state() : null);
    }

    /** These statistics with a rollout's moments merged in (null: nothing seen). */
    public Normalizer update(RunningMeanStd.State seenObservations, RunningMeanStd.State seenReturns) {
        return new Normalizer(clipObservations, clipRewards, merged(observations, seenObservations),
                merged(returns, seenReturns));
    }

    private static RunningMeanStd.State merged(RunningMeanStd.State current, RunningMeanStd.State seen) {
        if (current == null || seen == null) {
            return current;
        }
        RunningMeanStd rms = new RunningMeanStd(current.mean().length);
        rms.restore(current);
        rms.merge(seen);
        return rms.state();
    }

    /** Writes the normalised {@code rows} observations of {@code size} floats from {@code in} to {@code out}. */
    public void normalize(float[] in, int rows, int size, float[] out) {
        normalize(in, 0, rows, size, out);
    }

    /** The same, reading from {@code in[inOffset ..]}. */
    public void normalize(float[] in, int inOffset, int rows, int size, float[] out) {
        if (observations == null) {
            System.arraycopy(in, inOffset, out, 0, rows * size);
            return;
        }
        double[] mean = observations.mean();
        double[] var = observations.var();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < size; j++) {
                int k = r * size + j;
                double z = (in[inOffset + k] - mean[j]) / Math.sqrt(var[j] + EPSILON);
                out[k] = (float) Math.max(-clipObservations, Math.min(clipObservations, z));
            }
        }
    }

    /** The reward the learner sees. */
    public double scaleReward(double reward) {
        if (returns == null) {
            return reward;
        }
        double z = reward / Math.sqrt(returns.var()[0] + EPSILON);
        return Math.max(-clipRewards, Math.min(clipRewards, z));
    }

    /** {@code policy} acting on observations normalised with these statistics (not thread-safe). */
    public DiscretePolicy wrap(DiscretePolicy policy, int obsSize) {
        if (observations == null) {
            return policy;
        }
        float[][] buffer = {new float[0]};
        return (obs, numEnvs, actions) -> {
            if (buffer[0].length < numEnvs * obsSize) {
                buffer[0] = new float[numEnvs * obsSize];
            }
            normalize(obs, numEnvs, obsSize, buffer[0]);
            policy.act(buffer[0], numEnvs, actions);
        };
    }
}
