package rlx.agents.play;

import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;
import rlx.envs.games.Gomoku;
import rlx.envs.games.Othello;
import rlx.envs.games.TicTacToe;

/**
 * A static evaluation for depth-limited search: how good a non-terminal state is for its side to move, higher is
 * better, zero for even. Only the order of values matters; they must stay far below {@link MinimaxPlayer}'s win
 * value (1e9) so that any proven win outranks any heuristic.
 */
@FunctionalInterface
public interface Heuristic {

    double evaluate(GameState state);

    /**
     * The heuristic {@link MinimaxPlayer} uses for {@code game}: open lines for the k-in-a-row games, discs,
     * corners and mobility for Othello, area score for Go, stone count for anything else. Instances keep a scratch
     * buffer: one per player.
     */
    static Heuristic forGame(Game game) {
        if (game instanceof TicTacToe) {
            return new LinesHeuristic(3, 3, 3);
        }
        if (game instanceof ConnectFour) {
            int[] shape = game.observationShape();
            return new LinesHeuristic(shape[1], shape[2], 4);
        }
        if (game instanceof Gomoku g) {
            return new LinesHeuristic(g.size(), g.size(), 5);
        }
        if (game instanceof Othello) {
            return new OthelloHeuristic();
        }
        if (game instanceof Go) {
            return new GoAreaHeuristic();
        }
        return new MaterialHeuristic(game);
    }
}
