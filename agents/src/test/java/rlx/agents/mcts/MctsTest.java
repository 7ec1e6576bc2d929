package rlx.agents.mcts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.envs.games.TicTacToe;

class MctsTest {

    private static final TicTacToe TTT = new TicTacToe();
    private static final ConnectFour C4 = new ConnectFour();

    private static Mcts mcts(Game game, MctsConfig config, long seed) {
        Rng rng = new Rng(seed);
        return new Mcts(game, config, new RandomRolloutEvaluator(rng), rng);
    }

    /** The winner (0, 1) or -1 for a draw of MCTS playing {@code mctsPlayer} against the perfect player. */
    private static int playVsPerfect(MctsConfig config, int mctsPlayer, long seed) {
        Mcts search = mcts(TTT, config, seed);
        Rng perfectRng = new Rng(~seed);
        GameState s = TTT.newInitialState();
        while (!s.isTerminal()) {
            int a = s.currentPlayer() == mctsPlayer ? search.search(s).bestAction()
                    : PerfectTicTacToe.move(s, perfectRng);
            s = s.child(a);
        }
        return s.winner();
    }

    /*
     * The bar, for the MCTS (UCT with the solver-aware backup): 100 games per colour. Measured
     * with this harness over seeds 0-39,999 per colour: 0 losses as x, 2 as o (seeds 12104 and 16765), both the
     * trap below that plain UCT falls into more often: the far-corner answer to an edge opening, refuted by one
     * narrow line of x moves five plies deep that random rollouts rarely play. Before the solver expanded immediate
     * wins first: 4 losses as o in 10,000.
     */
    @Test
    void solverNeverLosesToAPerfectTicTacToePlayerIn200Games() {
        MctsConfig config = MctsConfig.solver(2000);
        for (int mctsPlayer = 0; mctsPlayer < 2; mctsPlayer++) {
            for (long seed = 1000; seed < 1100; seed++) {
                int winner = playVsPerfect(config, mctsPlayer, seed);
                assertNotEquals(1 - mctsPlayer, winner, "MCTS as player " + mctsPlayer + " lost with seed " + seed);
            }
        }
    }

    /*
     * Plain UCT falls into the same trap more often: without proofs its averaged values cannot see the narrow
     * refutation in 2,000 simulations (measured over seeds 0-19,999: 0 losses as x, 38 as o, the first at seed
     * 161), so 50 games per colour here, a regression test rather than the bar.
     */
    @Test
    void plainUctNeverLosesToAPerfectTicTacToePlayerIn100Games() {
        MctsConfig config = MctsConfig.of(2000);
        for (int mctsPlayer = 0; mctsPlayer < 2; mctsPlayer++) {
            for (long seed = 0; seed < 50; seed++) {
                int winner = playVsPerfect(config, mctsPlayer, seed);
                assertNotEquals(1 - mctsPlayer, winner, "MCTS as player " + mctsPlayer + " lost with seed " + seed);
            }
        }
    }

    @Test
    void solverNeverPlaysAProvenLossWhileAnotherMoveRemains() {
        // x 0 and 4 threaten 8; o has six moves and only 8 does not lose. An evaluator that calls every other move
        // a win for o makes UCT visit each of them twice (the second visit expands x's win and proves the loss)
        // while 8 keeps its single visit: after 6 + 5 simulations the most visited moves are all proven losses.
        GameState s = TTT.parse("014");
        Evaluator misleading = leaf -> leaf.history().startsWith("0148") ? new double[] {1, -1}
                : new double[] {-1, 1};
        for (long seed = 0; seed < 5; seed++) {
            SearchResult r = new Mcts(TTT, MctsConfig.solver(11), misleading, new Rng(seed)).search(s);
            assertEquals(1.0 / 11, r.visitPolicy()[8], 1e-12, Arrays.toString(r.visitPolicy()));
            assertEquals(8, r.bestAction(), "seed " + seed + " policy " + Arrays.toString(r.visitPolicy()));
        }
    }

    private static void assertBest(Game game, String position, int expected, boolean solver) {
        for (long seed = 0; seed < 5; seed++) {
            SearchResult r = mcts(game, new MctsConfig(2000, MctsConfig.DEFAULT_EXPLORATION, solver), seed)
                    .search(game.parse(position));
            assertEquals(expected, r.bestAction(), game.name() + " \"" + position + "\" solver " + solver
                    + " seed " + seed + " policy " + Arrays.toString(r.visitPolicy()));
        }
    }

    @Test
    void findsImmediateWinsAndBlocksImmediateLosses() {
        for (boolean solver : new boolean[] {false, true}) {
            // x (0, 4), o (3, 1): x completes the diagonal at 8.
            assertBest(TTT, "0341", 8, solver);
            // x at 0, 1 threatens 2; o (4) must block.
            assertBest(TTT, "041", 2, solver);
            // x's column 1 has three; x plays it again to win (action 0 is column 1).
            assertBest(C4, "121212", 0, solver);
            // x has three in column 4; o must cap it (action 3).
            assertBest(C4, "41424", 3, solver);
        }
    }

    @Test
    void solverProvesAWinAndReportsItsValue() {
        SearchResult r = mcts(TTT, new MctsConfig(2000, MctsConfig.DEFAULT_EXPLORATION, true), 1)
                .search(TTT.parse("0341"));
        assertEquals(8, r.bestAction());
        assertEquals(1.0, r.rootValue());
        // The immediate win is expanded first and proves the root: the search stops after one simulation.
        assertEquals(1, r.simulations());
        assertEquals(2000, mcts(TTT, MctsConfig.of(2000), 1).search(TTT.parse("0341")).simulations());
    }

    @Test
    void solverProvesALostPositionLost() {
        // x centre, o edge, x corner, o forced block, x fork (threats at 2 and 3): o to move loses.
        GameState s = TTT.parse("41086");
        assertEquals(-1, PerfectTicTacToe.value(s), "test position must be a loss for the side to move");
        SearchResult r = mcts(TTT, new MctsConfig(20000, MctsConfig.DEFAULT_EXPLORATION, true), 3).search(s);
        assertEquals(-1.0, r.rootValue());
    }

    @Test
    void visitPolicySumsToOneAndIsZeroOnIllegalActions() {
        for (Game game : new Game[] {TTT, C4}) {
            for (String position : game == TTT ? new String[] {"", "40", "0341"}
                    : new String[] {"", "444444", "121212"}) {
                GameState s = game.parse(position);
                SearchResult r = mcts(game, MctsConfig.of(500), 7).search(s);
                assertEquals(game.numDistinctActions(), r.visitPolicy().length);
                double sum = 0;
                for (int a = 0; a < r.visitPolicy().length; a++) {
                    assertTrue(r.visitPolicy()[a] >= 0);
                    if (!s.isLegal(a)) {
                        assertEquals(0.0, r.visitPolicy()[a], position + " action " + a);
                    }
                    sum += r.visitPolicy()[a];
                }
                assertEquals(1.0, sum, 1e-9, game.name() + " \"" + position + "\"");
                assertTrue(s.isLegal(r.bestAction()));
                assertTrue(r.rootValue() >= -1 && r.rootValue() <= 1, "rootValue " + r.rootValue());
            }
        }
    }

    @Test
    void visitsFollowUcbFromTheFirstExpansion() {
        // With 9 simulations from the empty board each child is expanded exactly once before any is revisited.
        SearchResult r = mcts(TTT, MctsConfig.of(9), 0).search(TTT.newInitialState());
        for (double p : r.visitPolicy()) {
            assertEquals(1.0 / 9, p, 1e-12);
        }
    }

    @Test
    void sameSeedSameResult() {
        GameState s = C4.parse("4435");
        SearchResult a = mcts(C4, MctsConfig.of(1000), 42).search(s);
        SearchResult b = mcts(C4, MctsConfig.of(1000), 42).search(s);
        assertEquals(a.bestAction(), b.bestAction());
        assertArrayEquals(a.visitPolicy(), b.visitPolicy());
        assertEquals(a.rootValue(), b.rootValue());
        SearchResult c = mcts(C4, MctsConfig.of(1000), 43).search(s);
        assertTrue(!Arrays.equals(a.visitPolicy(), c.visitPolicy()), "a different seed should change the visits");
    }

    @Test
    void configValidationNamesFieldAndValue() {
        assertEquals("simulations must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> MctsConfig.of(0)).getMessage());
        assertEquals("explorationConstant must be finite and >= 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> new MctsConfig(10, -0.5, false)).getMessage());
        assertEquals("explorationConstant must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new MctsConfig(10, Double.NaN, false))
                        .getMessage());
        assertEquals(Math.sqrt(2), MctsConfig.of(1).explorationConstant());
        assertEquals("timeLimitMillis must be >= 0 (0: no limit), got -1",
                assertThrows(IllegalArgumentException.class, () -> MctsConfig.of(1).withTimeLimitMillis(-1))
                        .getMessage());
        assertEquals("threads must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> MctsConfig.of(1).withThreads(0)).getMessage());
        assertEquals(new MctsConfig(7, 1.5, true, 0, 1), new MctsConfig(7, 1.5, true));
        assertEquals(new MctsConfig(7, 1.5, true, 250, 2), new MctsConfig(7, 1.5, true).withThreads(2)
                .withTimeLimitMillis(250));
    }

    @Test
    void simulationBudgetIsExact() {
        for (int budget : new int[] {1, 37, 1000}) {
            SearchResult r = mcts(C4, MctsConfig.of(budget), 3).search(C4.newInitialState());
            assertEquals(budget, r.simulations());
            double[] p = r.visitPolicy();
            for (double x : p) {
                // each count is a whole number of the budget's simulations
                assertEquals(Math.rint(x * budget), x * budget, 1e-6);
            }
        }
    }

    @Test
    void timeBudgetStopsTheSearch() {
        // simulations unbounded: the clock decides
        MctsConfig timed = MctsConfig.of(Integer.MAX_VALUE).withTimeLimitMillis(150);
        long start = System.nanoTime();
        SearchResult r = mcts(C4, timed, 4).search(C4.newInitialState());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.15 && seconds < 3, "took " + seconds + " s");
        assertTrue(r.simulations() > 100 && r.simulations() < Integer.MAX_VALUE, "simulations " + r.simulations());
        assertTrue(C4.newInitialState().isLegal(r.bestAction()));
    }

    @Test
    void whicheverBudgetComesFirstStopsTheSearch() {
        // the simulations first: a minute's limit does not make 300 simulations take long
        long start = System.nanoTime();
        SearchResult r = mcts(C4, MctsConfig.of(300).withTimeLimitMillis(60_000), 5).search(C4.newInitialState());
        assertEquals(300, r.simulations());
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        // the clock first: a 1 ms limit on a billion simulations still runs at least one and plays a legal move
        r = mcts(C4, MctsConfig.of(1_000_000_000).withTimeLimitMillis(1), 5).search(C4.newInitialState());
        assertTrue(r.simulations() >= 1 && r.simulations() < 1_000_000_000, "simulations " + r.simulations());
        assertTrue(C4.newInitialState().isLegal(r.bestAction()));
    }

    @Test
    void terminalRootIsRejected() {
        GameState over = TTT.parse("03142");
        assertEquals("cannot search a terminal state: 03142",
                assertThrows(IllegalArgumentException.class, () -> mcts(TTT, MctsConfig.of(10), 0).search(over))
                        .getMessage());
    }

    @Test
    void solverProvesADrawnPositionDrawn() {
        // x 4, o 0, x 8, o 2, x 1, o 7, x 3: o must block at 5, and the rest is forced to a draw.
        GameState s = TTT.parse("4082173");
        assertEquals(0, PerfectTicTacToe.value(s), "test position must be a draw");
        SearchResult r = mcts(TTT, new MctsConfig(2000, MctsConfig.DEFAULT_EXPLORATION, true), 5).search(s);
        assertEquals(0.0, r.rootValue());
        assertEquals(5, r.bestAction());
    }

    @Test
    void leavesAreScoredByTheGivenEvaluator() {
        // An evaluator that says player 0 always wins makes o indifferent and x love every move; the values reach
        // the root unchanged and each non-terminal leaf costs exactly one call.
        int[] calls = {0};
        Evaluator xWins = leaf -> {
            calls[0]++;
            return new double[] {1, -1};
        };
        SearchResult r = new Mcts(TTT, MctsConfig.of(100), xWins, new Rng(0)).search(TTT.newInitialState());
        assertEquals(1.0, r.rootValue());
        assertEquals(100, calls[0]);
        r = new Mcts(TTT, MctsConfig.of(100), xWins, new Rng(0)).search(TTT.parse("4"));
        assertEquals(-1.0, r.rootValue());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"othello", "go9", "gomoku"})
    void searchesGamesWithMoreThan64Actions(String name) {
        rlx.envs.games.Game game = rlx.envs.games.GameRegistry.byName(name);
        Rng rng = new Rng(5);
        rlx.envs.games.GameState s = game.newInitialState();
        // a few moves of self-play: every chosen move is legal and the visit policy covers only legal moves
        for (int ply = 0; ply < 4; ply++) {
            SearchResult r = new Mcts(game, MctsConfig.of(60), new RandomRolloutEvaluator(rng), rng).search(s);
            assertTrue(s.isLegal(r.bestAction()), name + ": " + r.bestAction());
            for (int a = 0; a < r.visitPolicy().length; a++) {
                if (r.visitPolicy()[a] > 0) {
                    assertTrue(s.isLegal(a), name + " visits illegal action " + a);
                }
            }
            s = s.child(r.bestAction());
        }
    }
}
