package rlx.agents.mcts;

/**
 * The outcome of one {@link Mcts#search}.
 *
 * @param bestAction the action to play: a proven win if the solver found one, else the most visited child
 * @param visitPolicy over {@code numDistinctActions}: root child visit counts normalised to sum to 1, zero on
 *     illegal actions
 * @param rootValue the expected return for the player to move at the root, in [-1, 1]
 */
public record SearchResult(int bestAction, double[] visitPolicy, double rootValue) {
}
