package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class OthelloTest {

    private static final Othello GAME = new Othello();
    private static final String START = "........\n........\n........\n...ox...\n...xo...\n........\n........\n........\n";

    private static int[] actions(String moves) {
        return Arrays.stream(moves.split(" ")).mapToInt(Othello::parseMove).toArray();
    }

    /** The board text from the rows that differ from empty, given as "row:text" pairs with rows 1-8. */
    private static String board(String... rows) {
        String[] lines = new String[8];
        Arrays.fill(lines, "........");
        for (String r : rows) {
            lines[r.charAt(0) - '1'] = r.substring(2);
        }
        return String.join("\n", lines) + "\n";
    }

    private static long perft(GameState s, int depth) {
        if (depth == 0) {
            return 1;
        }
        long n = 0;
        for (int a : s.legalActions()) {
            n += perft(s.child(a), depth - 1);
        }
        return n;
    }

    @Test
    void describesItself() {
        assertEquals("othello", GAME.name());
        assertEquals(2, GAME.numPlayers());
        assertEquals(65, GAME.numDistinctActions());
        assertEquals(120, GAME.maxGameLength());
        assertArrayEquals(new int[] {2, 8, 8}, GAME.observationShape());
    }

    @Test
    void notationHasA1TopLeftAndPass() {
        assertEquals(0, Othello.parseMove("a1"));
        assertEquals(7, Othello.parseMove("h1"));
        assertEquals(63, Othello.parseMove("H8"));
        assertEquals(19, Othello.parseMove("d3"));
        assertEquals(Othello.PASS, Othello.parseMove("pass"));
        assertEquals(Othello.PASS, Othello.parseMove("PASS"));
        for (int a = 0; a <= 64; a++) {
            assertEquals(a, Othello.parseMove(Othello.moveToString(a)));
        }
        for (String bad : new String[] {"", "i1", "a9", "a0", "d", "d33", "3d", "passs"}) {
            assertEquals("not an Othello move: \"" + bad + "\" (a square a1-h8, or pass)",
                    assertThrows(IllegalArgumentException.class, () -> Othello.parseMove(bad)).getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Othello.moveToString(65));
    }

    @Test
    void standardStartHasFourOpeningMoves() {
        Othello.State s = GAME.newInitialState();
        assertEquals(START, s.toString());
        assertEquals(0, s.currentPlayer());
        assertArrayEquals(actions("d3 c4 f5 e6"), s.legalActions());
        assertEquals(4, s.numLegalActions());
        assertFalse(s.isLegal(Othello.PASS), "no pass while a disc can be placed");
        assertEquals(2, s.discCount(0));
        assertEquals(2, s.discCount(1));
        assertArrayEquals(new double[] {0, 0}, s.returns());
    }

    @Test
    void goldenPlaythroughOfAnOpening() {
        String[] moves = {"f5", "d6", "c3", "d3", "c4"};
        String[] boards = {
            board("4:...ox...", "5:...xxx.."),
            board("4:...ox...", "5:...oxx..", "6:...o...."),
            board("3:..x.....", "4:...xx...", "5:...oxx..", "6:...o...."),
            board("3:..xo....", "4:...ox...", "5:...oxx..", "6:...o...."),
            board("3:..xo....", "4:..xxx...", "5:...oxx..", "6:...o...."),
        };
        String[] legal = {"f4 d6 f6", null, null, null, null};
        int[][] discs = {{4, 1}, {3, 3}, {5, 2}, {4, 4}, {6, 3}};
        Othello.State s = GAME.newInitialState();
        for (int i = 0; i < moves.length; i++) {
            s = s.child(Othello.parseMove(moves[i]));
            assertEquals(boards[i], s.toString(), "after " + moves[i]);
            assertEquals((i + 1) % 2, s.currentPlayer());
            assertFalse(s.isTerminal());
            assertEquals(discs[i][0], s.discCount(0), "black after " + moves[i]);
            assertEquals(discs[i][1], s.discCount(1), "white after " + moves[i]);
            if (legal[i] != null) {
                assertArrayEquals(actions(legal[i]), s.legalActions());
            }
            assertEquals(-1, s.winner());
        }
        assertEquals("f5 d6 c3 d3 c4", s.history());
        // White's b3 flips c3 (east, bracketed by d3) and c4 (south-east, bracketed by d5) at once.
        Othello.State t = s.child(Othello.parseMove("b3"));
        assertEquals(board("3:.ooo....", "4:..oxx...", "5:...oxx..", "6:...o...."), t.toString());
        assertEquals(4, t.discCount(0));
        assertEquals(6, t.discCount(1));
    }

    @Test
    void aDiscFlipsInEveryDirectionThatBracketsALine() {
        // White's c5 flips c4 (north, bracketed by c3), d4 (north-east, by e3) and d5 (east, by e5); b6, b4 and
        // the other lines from c5 hold no bracketed disc.
        Othello.State s = GAME.parse("d3 c3 c4 e3 f3");
        assertEquals(board("3:..ooox..", "4:..xxx...", "5:...xo..."), s.toString());
        assertEquals(1, s.currentPlayer());
        Othello.State after = s.child(Othello.parseMove("c5"));
        assertEquals(board("3:..ooox..", "4:..oox...", "5:..ooo..."), after.toString());
        assertEquals(2, after.discCount(0));
        assertEquals(8, after.discCount(1));
        long[] naive = Reference.play(s.discs(1), s.discs(0), Othello.parseMove("c5"));
        assertEquals(naive[0], after.discs(1));
        assertEquals(naive[1], after.discs(0));
        // The multi-direction move of the golden line, read square by square.
        Othello.State g = GAME.parse("f5 d6 c3 d3 c4 b3");
        for (String sq : new String[] {"b3", "c3", "d3", "c4", "d5", "d6"}) {
            assertEquals(1, (g.discs(1) >>> Othello.parseMove(sq)) & 1, sq + " is white");
        }
        for (String sq : new String[] {"d4", "e4", "e5", "f5"}) {
            assertEquals(1, (g.discs(0) >>> Othello.parseMove(sq)) & 1, sq + " is black");
        }
    }

    @Test
    void aPlayerWithoutAMoveMustPassAndOnlyThen() {
        // Found by random play: after these eight moves black has no legal disc, white has.
        Othello.State s = GAME.parse("c4 c3 c2 b2 f5 c1 a1 a3");
        assertEquals(board("1:x.o.....", "2:.oo.....", "3:o.x.....", "4:..xxx...", "5:...xxx.."), s.toString());
        assertEquals(0L, Reference.moves(s.discs(0), s.discs(1)), "the naive generator agrees");
        assertFalse(s.isTerminal());
        assertEquals(0, s.currentPlayer());
        assertArrayEquals(new int[] {Othello.PASS}, s.legalActions());
        assertEquals(1, s.numLegalActions());
        assertEquals(0L, s.legalSquares());
        assertTrue(s.isLegal(Othello.PASS));
        assertFalse(s.isLegal(Othello.parseMove("b1")));
        Othello.State passed = s.child(Othello.PASS);
        assertEquals(s.toString(), passed.toString());
        assertEquals(1, passed.currentPlayer());
        assertEquals(9, passed.moveCount());
        assertFalse(passed.isLegal(Othello.PASS));
        assertTrue(passed.legalActions().length > 0);
        assertNotEquals(s, passed, "same discs, other side to move");
        assertEquals("c4 c3 c2 b2 f5 c1 a1 a3 pass", passed.history());
        assertEquals(passed, GAME.parse(passed.history()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.child(Othello.parseMove("b1")));
        assertEquals("illegal action 1 (b1): a disc on b1 flips nothing; 1 legal actions: pass", e.getMessage());
    }

    @Test
    void theGameEndsWhenNeitherPlayerCanMove() {
        // The shortest possible game: black wipes white out in nine moves.
        Othello.State s = GAME.parse("d3 c3 b3 d2 e1 d6 d7 e3 f4");
        assertTrue(s.isTerminal());
        assertEquals(GameState.TERMINAL_PLAYER, s.currentPlayer());
        assertEquals(0, s.discCount(1));
        assertEquals(13, s.discCount(0));
        assertEquals(0, s.winner());
        assertArrayEquals(new double[] {1, -1}, s.returns());
        assertArrayEquals(new int[0], s.legalActions());
        assertFalse(s.isLegal(Othello.PASS));
        assertEquals(0, s.numLegalActions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.child(Othello.PASS));
        assertEquals("illegal action 64 (pass): the game is over; 0 legal actions", e.getMessage());
        // One move earlier the game was still on.
        assertFalse(GAME.parse("d3 c3 b3 d2 e1 d6 d7 e3").isTerminal());
    }

    @Test
    void perftFromTheStartMatchesTheKnownCounts() {
        long[] expected = {1, 4, 12, 56, 244, 1396, 8200, 55092};
        for (int depth = 0; depth < expected.length; depth++) {
            assertEquals(expected[depth], perft(GAME.newInitialState(), depth), "depth " + depth);
        }
    }

    @Test
    void illegalMovesAreRejectedAndTheStateIsUnchanged() {
        Othello.State s = GAME.newInitialState();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.child(Othello.PASS));
        assertEquals("illegal action 64 (pass): pass is legal only without a move, and 4 moves are legal;"
                + " 4 legal actions: d3 c4 f5 e6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.child(Othello.parseMove("d4")));
        assertEquals("illegal action 27 (d4): square d4 is taken; 4 legal actions: d3 c4 f5 e6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.child(Othello.parseMove("a1")));
        assertEquals("illegal action 0 (a1): a disc on a1 flips nothing; 4 legal actions: d3 c4 f5 e6",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.child(65));
        assertEquals("illegal action 65: out of range 0-64; 4 legal actions: d3 c4 f5 e6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.child(-1));
        assertEquals(START, s.toString());
        assertEquals(0, s.moveCount());
        assertEquals(0, s.currentPlayer());
        assertThrows(UnsupportedOperationException.class, s::legalActionMask);
    }

    @Test
    void malformedPositionsAreRejectedWithClearMessages() {
        assertEquals("Othello position \"f5 z9\": move 2 \"z9\" is not a square a1-h8 or pass",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("f5 z9")).getMessage());
        assertEquals("Othello position \"f5f6\": move 1 \"f5f6\" is not a square a1-h8 or pass",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("f5f6")).getMessage());
        assertEquals("Othello position \"f5 f5\": move 2 \"f5\" is illegal: square f5 is taken",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("f5 f5")).getMessage());
        assertEquals("Othello position \"f5 a1\": move 2 \"a1\" is illegal: a disc on a1 flips nothing",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("f5 a1")).getMessage());
        assertEquals("Othello position \"pass\": move 1 \"pass\" is illegal: pass is legal only without a move,"
                + " and 4 moves are legal", assertThrows(IllegalArgumentException.class,
                        () -> GAME.parse("pass")).getMessage());
        assertEquals("Othello position \"d3 c3 b3 d2 e1 d6 d7 e3 f4 pass\": game is already over before move 10",
                assertThrows(IllegalArgumentException.class,
                        () -> GAME.parse("d3 c3 b3 d2 e1 d6 d7 e3 f4 pass")).getMessage());
        assertEquals(GAME.parse("F5 d6"), GAME.parse(" f5  D6 "));
        assertEquals(GAME.newInitialState(), GAME.parse(""));
    }

    @Test
    void observationIsFromTheSideToMove() {
        float[] out = new float[130];
        Othello.State s = GAME.parse("f5");
        s.observationTensor(out, 2);
        // White to move: its disc d4 (27) on plane 0, black's e4 d5 e5 f5 (28 35 36 37) on plane 1.
        for (int i = 0; i < 128; i++) {
            boolean one = i == 27 || i == 64 + 28 || i == 64 + 35 || i == 64 + 36 || i == 64 + 37;
            assertEquals(one ? 1f : 0f, out[2 + i], "index " + i);
        }
    }

    @Test
    void transpositionsAreEqualWithEqualHashes() {
        Othello.State a = GAME.parse("d3 c3 c4 e3");
        Othello.State b = GAME.parse("c4 c3 d3 e3");
        assertEquals(a.toString(), b.toString());
        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a.history(), b.history());
        assertNotEquals(a, GAME.parse("d3 c3 c4"));
    }

    @Test
    void startPreservingSymmetriesMapPositionsAndMoves() {
        Set<List<Integer>> distinct = new HashSet<>();
        for (int k = 0; k < Othello.NUM_SYMMETRIES; k++) {
            int[] p = Othello.actionPermutation(k);
            assertEquals(Othello.PASS, p[Othello.PASS]);
            distinct.add(Arrays.stream(p).boxed().toList());
        }
        assertEquals(8, distinct.size());
        for (int k : Othello.START_SYMMETRIES) {
            int[] p = Othello.actionPermutation(k);
            assertEquals(GAME.newInitialState(), GAME.newInitialState().transform(k));
            Set<Integer> mapped = new HashSet<>();
            for (int a : GAME.newInitialState().legalActions()) {
                mapped.add(p[a]);
            }
            assertEquals(Set.of(19, 26, 37, 44), mapped, "the opening moves map onto each other under " + k);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GAME.parse("f5").transform(1));
        assertEquals("symmetry 1 does not preserve the Othello start position; use one of [0, 2, 5, 7]",
                e.getMessage());
        Rng rng = new Rng(8);
        for (int g = 0; g < 50; g++) {
            Othello.State s = GAME.newInitialState();
            while (!s.isTerminal()) {
                int[] legal = s.legalActions();
                for (int k : Othello.START_SYMMETRIES) {
                    int[] p = Othello.actionPermutation(k);
                    Othello.State t = s.transform(k);
                    assertEquals(s.currentPlayer(), t.currentPlayer());
                    int[] mapped = Arrays.stream(legal).map(a -> p[a]).sorted().toArray();
                    assertArrayEquals(mapped, t.legalActions(), s.history() + " under " + k);
                }
                s = s.child(legal[rng.nextInt(legal.length)]);
            }
            for (int k : Othello.START_SYMMETRIES) {
                assertEquals(s.winner(), s.transform(k).winner());
            }
        }
    }

    @Test
    void randomPlayoutsAgreeWithANaiveReferenceAndAreZeroSum() {
        Rng rng = new Rng(19);
        int[] buf = new int[GAME.numDistinctActions()];
        int[] outcomes = new int[3];
        int passes = 0;
        for (int g = 0; g < 1_000; g++) {
            Othello.State s = GAME.newInitialState();
            while (!s.isTerminal()) {
                long own = s.discs(s.currentPlayer());
                long opp = s.discs(1 - s.currentPlayer());
                long naive = Reference.moves(own, opp);
                assertEquals(naive, s.legalSquares(), s.history());
                int n = s.legalActions(buf);
                assertEquals(naive == 0 ? 1 : Long.bitCount(naive), n);
                int a = buf[rng.nextInt(n)];
                Othello.State next = s.child(a);
                if (a == Othello.PASS) {
                    passes++;
                    assertEquals(s.toString(), next.toString());
                } else {
                    long[] expected = Reference.play(own, opp, a);
                    assertEquals(expected[0], next.discs(s.currentPlayer()), s.history() + " " + a);
                    assertEquals(expected[1], next.discs(1 - s.currentPlayer()), s.history() + " " + a);
                }
                s = next;
                assertTrue(s.moveCount() <= GAME.maxGameLength());
            }
            assertEquals(0L, Reference.moves(s.discs(0), s.discs(1)));
            assertEquals(0L, Reference.moves(s.discs(1), s.discs(0)));
            double[] r = s.returns();
            assertEquals(0.0, r[0] + r[1]);
            int diff = s.discCount(0) - s.discCount(1);
            assertEquals(Integer.signum(diff), (int) r[0]);
            outcomes[s.winner() + 1]++;
            if (g % 100 == 0) {
                assertEquals(s, GAME.parse(s.history()));
            }
        }
        assertTrue(outcomes[0] > 0 && outcomes[1] > 300 && outcomes[2] > 300, Arrays.toString(outcomes));
        assertTrue(passes > 50, "random games do pass: " + passes);
    }

    /** Othello by coordinates, independent of the shift-and-mask bitboards. */
    static final class Reference {

        private static final int[][] DIRS = {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}};

        private static boolean at(long b, int r, int c) {
            return (b >>> (8 * r + c) & 1) != 0;
        }

        /** Own and opponent discs after own plays {@code sq}; own unchanged if nothing flips. */
        static long[] play(long own, long opp, int sq) {
            int r0 = sq / 8;
            int c0 = sq % 8;
            long flips = 0;
            for (int[] d : DIRS) {
                long line = 0;
                int r = r0 + d[0];
                int c = c0 + d[1];
                while (r >= 0 && r < 8 && c >= 0 && c < 8 && at(opp, r, c)) {
                    line |= 1L << (8 * r + c);
                    r += d[0];
                    c += d[1];
                }
                if (r >= 0 && r < 8 && c >= 0 && c < 8 && at(own, r, c)) {
                    flips |= line;
                }
            }
            if (flips == 0) {
                return new long[] {own, opp};
            }
            return new long[] {own | flips | (1L << sq), opp & ~flips};
        }

        static long moves(long own, long opp) {
            long legal = 0;
            for (int sq = 0; sq < 64; sq++) {
                if (((own | opp) >>> sq & 1) == 0 && play(own, opp, sq)[0] != own) {
                    legal |= 1L << sq;
                }
            }
            return legal;
        }
    }
}
