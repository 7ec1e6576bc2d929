package rlx.agents.mcts;

import rlx.envs.core.Rng;
import rlx.envs.games.GameState;

/**
 * The evaluator of plain UCT (Kocsis and Szepesvari 2006): plays uniformly random legal moves to the end of the
 * game and returns the terminal returns.
 */
public final class RandomRolloutEvaluator implements Evaluator {

    private final Rng rng;
    /** Whether states expose a 64-bit legal-action mask (games of at most 64 actions): the fast path. */
    private Boolean masks;
    private int[] legal = new int[64];

    /** Pass the searcher's own {@link Rng} so that one seed fixes the whole search. */
    public RandomRolloutEvaluator(Rng rng) {
        this.rng = rng;
    }

    @Override
    public double[] evaluate(GameState leaf) {
        GameState s = leaf;
        if (masks == null) {
            masks = hasMask(s);
        }
        while (!s.isTerminal()) {
            s = s.child(masks ? randomAction(s.legalActionMask(), rng) : randomListed(s));
        }
        return s.returns();
    }

    private static boolean hasMask(GameState s) {
        try {
            s.legalActionMask();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private int randomListed(GameState s) {
        int n = s.numLegalActions();
        if (n > legal.length) {
            legal = new int[Math.max(n, legal.length * 2)];
        }
        s.legalActions(legal);
        return legal[rng.nextInt(n)];
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
