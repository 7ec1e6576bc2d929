package rlx.agents.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.TicTacToe;

class PlayoutBenchmarkTest {

    @Test
    void countsPlayouts() {
        long start = System.nanoTime();
        long n = PlayoutBenchmark.randomPlayouts(new ConnectFour(), 1, 0.2);
        double elapsed = (System.nanoTime() - start) / 1e9;
        assertTrue(n > 0, "playouts " + n);
        assertTrue(elapsed >= 0.2 && elapsed < 5, "took " + elapsed + " s");
        assertTrue(PlayoutBenchmark.randomPlayouts(new TicTacToe(), 1, 0.05) > 0);
    }

    @Test
    void rejectsNonPositiveDurations() {
        assertEquals("seconds must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> PlayoutBenchmark.randomPlayouts(new TicTacToe(), 1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PlayoutBenchmark.randomPlayouts(new TicTacToe(), 1, Double.NaN));
    }
}
