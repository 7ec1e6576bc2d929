package rlx.agents.mcts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import rlx.envs.core.Rng;
import rlx.envs.games.GameState;

/** Perfect tic-tac-toe play by negamax, the opponent of the tests' games. */
final class PerfectTicTacToe {

    // Memoised because the full tree has 550k nodes; synchronized as tests may run in parallel.
    private static final Map<GameState, Integer> VALUES = new HashMap<>();

    private PerfectTicTacToe() {
    }

    /** Game-theoretic value for the side to move: +1 win, 0 draw, -1 loss. */
    static synchronized int value(GameState s) {
        if (s.isTerminal()) {
            return s.winner() < 0 ? 0 : -1;
        }
        Integer cached = VALUES.get(s);
        if (cached != null) {
            return cached;
        }
        int best = -2;
        for (int a : s.legalActions()) {
            best = Math.max(best, -value(s.child(a)));
        }
        VALUES.put(s, best);
        return best;
    }

    /** A uniformly random optimal move, so that the games differ. */
    static int move(GameState s, Rng rng) {
        int v = value(s);
        int[] best = Arrays.stream(s.legalActions()).filter(a -> -value(s.child(a)) == v).toArray();
        return best[rng.nextInt(best.length)];
    }
}
