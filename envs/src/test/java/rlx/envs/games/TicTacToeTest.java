package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class TicTacToeTest {

    private static final TicTacToe GAME = new TicTacToe();

    /**
     * Plain negamax: the game-theoretic value (+1 win, 0 draw, -1 loss) for the side to move. A terminal state was
     * won by the player who just moved, so it is worth -1 to the side "to move" there.
     */
    static int negamax(GameState s) {
        if (s.isTerminal()) {
            return s.winner() < 0 ? 0 : -1;
        }
        int best = -2;
        for (int a : s.legalActions()) {
            best = Math.max(best, -negamax(s.child(a)));
        }
        return best;
    }

    /** The actions that achieve the negamax value. */
    static int[] bestActions(GameState s) {
        int value = negamax(s);
        return Arrays.stream(s.legalActions()).filter(a -> -negamax(s.child(a)) == value).toArray();
    }

    private static void check(GameState s, String board, int player, int[] legal, double[] returns) {
        String at = "after \"" + s.history() + "\"";
        assertEquals(board, s.toString(), at);
        assertEquals(player, s.currentPlayer(), at);
        assertArrayEquals(legal, s.legalActions(), at);
        assertArrayEquals(returns, s.returns(), at);
    }

    @Test
    void describesItself() {
        assertEquals("tic_tac_toe", GAME.name());
        assertEquals(2, GAME.numPlayers());
        assertEquals(9, GAME.numDistinctActions());
        assertEquals(9, GAME.maxGameLength());
        assertArrayEquals(new int[] {2, 3, 3}, GAME.observationShape());
    }

    @Test
    void goldenPlaythroughFirstPlayerWinsTopRow() {
        double[] none = {0, 0};
        GameState s = GAME.newInitialState();
        check(s, "...\n...\n...\n", 0, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, none);
        s = s.child(0);
        check(s, "x..\n...\n...\n", 1, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, none);
        s = s.child(3);
        check(s, "x..\no..\n...\n", 0, new int[] {1, 2, 4, 5, 6, 7, 8}, none);
        s = s.child(1);
        check(s, "xx.\no..\n...\n", 1, new int[] {2, 4, 5, 6, 7, 8}, none);
        s = s.child(4);
        check(s, "xx.\noo.\n...\n", 0, new int[] {2, 5, 6, 7, 8}, none);
        s = s.child(2);
        check(s, "xxx\noo.\n...\n", GameState.TERMINAL_PLAYER, new int[0], new double[] {1, -1});
        assertTrue(s.isTerminal());
        assertEquals(0, s.winner());
        assertEquals(0L, s.legalActionMask());
        assertEquals("03142", s.history());
        assertEquals(5, s.moveCount());
    }

    @Test
    void goldenPlaythroughSecondPlayerWins() {
        GameState s = GAME.parse("01348");
        check(s, "xo.\nxo.\n..x\n", 1, new int[] {2, 5, 6, 7}, new double[] {0, 0});
        s = s.child(7);
        check(s, "xo.\nxo.\n.ox\n", GameState.TERMINAL_PLAYER, new int[0], new double[] {-1, 1});
        assertEquals(1, s.winner());
    }

    @Test
    void goldenDrawFillsTheBoard() {
        String[] boards = {
            "...\n.x.\n...\n",
            "o..\n.x.\n...\n",
            "o..\n.x.\n..x\n",
            "o.o\n.x.\n..x\n",
            "oxo\n.x.\n..x\n",
            "oxo\n.x.\n.ox\n",
            "oxo\n.x.\nxox\n",
            "oxo\nox.\nxox\n",
            "oxo\noxx\nxox\n",
        };
        String moves = "408217635";
        GameState s = GAME.newInitialState();
        Set<Integer> free = new HashSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        for (int i = 0; i < moves.length(); i++) {
            int cell = moves.charAt(i) - '0';
            s = s.child(cell);
            free.remove(cell);
            int[] legal = free.stream().mapToInt(Integer::intValue).sorted().toArray();
            int player = i == 8 ? GameState.TERMINAL_PLAYER : (i + 1) % 2;
            check(s, boards[i], player, i == 8 ? new int[0] : legal, new double[] {0, 0});
        }
        assertTrue(s.isTerminal());
        assertEquals(-1, s.winner());
        assertEquals(moves, s.history());
    }

    @Test
    void negamaxProvesTheEmptyBoardIsADraw() {
        assertEquals(0, negamax(GAME.newInitialState()));
    }

    @Test
    void negamaxFindsTheWinningMoves() {
        // x (0, 1) must complete the top row; blocking o's middle row at 5 only draws.
        assertEquals(1, negamax(GAME.parse("0314")));
        assertArrayEquals(new int[] {2}, bestActions(GAME.parse("0314")));
        // o on an edge after x in the centre loses; a corner reply holds.
        assertEquals(1, negamax(GAME.parse("41")));
        assertEquals(0, negamax(GAME.parse("40")));
        // o must block x's diagonal at 8; everything else loses.
        assertEquals(0, negamax(GAME.parse("402")));
        assertArrayEquals(new int[] {6}, bestActions(GAME.parse("402")));
        assertEquals(1, negamax(GAME.parse("4021")));
        // x (0, 4), o (1, 3): x wins by completing the diagonal at 8 or forking with 6 (threats at 2 and 8).
        assertArrayEquals(new int[] {2, 6, 8}, bestActions(GAME.parse("0143")));
    }

    @Test
    void gameTreeHasTheKnownCounts() {
        long[] counts = new long[4]; // nodes, x wins, o wins, draws
        walk(GAME.newInitialState(), counts);
        assertEquals(549_946, counts[0]);
        assertEquals(131_184, counts[1]);
        assertEquals(77_904, counts[2]);
        assertEquals(46_080, counts[3]);
    }

    private static void walk(GameState s, long[] counts) {
        counts[0]++;
        if (s.isTerminal()) {
            counts[s.winner() < 0 ? 3 : 1 + s.winner()]++;
            return;
        }
        for (int a : s.legalActions()) {
            walk(s.child(a), counts);
        }
    }

    /** Every reachable position, once. */
    private static Set<TicTacToe.State> positions() {
        Set<TicTacToe.State> seen = new HashSet<>();
        List<TicTacToe.State> todo = new ArrayList<>(List.of(GAME.newInitialState()));
        while (!todo.isEmpty()) {
            TicTacToe.State s = todo.remove(todo.size() - 1);
            if (seen.add(s)) {
                for (int a : s.legalActions()) {
                    todo.add(s.child(a));
                }
            }
        }
        return seen;
    }

    @Test
    void reachablePositionsAreCountedOnceByEqualsAndHash() {
        Set<TicTacToe.State> all = positions();
        assertEquals(5_478, all.size());
        Map<Long, TicTacToe.State> byHash = new HashMap<>();
        for (TicTacToe.State s : all) {
            assertEquals(null, byHash.put(s.hash(), s), "hash collision at " + s.history());
            assertEquals(s, GAME.parse(s.history()));
        }
        assertEquals(GAME.parse("0143"), GAME.parse("4301"));
        assertEquals(GAME.parse("0143").hash(), GAME.parse("4301").hash());
    }

    @Test
    void symmetryPermutationsFormTheDihedralGroup() {
        Set<List<Integer>> distinct = new HashSet<>();
        for (int k = 0; k < TicTacToe.NUM_SYMMETRIES; k++) {
            int[] p = TicTacToe.actionPermutation(k);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, Arrays.stream(p).sorted().toArray());
            assertEquals(4, p[4], "the centre is fixed");
            distinct.add(Arrays.stream(p).boxed().toList());
        }
        assertEquals(8, distinct.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, TicTacToe.actionPermutation(0));
        assertArrayEquals(new int[] {2, 5, 8, 1, 4, 7, 0, 3, 6}, TicTacToe.actionPermutation(1));
        assertArrayEquals(new int[] {2, 1, 0, 5, 4, 3, 8, 7, 6}, TicTacToe.actionPermutation(4));
    }

    @Test
    void symmetricPositionsHaveMappedActionsAndEqualValues() {
        Set<TicTacToe.State> all = positions();
        Map<GameState, Integer> value = new HashMap<>();
        Set<TicTacToe.State> canonical = new HashSet<>();
        for (TicTacToe.State s : all) {
            long best = Long.MAX_VALUE;
            TicTacToe.State rep = null;
            for (int k = 0; k < TicTacToe.NUM_SYMMETRIES; k++) {
                int[] p = TicTacToe.actionPermutation(k);
                TicTacToe.State t = s.transform(k);
                assertTrue(all.contains(t));
                assertEquals(s.winner(), t.winner(), s.history() + " under " + k);
                assertEquals(s.currentPlayer(), t.currentPlayer());
                long mapped = 0;
                for (int a : s.legalActions()) {
                    mapped |= 1L << p[a];
                }
                assertEquals(mapped, t.legalActionMask(), s.history() + " under " + k);
                if (t.hash() < best) {
                    best = t.hash();
                    rep = t;
                }
            }
            canonical.add(rep);
        }
        assertEquals(765, canonical.size());
        Rng rng = new Rng(2);
        TicTacToe.State[] sample = all.toArray(new TicTacToe.State[0]);
        for (int i = 0; i < 100; i++) {
            TicTacToe.State s = sample[rng.nextInt(sample.length)];
            int v = value.computeIfAbsent(s, TicTacToeTest::negamax);
            for (int k = 1; k < TicTacToe.NUM_SYMMETRIES; k++) {
                assertEquals(v, negamax(s.transform(k)), s.history() + " under " + k);
            }
        }
    }

    @Test
    void illegalMovesAndMalformedPositionsAreRejected() {
        GameState s = GAME.parse("4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.child(4));
        assertEquals("illegal action 4: cell 4 is taken; legal actions [0, 1, 2, 3, 5, 6, 7, 8]", e.getMessage());
        assertEquals("...\n.x.\n...\n", s.toString());
        assertEquals(1, s.currentPlayer());
        assertThrows(IllegalArgumentException.class, () -> s.child(9));
        assertThrows(IllegalArgumentException.class, () -> GAME.parse("03142").child(5));
        assertEquals("tic-tac-toe position \"44\": cell 4 is already taken at move 2",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("44")).getMessage());
        assertEquals("tic-tac-toe position \"09\": cell 9 out of range 0-8 at move 2",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("09")).getMessage());
        assertEquals("tic-tac-toe position \"4x\": character 'x' at index 1 is not a cell digit 0-8",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("4x")).getMessage());
        assertEquals("tic-tac-toe position \"031425\": game is already over before move 6 (player 0 won)",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("031425")).getMessage());
    }

    @Test
    void observationIsFromTheSideToMove() {
        float[] out = new float[20];
        GAME.parse("4").observationTensor(out, 2);
        for (int i = 0; i < 18; i++) {
            assertEquals(i == 9 + 4 ? 1f : 0f, out[2 + i], "index " + i);
        }
        GAME.parse("40").observationTensor(out, 2);
        for (int i = 0; i < 18; i++) {
            assertEquals(i == 4 || i == 9 ? 1f : 0f, out[2 + i], "index " + i);
        }
    }

    @Test
    void randomPlayoutsAreZeroSumAndEndWithinTheBoard() {
        Rng rng = new Rng(13);
        for (int g = 0; g < 1_000; g++) {
            GameState s = GAME.newInitialState();
            int plies = 0;
            while (!s.isTerminal()) {
                assertArrayEquals(new double[] {0, 0}, s.returns());
                int[] legal = s.legalActions();
                assertEquals(9 - plies, legal.length);
                s = s.child(legal[rng.nextInt(legal.length)]);
                plies++;
                assertTrue(plies <= GAME.maxGameLength());
            }
            double[] r = s.returns();
            assertEquals(0.0, r[0] + r[1]);
            assertTrue(plies >= 5);
        }
    }
}
