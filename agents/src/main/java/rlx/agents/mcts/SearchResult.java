package rlx.agents.mcts;

/**
 * The outcome of one {@link Mcts#search} or {@link MctsTree#search}.
 *
 * @param bestAction the action to play: a proven win if the solver found one, else the most visited child that is
 *     not a proven loss, ties going to the higher mean value
 * @param visitPolicy over {@code numDistinctActions}: root child visit counts normalised to sum to 1, zero on
 *     illegal actions; with a reused tree, the visits of earlier searches count too
 * @param rootValue the expected return for the player to move at the root, in [-1, 1]
 * @param simulations the simulations this search ran: the budget, or fewer if the time limit came first or the
 *     solver proved the root
 */
public record SearchResult(int bestAction, double[] visitPolicy, double rootValue, int simulations) {
}
