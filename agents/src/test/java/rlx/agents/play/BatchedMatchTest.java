package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.alphazero.BatchEvaluator;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.PuctConfig;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.TicTacToe;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.pv.PolicyValueConfig;
import rlx.networks.pv.PolicyValueNetwork;

class BatchedMatchTest {

    /** Uniform priors, value 0: the search sees only terminal results. */
    private static BatchEvaluator uniform(Game game) {
        int actions = game.numDistinctActions();
        return (boards, n, policy, values) -> {
            java.util.Arrays.fill(policy, 0, n * actions, 1f / actions);
            java.util.Arrays.fill(values, 0, n, 0f);
        };
    }

    @Test
    void allGamesRunTogetherWithColoursAlternatingAndAreTallied() {
        Game game = new TicTacToe();
        List<Arena.GameRecord> records = new ArrayList<>();
        Contestant search = new Contestant.Searching(uniform(game), new PuctConfig(200, 1.5, 1, 0, 1),
                new BatchedSearch(game, 10_000));
        Contestant random = new Contestant.Playing(i -> new RandomPlayer(new Rng(100 + i)));
        ArenaResult r = BatchedMatch.play(game, search, random, 40, 0, new Rng(1), records::add);
        assertEquals(40, r.games());
        assertEquals(40, records.size());
        for (Arena.GameRecord g : records) {
            assertEquals(g.index() % 2 == 0, g.aFirst());
            TicTacToe.State end = new TicTacToe().parse(g.history());
            assertTrue(end.isTerminal(), g.history());
        }
        // a search that sees every win and every threat one move ahead hardly ever loses to random play
        assertTrue(r.score() >= 0.85, "score " + r.score() + " " + r);
        assertTrue(r.bWins() <= 2, r.toString());
    }

    @Test
    void twoDeterministicSearchesPlayVariedGamesWithSampledOpenings() {
        Game game = new TicTacToe();
        PuctConfig config = new PuctConfig(50, 1.5, 1, 0, 1);
        List<String> histories = new ArrayList<>();
        BatchedMatch.play(game, new Contestant.Searching(uniform(game), config, new BatchedSearch(game, 0)),
                new Contestant.Searching(uniform(game), config, new BatchedSearch(game, 0)), 20, 2, new Rng(3),
                g -> histories.add(g.history()));
        assertTrue(new java.util.HashSet<>(histories).size() >= 5, "distinct games: " + histories);
    }

    @Test
    void anAlphaZeroSpecPlaysFromASavedNetwork(@TempDir Path dir) {
        Game game = new TicTacToe();
        PolicyValueNetwork net = PolicyValueNetwork.build(new PolicyValueConfig(8, 1, 16, OptimizerConfig.adam(1e-3)),
                2, 3, 3, 9, 1);
        net.save(dir.resolve("best-network"));
        Player p = PlayerSpecs.parse("alphazero:run=" + dir + ",sims=64", game, 1);
        ArenaResult r = Arena.play(game, p, new RandomPlayer(new Rng(5)), 10, g -> { });
        assertEquals(10, r.games());
        // a network for another game is refused, naming both shapes
        String error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PlayerSpecs.parse("alphazero:run=" + dir, new rlx.envs.games.ConnectFour(), 1)).getMessage();
        assertTrue(error.contains("was trained for 2x3x3 boards with 9 moves, not for connect_four"), error);
    }
}
