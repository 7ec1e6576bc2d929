package rlx.agents.mcts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameRegistry;
import rlx.envs.games.GameState;
import rlx.envs.games.TicTacToe;

class ParallelMctsTest {

    private static final TicTacToe TTT = new TicTacToe();
    private static final ConnectFour C4 = new ConnectFour();

    private static MctsTree tree(Game game, MctsConfig config, long seed) {
        return MctsTree.perThread(game, config, RandomRolloutEvaluator::new, new Rng(seed));
    }

    /**
     * Walks the tree: no virtual loss left behind, and no update lost to a race: a non-terminal node below the root
     * was scored once itself and then once per visit to a child.
     */
    private static int checkInvariants(Node node, boolean isRoot) {
        assertEquals(0, node.virtualLoss(), node.state.history());
        int childVisits = 0;
        int nodes = 1;
        for (int a = 0; a < node.childSlots(); a++) {
            Node child = node.child(a);
            if (child != null) {
                assertTrue(node.state.isLegal(a));
                childVisits += child.visits();
                nodes += checkInvariants(child, false);
            }
        }
        if (!node.state.isTerminal()) {
            assertEquals(node.visits() - (isRoot ? 0 : 1), childVisits, node.state.history());
        }
        return nodes;
    }

    @Test
    void twoThreadsRunExactlyTheBudgetAndLoseNoUpdate() {
        for (long seed = 0; seed < 3; seed++) {
            MctsTree tree = tree(C4, MctsConfig.of(30_000).withThreads(2), seed);
            GameState s = C4.newInitialState();
            SearchResult r = tree.search(s);
            assertEquals(30_000, r.simulations());
            assertEquals(30_000, tree.visits());
            assertTrue(s.isLegal(r.bestAction()));
            double sum = 0;
            for (double p : r.visitPolicy()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9);
            int nodes = checkInvariants(tree.rootNode(), true);
            assertTrue(nodes > 20_000, "nodes " + nodes);
            // and again on the reused subtree
            int a = r.bestAction();
            int carried = tree.visits(a);
            r = tree.search(s.child(a));
            assertEquals(carried + 30_000, tree.visits());
            checkInvariants(tree.rootNode(), false);
        }
    }

    @Test
    void oneThreadThroughTheFactoryIsTheSingleThreadedSearch() {
        GameState s = C4.parse("4435");
        Rng rng = new Rng(42);
        SearchResult single = new Mcts(C4, MctsConfig.of(2000), new RandomRolloutEvaluator(rng), rng).search(s);
        SearchResult viaFactory = Mcts.perThread(C4, MctsConfig.of(2000), RandomRolloutEvaluator::new, new Rng(42))
                .search(s);
        assertEquals(single.bestAction(), viaFactory.bestAction());
        assertArrayEquals(single.visitPolicy(), viaFactory.visitPolicy());
        assertEquals(single.rootValue(), viaFactory.rootValue());
    }

    @Test
    void theSolverProvesWithTwoThreads() {
        for (long seed = 0; seed < 5; seed++) {
            MctsConfig config = new MctsConfig(20_000, MctsConfig.DEFAULT_EXPLORATION, true).withThreads(2);
            // a lost position (x has forked) and a drawn one, as in MctsTest
            SearchResult lost = Mcts.perThread(TTT, config, RandomRolloutEvaluator::new, new Rng(seed))
                    .search(TTT.parse("41086"));
            assertEquals(-1.0, lost.rootValue());
            SearchResult drawn = Mcts.perThread(TTT, config, RandomRolloutEvaluator::new, new Rng(seed))
                    .search(TTT.parse("4082173"));
            assertEquals(0.0, drawn.rootValue());
            assertEquals(5, drawn.bestAction());
            assertTrue(drawn.simulations() < 20_000, "the proof ends the search");
        }
    }

    @Test
    void aRootProvenByOneThreadStopsTheOthers() {
        // x wins at 8 at once: the root is proven within a simulation or two, often while the other thread is
        // between its check of the root and its descent (a race that once scored the root as a leaf)
        GameState s = TTT.parse("0341");
        MctsConfig config = MctsConfig.solver(2000).withThreads(2);
        for (long seed = 0; seed < 1000; seed++) {
            MctsTree tree = MctsTree.perThread(TTT, config, RandomRolloutEvaluator::new, new Rng(seed));
            SearchResult r = tree.search(s);
            assertEquals(8, r.bestAction());
            assertEquals(1.0, r.rootValue());
            assertTrue(r.simulations() < 20, "simulations " + r.simulations());
            assertEquals(r.simulations(), tree.visits());
            assertEquals(0, tree.rootNode().virtualLoss());
        }
    }

    /** The reference positions in which the side to move wins at once: the best moves are the winning ones. */
    private static List<String[]> immediateWins() throws IOException {
        // the envs module's reference file; tests run in the agents module's directory
        Path file = Path.of("..", "envs", "src", "test", "resources", "reference", "connect4", "positions.txt");
        List<String[]> wins = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && Integer.parseInt(f[1]) == (43 - f[0].length()) / 2) {
                wins.add(f);
            }
        }
        return wins;
    }

    @Test
    void twoThreadsFindConnectFourWinsAsReliablyAsOne() throws IOException {
        List<String[]> wins = immediateWins();
        assertEquals(96, wins.size());
        for (boolean solver : new boolean[] {false, true}) {
            int[] found = new int[3];
            for (int threads = 1; threads <= 2; threads++) {
                MctsConfig config = new MctsConfig(1000, MctsConfig.DEFAULT_EXPLORATION, solver).withThreads(threads);
                for (String[] w : wins) {
                    GameState s = C4.parse(w[0]);
                    SearchResult r = Mcts.perThread(C4, config, RandomRolloutEvaluator::new, new Rng(7)).search(s);
                    if (w[2].contains(s.actionToString(r.bestAction()))) {
                        found[threads]++;
                    }
                }
            }
            assertEquals(wins.size(), found[1], "one thread, solver " + solver);
            assertEquals(wins.size(), found[2], "two threads, solver " + solver);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"othello", "go9", "gomoku"})
    void twoThreadsPlayLegalMovesInGamesWithMoreThan64Actions(String name) {
        Game game = GameRegistry.byName(name);
        MctsTree tree = tree(game, MctsConfig.of(400).withThreads(2), 5);
        GameState s = game.newInitialState();
        for (int ply = 0; ply < 4; ply++) {
            SearchResult r = tree.search(s);
            assertTrue(s.isLegal(r.bestAction()), name + ": " + r.bestAction());
            s = s.child(r.bestAction());
        }
        checkInvariants(tree.rootNode(), false);
    }

    @Test
    void twoThreadsHonourTheTimeLimit() {
        MctsConfig timed = MctsConfig.of(Integer.MAX_VALUE).withTimeLimitMillis(150).withThreads(2);
        long start = System.nanoTime();
        SearchResult r = tree(C4, timed, 6).search(C4.newInitialState());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 0.15 && seconds < 3, "took " + seconds + " s");
        assertTrue(r.simulations() > 100, "simulations " + r.simulations());
    }

    @Test
    void aFailingThreadFailsTheSearch() {
        IllegalStateException boom = new IllegalStateException("evaluator broke");
        int[] made = {0};
        Mcts mcts = Mcts.perThread(C4, MctsConfig.of(10_000).withThreads(2), rng -> {
            boolean first = made[0]++ == 0;
            Evaluator rollout = new RandomRolloutEvaluator(rng);
            return leaf -> {
                if (!first) {
                    throw boom;
                }
                return rollout.evaluate(leaf);
            };
        }, new Rng(1));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> mcts.search(C4.newInitialState())));
    }

    @Test
    void aTreeWhoseSearchFailedIsNotReused() {
        boolean[] fail = {false};
        MctsTree tree = MctsTree.perThread(C4, MctsConfig.of(2000).withThreads(2), rng -> {
            Evaluator rollout = new RandomRolloutEvaluator(rng);
            return leaf -> {
                if (fail[0]) {
                    throw new IllegalStateException("evaluator broke");
                }
                return rollout.evaluate(leaf);
            };
        }, new Rng(2));
        GameState s = C4.newInitialState();
        tree.search(s);
        fail[0] = true;
        assertThrows(IllegalStateException.class, () -> tree.search(s));
        assertEquals(null, tree.rootState());
        fail[0] = false;
        tree.search(s);
        assertEquals(2000, tree.visits());
        checkInvariants(tree.rootNode(), true);
    }

    @Test
    void oneSharedEvaluatorIsRejectedForSeveralThreads() {
        Rng rng = new Rng(0);
        assertEquals("threads = 2 needs one evaluator per thread: use perThread",
                assertThrows(IllegalArgumentException.class, () -> new Mcts(C4, MctsConfig.of(10).withThreads(2),
                        new RandomRolloutEvaluator(rng), rng)).getMessage());
    }
}
