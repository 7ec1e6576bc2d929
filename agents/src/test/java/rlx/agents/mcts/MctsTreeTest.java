package rlx.agents.mcts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.envs.games.TicTacToe;

class MctsTreeTest {

    private static final TicTacToe TTT = new TicTacToe();
    private static final ConnectFour C4 = new ConnectFour();

    private static MctsTree tree(Game game, MctsConfig config, long seed) {
        Rng rng = new Rng(seed);
        return new MctsTree(game, config, new RandomRolloutEvaluator(rng), rng);
    }

    /** The most visited action at the node reached by {@code path}. */
    private static int mostVisited(MctsTree tree, GameState at, int... path) {
        int best = -1;
        int bestVisits = 0;
        for (int a : at.legalActions()) {
            int[] p = java.util.Arrays.copyOf(path, path.length + 1);
            p[path.length] = a;
            if (tree.visits(p) > bestVisits) {
                bestVisits = tree.visits(p);
                best = a;
            }
        }
        return best;
    }

    private static int childVisitSum(MctsTree tree, GameState root) {
        int sum = 0;
        for (int a : root.legalActions()) {
            sum += tree.visits(a);
        }
        return sum;
    }

    @Test
    void advanceKeepsTheSubtreeAndItsVisits() {
        MctsTree tree = tree(C4, MctsConfig.of(5000), 1);
        GameState s = C4.newInitialState();
        SearchResult first = tree.search(s);
        assertEquals(5000, tree.visits());
        int mine = first.bestAction();
        GameState afterMine = s.child(mine);
        int reply = mostVisited(tree, afterMine, mine);
        int childVisits = tree.visits(mine);
        int grandchildVisits = tree.visits(mine, reply);
        int greatGrandchildVisits = tree.visits(mine, reply, 3);
        assertTrue(grandchildVisits > 100, "a well searched reply, got " + grandchildVisits);

        tree.advance(mine);
        assertEquals(childVisits, tree.visits());
        assertEquals(grandchildVisits, tree.visits(reply));
        tree.advance(reply);
        assertEquals(grandchildVisits, tree.visits());
        assertEquals(greatGrandchildVisits, tree.visits(3));
        // a non-terminal node's first visit scored the node itself; every later one went on to a child
        GameState now = afterMine.child(reply);
        assertEquals(grandchildVisits - 1, childVisitSum(tree, now));
        assertEquals(now, tree.rootState());

        SearchResult second = tree.search(now);
        assertEquals(5000, second.simulations());
        assertEquals(grandchildVisits + 5000, tree.visits());
        assertEquals(grandchildVisits - 1 + 5000, childVisitSum(tree, now));
        assertTrue(now.isLegal(second.bestAction()));
    }

    @Test
    void searchOfALaterStateFindsItsNodeWithoutBeingTold() {
        MctsTree tree = tree(TTT, MctsConfig.of(3000), 2);
        GameState s = TTT.newInitialState();
        tree.search(s);
        int a = mostVisited(tree, s);
        int b = mostVisited(tree, s.child(a), a);
        int carried = tree.visits(a, b);
        assertTrue(carried > 50, "carried " + carried);

        SearchResult r = tree.search(s.child(a).child(b));
        assertEquals(3000, r.simulations());
        assertEquals(carried + 3000, tree.visits());
        // the visit policy counts the carried visits too
        GameState root = s.child(a).child(b);
        int sum = childVisitSum(tree, root);
        assertEquals(carried - 1 + 3000, sum);
        for (int c : root.legalActions()) {
            assertEquals((double) tree.visits(c) / sum, r.visitPolicy()[c], 1e-12);
        }
    }

    @Test
    void aStateOutsideTheTreeStartsAFreshOne() {
        MctsTree tree = tree(TTT, MctsConfig.of(500), 3);
        tree.search(TTT.parse("01"));
        int carried = tree.visits(2);
        assertTrue(carried > 0);
        // "210" is the position of "012" by another move order: equal states, but the node is kept only for the
        // same moves, since in some games (Go's superko) the past changes what is legal
        assertEquals(TTT.parse("012"), TTT.parse("210"));
        tree.search(TTT.parse("210"));
        assertEquals(500, tree.visits());
        assertEquals("210", tree.rootState().history());
        // an earlier state is not in the tree either
        tree.search(TTT.parse("2"));
        assertEquals(500, tree.visits());
        // the same moves are
        tree.search(TTT.parse("2"));
        assertEquals(1000, tree.visits());
    }

    @Test
    void advanceToAnUnexpandedMoveGivesAFreshRoot() {
        MctsTree tree = tree(TTT, MctsConfig.of(9), 4);
        tree.search(TTT.parse("4"));
        assertEquals(0, tree.visits(0, 1)); // 9 simulations over 8 moves expand no grandchild
        tree.advance(0);
        tree.advance(1);
        assertEquals(0, tree.visits());
        assertEquals("401", tree.rootState().history());
        SearchResult r = tree.search(TTT.parse("401"));
        assertEquals(9, tree.visits());
        assertTrue(TTT.parse("401").isLegal(r.bestAction()));
    }

    @Test
    void advanceRejectsMisuse() {
        MctsTree tree = tree(TTT, MctsConfig.of(10), 5);
        assertEquals("advance before any search: there is no tree",
                assertThrows(IllegalStateException.class, () -> tree.advance(0)).getMessage());
        tree.search(TTT.parse("4"));
        assertEquals("action 4 is not legal at the root 4",
                assertThrows(IllegalArgumentException.class, () -> tree.advance(4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> tree.search(TTT.parse("03142")));
    }

    @Test
    void oneThreadIsReproducible() {
        int[] actions = new int[6];
        double[] lastPolicy = null;
        for (int run = 0; run < 2; run++) {
            MctsTree tree = tree(C4, MctsConfig.of(800), 9);
            GameState s = C4.newInitialState();
            for (int ply = 0; ply < actions.length; ply++) {
                SearchResult r = tree.search(s);
                if (run == 0) {
                    actions[ply] = r.bestAction();
                } else {
                    assertEquals(actions[ply], r.bestAction(), "ply " + ply);
                }
                if (ply == actions.length - 1) {
                    if (run == 1) {
                        assertArrayEquals(lastPolicy, r.visitPolicy());
                    }
                    lastPolicy = r.visitPolicy();
                }
                s = s.child(r.bestAction());
            }
        }
    }

    @Test
    void reusedTreeWithSolverStillNeverLosesAtTicTacToe() {
        for (int mctsPlayer = 0; mctsPlayer < 2; mctsPlayer++) {
            for (long seed = 0; seed < 50; seed++) {
                MctsTree tree = tree(TTT, MctsConfig.solver(2000), seed);
                Rng perfectRng = new Rng(~seed);
                GameState s = TTT.newInitialState();
                while (!s.isTerminal()) {
                    int a = s.currentPlayer() == mctsPlayer ? tree.search(s).bestAction()
                            : PerfectTicTacToe.move(s, perfectRng);
                    s = s.child(a);
                }
                assertNotEquals(1 - mctsPlayer, s.winner(), "player " + mctsPlayer + " seed " + seed);
            }
        }
    }
}
