package rlx.agents.mcts;

import rlx.envs.core.Rng;
import rlx.envs.games.GameState;

/**
 * The evaluator of plain UCT (Kocsis and Szepesvari 2006): plays uniformly random legal moves to the end of the
 * game and returns the terminal returns.
 */
public final class RandomRolloutEvaluator implements Evaluator {

    private final Rng rng;

    /** Pass the searcher's own {@link Rng} so that one seed fixes the whole search. */
    public RandomRolloutEvaluator(Rng rng) {
        this.rng = rng;
    }

    @Override
    public double[] evaluate(GameState leaf) {
        GameState s = leaf;
        while (!s.isTerminal()) {
            s = s.child(randomAction(s.legalActionMask(), rng));
        }
        return s.returns();
    }

    /** A uniformly random set bit of {@code mask}, which must be non-zero. */
    static int randomAction(long mask, Rng rng) {
        int k = rng.nextInt(Long.bitCount(mask));
        for (int i = 0; i < k; i++) {
            mask &= mask - 1;
        }
        return Long.numberOfTrailingZeros(mask);
    }
}
