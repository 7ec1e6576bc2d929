package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;
import rlx.envs.games.TicTacToe;

class ArenaTest {

    private static final TicTacToe TTT = new TicTacToe();

    /** Plays the lowest legal action: deterministic, so the outcome of each seat pairing is known. */
    static final class FirstLegal implements Player {
        int resets;
        int observed;

        @Override
        public int chooseAction(GameState state) {
            return state.legalActions()[0];
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void observeOpponentMove(GameState before, int action) {
            observed++;
        }
    }

    @Test
    void coloursAlternateAndTheFirstMoverWinsBetweenIdenticalPlayers() {
        // first-legal vs first-legal on tic-tac-toe: 0,1,2,3,4,5,6: the first player wins on the diagonal 2-4-6
        FirstLegal a = new FirstLegal();
        FirstLegal b = new FirstLegal();
        List<Arena.GameRecord> games = new ArrayList<>();
        ArenaResult r = Arena.play(TTT, a, b, 5, games::add);
        assertEquals(new ArenaResult(3, 0, 2), r);
        for (Arena.GameRecord g : games) {
            assertEquals(g.index() % 2 == 0, g.aFirst());
            assertEquals(g.aFirst() ? Arena.Outcome.A_WINS : Arena.Outcome.B_WINS, g.outcome());
            assertEquals("0123456", g.history());
            assertEquals(7, g.moves());
        }
        assertEquals(5, a.resets, "reset before every game");
        // B plays 3 moves of 7 when second (games 0, 2, 4) and 4 when first (games 1, 3)
        assertEquals(3 * 3 + 2 * 4, a.observed, "A is told every move B makes");
        assertEquals(0.6, r.score(), 1e-12);
    }

    @Test
    void scoreCountsADrawAsHalf() {
        ArenaResult r = new ArenaResult(3, 4, 1);
        assertEquals(8, r.games());
        assertEquals(5.0 / 8, r.score(), 1e-12);
    }

    @Test
    void wilsonIntervalMatchesKnownValues() {
        // n = 10, p = 0.5: 0.5 -+ 0.2634 (Wilson 1927; e.g. statsmodels proportion_confint(5, 10, method="wilson"))
        ArenaResult.Interval half = new ArenaResult(5, 0, 5).ci95();
        assertEquals(0.2366, half.low(), 1e-4);
        assertEquals(0.7634, half.high(), 1e-4);
        // a clean sweep is not a certainty: 10/10 gives [0.7225, 1]
        ArenaResult.Interval sweep = new ArenaResult(10, 0, 0).ci95();
        assertEquals(0.7225, sweep.low(), 1e-4);
        assertEquals(1.0, sweep.high(), 1e-12);
        ArenaResult.Interval drawn = new ArenaResult(0, 10, 0).ci95();
        assertEquals(half, drawn, "draws count as half a win");
    }

    @Test
    void aResignationLosesAndIsKeptInGoHistory() {
        Go go = new Go();
        Player resigner = state -> Player.RESIGN;
        Player passer = state -> go.passAction();
        Arena.GameRecord first = Arena.playOne(go, passer, resigner, 0); // A (passer) moves first, B resigns
        assertEquals(Arena.Outcome.A_WINS, first.outcome());
        assertEquals("pass resign", first.history());
        Arena.GameRecord second = Arena.playOne(go, resigner, passer, 0);
        assertEquals(Arena.Outcome.B_WINS, second.outcome());
        assertEquals("resign", second.history());
    }

    @Test
    void anIllegalMoveStopsTheMatchNamingThePlayer() {
        Player cheat = state -> 4;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Arena.play(TTT, new FirstLegal(), cheat, 2, g -> { }));
        assertTrue(e.getMessage().contains("player B chose illegal action 4"), e.getMessage());
    }

    @Test
    void mctsBeatsRandomAtConnectFour() {
        ConnectFour c4 = new ConnectFour();
        ArenaResult r = Arena.play(c4, PlayerSpecs.parse("mcts:sims=200", c4, 1), new RandomPlayer(new Rng(2)), 6,
                g -> { });
        assertTrue(r.aWins() >= 5, r.toString());
    }
}
