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
        assertEquals(java.util.List.of("tictactoe", "connect4"), GameRegistry.names());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GameRegistry.byName("chess"));
        assertTrue(e.getMessage().contains("'chess'") && e.getMessage().contains("connect4"), e.getMessage());
    }
}
