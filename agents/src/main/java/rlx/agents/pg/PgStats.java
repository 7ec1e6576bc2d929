package rlx.agents.pg;

/**
 * What one update reported, averaged over its gradient steps.
 *
 * @param explainedVariance {@code 1 - Var(returns - values) / Var(returns)} of the rollout's value estimates
 */
public record PgStats(double loss, double policyLoss, double valueLoss, double entropy, double approxKl,
                      double clipFraction, double explainedVariance, double gradNorm, double learningRate) {
}
