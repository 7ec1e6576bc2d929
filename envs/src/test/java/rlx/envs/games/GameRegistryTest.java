package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GameRegistryTest {

    @Test
    void findsGamesByShortAndOpenSpielNames() {
        assertInstanceOf(ConnectFour.class, GameRegistry.byName("connect4"));
        assertInstanceOf(ConnectFour.class, GameRegistry.byName("connect_four"));
        assertInstanceOf(TicTacToe.class, GameRegistry.byName("tictactoe"));
        assertInstanceOf(TicTacToe.class, GameRegistry.byName("tic_tac_toe"));
        assertInstanceOf(Gomoku.class, GameRegistry.byName("gomoku"));
        assertInstanceOf(Othello.class, GameRegistry.byName("othello"));
        assertInstanceOf(Go.class, GameRegistry.byName("go9"));
        assertInstanceOf(Go.class, GameRegistry.byName("go"));
        assertEquals(java.util.List.of("tictactoe", "connect4", "gomoku", "othello", "go9"), GameRegistry.names());
    }

    @Test
    void registeredGamesHaveTheirStandardSizes() {
        assertEquals(15, ((Gomoku) GameRegistry.byName("gomoku")).size());
        assertEquals(225, GameRegistry.byName("gomoku").numDistinctActions());
        assertEquals(65, GameRegistry.byName("othello").numDistinctActions());
        Go go = (Go) GameRegistry.byName("go9");
        assertEquals(9, go.size());
        assertEquals(7.5, go.komi());
        assertEquals(82, go.numDistinctActions());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GameRegistry.byName("chess"));
        assertTrue(e.getMessage().contains("'chess'") && e.getMessage().contains("connect4"), e.getMessage());
        assertTrue(e.getMessage().contains("go9"), e.getMessage());
    }
}
