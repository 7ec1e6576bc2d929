package rlx.agents.pg;

/**
 * What an A3C worker sends the global network: the gradient of its last rollout's loss, computed with parameters of
 * version {@code paramsVersion}, and what the rollout produced.
 */
public record A3cGradient(long paramsVersion, float[] gradient, int transitions, double[] episodeReturns,
                          int[] episodeLengths, LossTerms stats, int envRestarts) {

    /** The loss terms of the worker's gradient step. */
    public record LossTerms(double loss, double policyLoss, double valueLoss, double entropy) {
    }
}
