package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

/**
 * A symmetry maps a game onto itself: playing the mapped moves reaches the mapped board, with the mapped legal moves
 * and the same result.
 */
class BoardSymmetryTest {

    @Test
    void mappedMovesReachMappedBoardsInEveryGame() {
        Rng rng = new Rng(5);
        for (Game game : List.of(new TicTacToe(), new ConnectFour(), new Gomoku(7), new Othello(), new Go(5, 0.5))) {
            int planes = game.observationShape()[0];
            GameState initial = game.newInitialState();
            for (BoardSymmetry sym : game.symmetries()) {
                if (!fixes(sym, initial, game, planes)) {
                    continue; // Othello's start is fixed by only half of the board's symmetries
                }
                for (int g = 0; g < 10; g++) {
                    GameState s = initial;
                    GameState t = initial;
                    while (!s.isTerminal()) {
                        assertArrayEquals(mapped(sym, s, game, planes), observation(t, game),
                                game.name() + " " + s.history() + " vs " + t.history());
                        List<Integer> legal = new ArrayList<>();
                        for (int a : s.legalActions()) {
                            legal.add(sym.actions()[a]);
                        }
                        legal.sort(null);
                        assertEquals(legal, java.util.Arrays.stream(t.legalActions()).boxed().toList());
                        int[] moves = s.legalActions();
                        int a = moves[rng.nextInt(moves.length)];
                        s = s.child(a);
                        t = t.child(sym.actions()[a]);
                    }
                    assertArrayEquals(s.returns(), t.returns(), 0.0);
                }
            }
        }
    }

    @Test
    void gamesListTheirSymmetriesIdentityFirst() {
        assertEquals(8, new TicTacToe().symmetries().size());
        assertEquals(2, new ConnectFour().symmetries().size());
        assertEquals(8, new Othello().symmetries().size());
        for (Game game : List.of(new TicTacToe(), new ConnectFour(), new Othello(), new Go(9, 7.5))) {
            BoardSymmetry id = game.symmetries().get(0);
            for (int a = 0; a < game.numDistinctActions(); a++) {
                assertEquals(a, id.actions()[a]);
            }
        }
        // the mirror of Connect Four's column 1 is column 7
        assertEquals(6, new ConnectFour().symmetries().get(1).actions()[0]);
    }

    @Test
    void aPermutationIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new BoardSymmetry(new int[] {0, 0}, new int[] {0}));
    }

    private static boolean fixes(BoardSymmetry sym, GameState s, Game game, int planes) {
        return java.util.Arrays.equals(mapped(sym, s, game, planes), observation(s, game));
    }

    private static float[] observation(GameState s, Game game) {
        float[] out = new float[game.observationSize()];
        s.observationTensor(out, 0);
        return out;
    }

    private static float[] mapped(BoardSymmetry sym, GameState s, Game game, int planes) {
        float[] out = new float[game.observationSize()];
        sym.applyToObservation(observation(s, game), out, planes);
        return out;
    }
}
