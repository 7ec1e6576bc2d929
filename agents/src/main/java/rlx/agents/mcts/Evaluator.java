package rlx.agents.mcts;

import rlx.envs.games.GameState;

/**
 * Scores a leaf of the search tree, the seam between {@link Mcts} and whatever estimates values: a random rollout
 * as in UCT (Kocsis and Szepesvari 2006) now, a value network later.
 */
@FunctionalInterface
public interface Evaluator {

    /**
     * A value estimate in [-1, 1] for each player at {@code leaf}, indexed by player; for a terminal leaf, its
     * {@link GameState#returns()}.
     */
    double[] evaluate(GameState leaf);
}
