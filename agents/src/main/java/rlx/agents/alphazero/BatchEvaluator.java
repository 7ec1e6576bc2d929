package rlx.agents.alphazero;

/**
 * Scores a batch of positions at once, as {@link rlx.networks.pv.PolicyValueNetwork#evaluate} does: one call for
 * many leaves is where a network-guided search gets its speed, as the fixed cost of a forward pass dominates.
 */
@FunctionalInterface
public interface BatchEvaluator {

    /**
     * @param boards {@code n} observation tensors back to back
     * @param policy receives {@code n} rows of move probabilities over all distinct actions
     * @param values receives {@code n} values in [-1, 1] for the side to move
     */
    void evaluate(float[] boards, int n, float[] policy, float[] values);
}
