package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

/** The forms of the legal actions agree with each other in every game, small or large. */
class GameStateApiTest {

    private static final List<Game> GAMES = List.of(new TicTacToe(), new ConnectFour(), new Gomoku(9),
            new Othello(), new Go(5, 0.5));

    @Test
    void everyFormOfTheLegalActionsAgreesOverRandomPlay() {
        Rng rng = new Rng(31);
        for (Game game : GAMES) {
            int actions = game.numDistinctActions();
            int[] buf = new int[actions];
            for (int g = 0; g < 30; g++) {
                GameState s = game.newInitialState();
                while (true) {
                    int[] legal = s.legalActions();
                    assertEquals(legal.length, s.legalActions(buf), game.name() + " " + s.history());
                    assertArrayEquals(legal, java.util.Arrays.copyOf(buf, legal.length));
                    assertEquals(legal.length, s.numLegalActions());
                    BitSet set = s.legalActionSet();
                    assertEquals(legal.length, set.cardinality());
                    for (int a = -1; a <= actions; a++) {
                        boolean isLegal = s.isLegal(a);
                        assertEquals(a >= 0 && set.get(a), isLegal, game.name() + " " + s.history() + " " + a);
                    }
                    if (actions <= 64) {
                        long mask = 0;
                        for (int a : legal) {
                            mask |= 1L << a;
                        }
                        assertEquals(mask, s.legalActionMask());
                    } else {
                        assertThrows(UnsupportedOperationException.class, s::legalActionMask);
                    }
                    for (int i = 1; i < legal.length; i++) {
                        assertTrue(legal[i - 1] < legal[i], "increasing");
                    }
                    if (s.isTerminal()) {
                        assertEquals(0, legal.length);
                        break;
                    }
                    assertTrue(legal.length > 0);
                    s = s.child(legal[rng.nextInt(legal.length)]);
                }
            }
        }
    }
}
