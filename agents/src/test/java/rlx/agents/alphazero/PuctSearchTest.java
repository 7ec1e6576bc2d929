package rlx.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

class PuctSearchTest {

    /** Uniform priors and a value that depends on the board, so that the search has something to follow. */
    static BatchEvaluator fakeNetwork(Game game) {
        int obs = game.observationSize();
        int actions = game.numDistinctActions();
        return (boards, n, policy, values) -> {
            for (int r = 0; r < n; r++) {
                double v = 0;
                for (int i = 0; i < obs / 2; i++) {
                    v += (boards[r * obs + i] - boards[r * obs + obs / 2 + i]) * ((i % 7) - 3) * 0.05;
                }
                values[r] = (float) Math.tanh(v);
                for (int a = 0; a < actions; a++) {
                    policy[r * actions + a] = 1f / actions;
                }
            }
        };
    }

    private static final PuctConfig EXACT = new PuctConfig(300, 1.5, 1.0, 0, 1);

    @Test
    void searchingManyPositionsInOneBatchSearchesEachAsAlone() {
        Game game = new ConnectFour();
        List<GameState> states = List.of(game.parse("4"), game.parse("44"), game.parse("4453"), game.parse(""),
                game.parse("1234567"));
        BatchEvaluator net = fakeNetwork(game);
        int[][] together = new BatchedSearch(game, 0).searchVisits(states, EXACT, net, new Rng(1));
        int[][] cachedTogether = new BatchedSearch(game, 10_000).searchVisits(states, EXACT, net, new Rng(1));
        for (int i = 0; i < states.size(); i++) {
            int[] alone = new BatchedSearch(game, 0).searchVisits(List.of(states.get(i)), EXACT, net, new Rng(1))[0];
            assertArrayEquals(alone, together[i], states.get(i).history());
            assertArrayEquals(alone, cachedTogether[i], states.get(i).history());
            assertEquals(EXACT.simulations(), java.util.Arrays.stream(alone).sum());
        }
    }

    @Test
    void findsAnImmediateWinAndBlocksOneWithVirtualLossBatches() {
        Game c4 = new ConnectFour();
        BatchEvaluator net = fakeNetwork(c4);
        BatchedSearch search = new BatchedSearch(c4, 10_000);
        PuctConfig batched = EXACT.withLeavesPerTree(8);
        // x has 4, 5, 6 on the bottom row: columns 3 and 7 win
        int win = VisitPolicy.mostVisited(search.searchVisits(List.of(c4.parse("445566")), batched, net,
                new Rng(2))[0]);
        assertTrue(win == 2 || win == 6, "chose column " + (win + 1));
        // o to move must stop x's three in column 1
        int block = VisitPolicy.mostVisited(search.searchVisits(List.of(c4.parse("12131")), batched, net,
                new Rng(2))[0]);
        assertEquals(0, block, "chose column " + (block + 1));
    }

    /** Priors almost all on column 7 and a value of 0 everywhere: a network that knows nothing and misleads. */
    static BatchEvaluator misleadingNetwork(Game game) {
        int actions = game.numDistinctActions();
        return (boards, n, policy, values) -> {
            for (int r = 0; r < n; r++) {
                values[r] = 0;
                for (int a = 0; a < actions; a++) {
                    policy[r * actions + a] = a == 6 ? 0.94f : 0.01f;
                }
            }
        };
    }

    private static final PuctConfig SOLVER = new PuctConfig(300, 1.5, 1.0, 0, 1, true);

    private static int[] visits(Game game, String position, PuctConfig config, BatchEvaluator net) {
        return new BatchedSearch(game, 0).searchVisits(List.of(game.parse(position)), config, net, new Rng(4))[0];
    }

    @Test
    void theSolverPlaysAWinFoundAtExpansionAndStops() {
        Game c4 = new ConnectFour();
        // x has 4, 5, 6 on the bottom row: columns 3 and 7 win at once, and the root is proven on its expansion
        int[] v = visits(c4, "445566", SOLVER, misleadingNetwork(c4));
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 0, 1}, v);
    }

    @Test
    void theSolverNeverPlaysAProvenLossWhereTheNetworkWantsIt() {
        Game c4 = new ConnectFour();
        // x has three in column 1; o must block there, every other move loses on the spot
        BatchEvaluator net = misleadingNetwork(c4);
        int[] plain = visits(c4, "12131", EXACT.withSimulations(20), net);
        assertEquals(6, VisitPolicy.mostVisited(plain), "without the solver 20 simulations follow the prior");
        for (PuctConfig config : List.of(SOLVER.withSimulations(20), SOLVER.withLeavesPerTree(8))) {
            int[] v = visits(c4, "12131", config, net);
            assertEquals(0, VisitPolicy.mostVisited(v));
            for (int a = 1; a < 7; a++) {
                assertEquals(0, v[a], "proven losses get no visits in the target, column " + (a + 1));
            }
        }
    }

    @Test
    void aProvenLostRootStillNamesAMove() {
        Game c4 = new ConnectFour();
        // x has 4, 5, 6 on the bottom row and o to move: 3 and 7 cannot both be blocked
        GameState lost = c4.parse("44556");
        BatchedSearch search = new BatchedSearch(c4, 0);
        PuctTree tree = new PuctTree(lost, SOLVER, new Rng(1));
        search.run(List.of(tree), SOLVER, misleadingNetwork(c4));
        assertTrue(tree.rootProven(), "every move of o lets x win at once");
        assertEquals(-1.0, tree.rootProvenReturn(), 0.0);
        int[] v = tree.rootVisits(7);
        for (int a = 0; a < 7; a++) {
            assertTrue(v[a] >= 1, "a lost root keeps every move, column " + (a + 1));
        }
        assertTrue(java.util.Arrays.stream(v).sum() < SOLVER.simulations(), "a proven root stops its search");
    }

    @Test
    void selfPlayRecordsVisitTargetsAndResultsFromTheMoversSide() {
        assertSelfPlayRecords(new PuctConfig(40, 1.5, 1.0, 0.25, 1));
    }

    @Test
    void selfPlayWithTheSolverRecordsLegalTargets() {
        assertSelfPlayRecords(new PuctConfig(40, 1.5, 1.0, 0.25, 4, true));
    }

    @Test
    void aQTargetWeightMixesTheRootValueIntoTheResult() {
        Game game = new ConnectFour();
        PuctConfig config = new PuctConfig(40, 1.5, 1.0, 0.25, 1, true);
        List<SelfPlayGame> plain = new SelfPlay(game, config, 4, 3, 0, new Rng(7), new BatchedSearch(game, 1000))
                .play(6, fakeNetwork(game));
        List<SelfPlayGame> mixed = new SelfPlay(game, config, 4, 3, 0.5, new Rng(7), new BatchedSearch(game, 1000))
                .play(6, fakeNetwork(game));
        int differing = 0;
        for (int g = 0; g < plain.size(); g++) {
            assertEquals(plain.get(g).history(), mixed.get(g).history(), "the weight changes targets, not play");
            for (int i = 0; i < plain.get(g).length(); i++) {
                float z = plain.get(g).positions().get(i).value();
                float v = mixed.get(g).positions().get(i).value();
                assertTrue(Math.abs(v - 0.5f * z) <= 0.5f + 1e-6, "q lies in [-1, 1]: " + v + " for z = " + z);
                differing += v != z ? 1 : 0;
            }
            // the last move of a decided game is found by the solver: q is the result there
            int last = plain.get(g).length() - 1;
            if (plain.get(g).winner() >= 0) {
                assertEquals(plain.get(g).positions().get(last).value(), mixed.get(g).positions().get(last).value(),
                        1e-6, "a proven win at the root has q = z");
            }
        }
        assertTrue(differing > 0, "q differs from z somewhere");
    }

    private static void assertSelfPlayRecords(PuctConfig config) {
        Game game = new ConnectFour();
        List<SelfPlayGame> games = new SelfPlay(game, config, 4, 3, new Rng(7), new BatchedSearch(game, 1000))
                .play(9, fakeNetwork(game));
        assertEquals(9, games.size());
        for (SelfPlayGame g : games) {
            GameState s = game.parse(g.history());
            assertTrue(s.isTerminal(), g.history());
            assertEquals(s.winner(), g.winner());
            assertEquals(s.moveCount(), g.length());
            GameState replay = game.newInitialState();
            for (int i = 0; i < g.length(); i++) {
                TrainingPosition p = g.positions().get(i);
                float[] obs = new float[game.observationSize()];
                replay.observationTensor(obs, 0);
                assertArrayEquals(obs, p.observation());
                double sum = 0;
                for (int a = 0; a < p.policy().length; a++) {
                    sum += p.policy()[a];
                    if (!replay.isLegal(a)) {
                        assertEquals(0f, p.policy()[a], "illegal move with visits in " + replay.history());
                    }
                }
                assertEquals(1.0, sum, 1e-5);
                double expected = s.winner() < 0 ? 0 : s.winner() == replay.currentPlayer() ? 1 : -1;
                assertEquals(expected, p.value(), 0.0);
                int played = g.history().charAt(i) - '1';
                replay = replay.child(played);
            }
        }
    }

    @Test
    void selfPlayIsReproducibleFromItsSeed() {
        Game game = new ConnectFour();
        PuctConfig config = new PuctConfig(30, 1.5, 1.0, 0.25, 2);
        List<String> first = histories(game, config, 11);
        assertEquals(first, histories(game, config, 11));
        assertTrue(!first.equals(histories(game, config, 12)), "another seed, other games");
    }

    private static List<String> histories(Game game, PuctConfig config, long seed) {
        List<String> out = new ArrayList<>();
        for (SelfPlayGame g : new SelfPlay(game, config, 3, 6, new Rng(seed), new BatchedSearch(game, 1000))
                .play(5, fakeNetwork(game))) {
            out.add(g.history());
        }
        return out;
    }

    @Test
    void dirichletSamplesLieOnTheSimplex() {
        Rng rng = new Rng(3);
        double meanFirst = 0;
        for (int k = 0; k < 2000; k++) {
            double[] x = Dirichlet.sample(rng, 0.3, 5);
            double sum = 0;
            for (double v : x) {
                assertTrue(v >= 0);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-9);
            meanFirst += x[0] / 2000;
        }
        assertEquals(0.2, meanFirst, 0.03); // symmetric: each component has mean 1/k
    }
}
