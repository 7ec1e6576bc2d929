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

    @Test
    void selfPlayRecordsVisitTargetsAndResultsFromTheMoversSide() {
        Game game = new ConnectFour();
        PuctConfig config = new PuctConfig(40, 1.5, 1.0, 0.25, 1);
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
