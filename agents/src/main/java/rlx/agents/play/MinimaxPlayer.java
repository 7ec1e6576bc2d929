package rlx.agents.play;

import java.util.Arrays;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;
import rlx.envs.games.Gomoku;
import rlx.envs.games.Othello;
import rlx.envs.games.TicTacToe;

/**
 * Depth-limited negamax with alpha-beta pruning. Terminal states score {@code +-(WIN - ply)}, so the player takes
 * the quickest win and delays a loss the longest (the convention of the Connect Four reference scores); states at
 * the depth limit get the {@link Heuristic}. With a depth covering the whole game (tic-tac-toe's default) it plays
 * perfectly. Among root moves of equal value it picks uniformly at random, so that matches between deterministic
 * players do not repeat one game.
 */
public final class MinimaxPlayer implements Player {

    static final double WIN = 1e9;

    private final int depth;
    private final Heuristic heuristic;
    private final Rng rng;

    public MinimaxPlayer(int depth, Heuristic heuristic, Rng rng) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        this.depth = depth;
        this.heuristic = heuristic;
        this.rng = rng;
    }

    /**
     * The depth of plain {@code minimax}: the whole game for tic-tac-toe (perfect play), else what searches a move
     * in about a second or less on one core with this simple move ordering.
     */
    public static int defaultDepth(Game game) {
        if (game instanceof TicTacToe) {
            return game.maxGameLength();
        }
        if (game instanceof ConnectFour) {
            return 6;
        }
        if (game instanceof Othello) {
            return 4;
        }
        if (game instanceof Gomoku || game instanceof Go) {
            return 2;
        }
        return 4;
    }

    public int depth() {
        return depth;
    }

    @Override
    public int chooseAction(GameState state) {
        int[] legal = state.legalActions().clone(); // ordered() reorders it
        if (legal.length == 1) {
            return legal[0];
        }
        int player = state.currentPlayer();
        GameState[] children = ordered(state, legal);
        double best = Double.NEGATIVE_INFINITY;
        int[] ties = new int[legal.length];
        int tieCount = 0;
        for (int i = 0; i < legal.length; i++) {
            // The window starts one double below the best so far: a move that fails low (v <= alpha) is worse, and
            // any other value is exact, so equal values are true ties. (best - epsilon would round to best at 1e9.)
            double alpha = Math.nextDown(best);
            double v = -negamax(children[i], depth - 1, 1, Double.NEGATIVE_INFINITY, -alpha, 1 - player);
            if (v > best) {
                best = v;
                tieCount = 0;
            }
            if (v == best) {
                ties[tieCount++] = legal[i];
            }
        }
        return ties[rng.nextInt(tieCount)];
    }

    /**
     * The value of {@code s} for {@code player}, its side to move (players alternate with every action in these
     * games: Othello's forced pass and Go's pass are actions).
     */
    private double negamax(GameState s, int remaining, int ply, double alpha, double beta, int player) {
        if (s.isTerminal()) {
            return s.returns()[player] * (WIN - ply);
        }
        if (remaining == 0) {
            return heuristic.evaluate(s);
        }
        int[] legal = s.legalActions();
        GameState[] children = remaining >= 2 ? ordered(s, legal) : children(s, legal);
        double best = Double.NEGATIVE_INFINITY;
        for (GameState child : children) {
            double v = -negamax(child, remaining - 1, ply + 1, -beta, -alpha, 1 - player);
            if (v > best) {
                best = v;
                if (v > alpha) {
                    alpha = v;
                    if (alpha >= beta) {
                        break;
                    }
                }
            }
        }
        return best;
    }

    private static GameState[] children(GameState s, int[] legal) {
        GameState[] out = new GameState[legal.length];
        for (int i = 0; i < legal.length; i++) {
            out[i] = s.child(legal[i]);
        }
        return out;
    }

    /**
     * The children best-first by a one-ply look (wins, then the heuristic from the mover's side), reordering
     * {@code legal} to match: alpha-beta prunes most when the best move comes first.
     */
    private GameState[] ordered(GameState s, int[] legal) {
        int n = legal.length;
        GameState[] kids = children(s, legal);
        int mover = s.currentPlayer();
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            GameState k = kids[i];
            key[i] = k.isTerminal() ? k.returns()[mover] * WIN : -heuristic.evaluate(k);
        }
        Arrays.sort(order, (x, y) -> Double.compare(key[y], key[x]));
        GameState[] out = new GameState[n];
        int[] actions = legal.clone();
        for (int i = 0; i < n; i++) {
            out[i] = kids[order[i]];
            legal[i] = actions[order[i]];
        }
        return out;
    }
}
