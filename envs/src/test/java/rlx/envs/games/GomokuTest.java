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

class GomokuTest {

    private static final Gomoku GAME = new Gomoku();

    /** The 15 x 15 board text with {@code x} on the given points, then {@code o} on the ones after "/". */
    private static String board(int size, String points) {
        char[][] rows = new char[size][size];
        for (char[] row : rows) {
            Arrays.fill(row, '.');
        }
        char stone = 'x';
        for (String p : points.strip().split("\\s+")) {
            if (p.equals("/")) {
                stone = 'o';
                continue;
            }
            int col = p.charAt(0) - 'a';
            int row = Integer.parseInt(p.substring(1));
            rows[size - row][col] = stone;
        }
        StringBuilder sb = new StringBuilder();
        for (char[] row : rows) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    /** Plays the moves, checking that none but possibly the last ends the game; the final state. */
    private static Gomoku.State play(Gomoku game, String moves) {
        Gomoku.State s = game.newInitialState();
        for (String m : moves.strip().split("\\s+")) {
            assertFalse(s.isTerminal(), "over before " + m + " in " + moves);
            s = s.child(game.parseMove(m));
        }
        return s;
    }

    @Test
    void describesItself() {
        assertEquals("gomoku", GAME.name());
        assertEquals(2, GAME.numPlayers());
        assertEquals(15, GAME.size());
        assertEquals(225, GAME.numDistinctActions());
        assertEquals(225, GAME.maxGameLength());
        assertArrayEquals(new int[] {2, 15, 15}, GAME.observationShape());
        assertEquals(450, GAME.observationSize());
        Gomoku small = new Gomoku(9);
        assertEquals(81, small.numDistinctActions());
        assertArrayEquals(new int[] {2, 9, 9}, small.observationShape());
        assertEquals("gomoku board size 4 out of range 5-26",
                assertThrows(IllegalArgumentException.class, () -> new Gomoku(4)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Gomoku(27));
    }

    @Test
    void movesUseColumnLettersAndRowsFromTheBottom() {
        assertEquals(0, GAME.parseMove("a15"));
        assertEquals(14, GAME.parseMove("o15"));
        assertEquals(210, GAME.parseMove("a1"));
        assertEquals(224, GAME.parseMove("o1"));
        assertEquals(7 * 15 + 7, GAME.parseMove("h8"));
        assertEquals(7 * 15 + 7, GAME.parseMove("H8"));
        assertEquals("h8", GAME.moveToString(112));
        assertEquals("a15", GAME.moveToString(0));
        for (int a = 0; a < 225; a++) {
            assertEquals(a, GAME.parseMove(GAME.moveToString(a)));
        }
        for (String bad : new String[] {"", "h", "8h", "p8", "h0", "h16", "h08", "h8x", "h-1", "aa1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GAME.parseMove(bad));
            assertEquals("not a gomoku move: \"" + bad + "\" (columns a-o, rows 1-15 on the 15x15 board)",
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GAME.moveToString(225));
        assertEquals("i9", new Gomoku(9).moveToString(8));
        assertThrows(IllegalArgumentException.class, () -> new Gomoku(9).parseMove("j1"));
    }

    @Test
    void goldenPlaythroughFirstPlayerWinsWithFiveInARow() {
        String[] moves = {"h8", "h9", "i8", "i9", "j8", "j9", "k8", "k9", "g8"};
        String xs = "";
        String os = "";
        Gomoku.State s = GAME.newInitialState();
        assertEquals(board(15, "/"), s.toString());
        assertEquals(225, s.legalActions().length);
        for (int i = 0; i < moves.length; i++) {
            int action = GAME.parseMove(moves[i]);
            assertTrue(s.isLegal(action));
            s = s.child(action);
            if (i % 2 == 0) {
                xs += " " + moves[i];
            } else {
                os += " " + moves[i];
            }
            assertEquals(board(15, xs + " /" + os), s.toString(), "after " + moves[i]);
            assertEquals(i + 1, s.moveCount());
            if (i < moves.length - 1) {
                assertFalse(s.isTerminal());
                assertEquals((i + 1) % 2, s.currentPlayer());
                int[] legal = s.legalActions();
                assertEquals(224 - i, legal.length);
                assertEquals(224 - i, s.numLegalActions());
                assertFalse(s.isLegal(action));
                assertTrue(Arrays.stream(legal).noneMatch(a -> a == action));
                assertArrayEquals(legal, Arrays.stream(legal).sorted().distinct().toArray());
                assertArrayEquals(new double[] {0, 0}, s.returns());
                assertEquals(-1, s.winner());
            }
        }
        assertTrue(s.isTerminal());
        assertEquals(GameState.TERMINAL_PLAYER, s.currentPlayer());
        assertEquals(0, s.winner());
        assertArrayEquals(new double[] {1, -1}, s.returns());
        assertArrayEquals(new int[0], s.legalActions());
        assertEquals(0, s.numLegalActions());
        assertEquals("h8 h9 i8 i9 j8 j9 k8 k9 g8", s.history());
        assertEquals(s, GAME.parse(s.history()));
    }

    @Test
    void fiveVerticallyAndOnBothDiagonalsWin() {
        // x's fifth stone completes the line; o's stones are scattered far away.
        String[][] lines = {
            {"c3 c4 c5 c6", "c7"}, // vertical, fifth on top
            {"f10 g11 h12 i13", "e9"}, // rising diagonal, fifth at the low end
            {"o1 n2 m3 l4", "k5"}, // falling diagonal from the bottom-right corner
            {"a15 b15 c15 e15", "d15"}, // horizontal along the top edge, filled in the middle
        };
        String filler = " a1 a3 a5 a7";
        for (String[] line : lines) {
            String[] xs = line[0].split(" ");
            String[] os = filler.strip().split(" ");
            StringBuilder moves = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                moves.append(xs[i]).append(' ').append(os[i]).append(' ');
            }
            Gomoku.State before = play(GAME, moves.toString());
            assertFalse(before.isTerminal(), line[0]);
            Gomoku.State after = before.child(GAME.parseMove(line[1]));
            assertTrue(after.isTerminal(), line[0] + " " + line[1]);
            assertEquals(0, after.winner());
            assertArrayEquals(new double[] {1, -1}, after.returns());
        }
    }

    @Test
    void secondPlayerWinsToo() {
        Gomoku.State s = play(GAME, "a1 h8 a3 h9 a5 h10 a7 h11 a9");
        assertFalse(s.isTerminal());
        s = s.child(GAME.parseMove("h12"));
        assertEquals(1, s.winner());
        assertArrayEquals(new double[] {-1, 1}, s.returns());
    }

    @Test
    void anOverlineOfSixWinsButABrokenFourDoesNot() {
        // x: c8 d8 e8 f8 . h8 is a broken four, not five; o plays on the edge.
        Gomoku.State s = play(GAME, "c8 a1 d8 a2 e8 a3 h8 a4 f8 b1");
        assertFalse(s.isTerminal(), "c-f plus h is no five");
        assertEquals(-1, s.winner());
        assertEquals(board(15, "c8 d8 e8 f8 h8 / a1 a2 a3 a4 b1"), s.toString());
        Gomoku.State six = s.child(GAME.parseMove("g8"));
        assertTrue(six.isTerminal(), "six in a row wins in free-style gomoku");
        assertEquals(0, six.winner());
        // x x . x x is not five either; filling it makes five.
        Gomoku.State gap = play(GAME, "d4 a15 e4 b15 g4 c15 h4 e15");
        assertFalse(gap.isTerminal());
        assertEquals(0, gap.currentPlayer());
        assertEquals(0, gap.child(GAME.parseMove("f4")).winner());
        // Four of x plus one of o is no win for either.
        Gomoku.State blocked = play(GAME, "d4 h4 e4 b15 f4 c15 g4");
        assertFalse(blocked.isTerminal());
        assertEquals(-1, blocked.winner());
    }

    @Test
    void linesDoNotWrapAcrossTheEdgeOfTheBoard() {
        // l8 m8 n8 o8 then a7 are five consecutive cells in row-major order, but no line.
        Gomoku.State s = play(GAME, "l8 b1 m8 b3 n8 b5 o8 b7 a7");
        assertFalse(s.isTerminal());
        // Likewise down a column: the right edge, then the next row's left edge diagonally.
        s = play(GAME, "o12 b1 n11 b3 m10 b5 l9 b7 k8");
        assertTrue(s.isTerminal(), "o12 n11 m10 l9 k8 is a real falling diagonal");
        Gomoku.State wrap = play(GAME, "m13 b1 n14 b3 o15 b5 a1 c7 b2");
        assertFalse(wrap.isTerminal());
    }

    @Test
    void aFullBoardWithoutFiveIsADraw() {
        // 5 x 5: rows "xxoox", "ooxxo", ... have no five in any row, column or diagonal.
        Gomoku game = new Gomoku(5);
        String[] rows = {"xxoox", "ooxxo", "xxoox", "ooxxo", "xxoox"};
        List<String> xs = new java.util.ArrayList<>();
        List<String> os = new java.util.ArrayList<>();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                String point = (char) ('a' + c) + Integer.toString(5 - r);
                (rows[r].charAt(c) == 'x' ? xs : os).add(point);
            }
        }
        assertEquals(13, xs.size());
        Gomoku.State s = game.newInitialState();
        for (int i = 0; i < 25; i++) {
            assertFalse(s.isTerminal());
            s = s.child(game.parseMove(i % 2 == 0 ? xs.get(i / 2) : os.get(i / 2)));
        }
        assertEquals(String.join("\n", rows) + "\n", s.toString());
        assertTrue(s.isTerminal());
        assertEquals(-1, s.winner());
        assertArrayEquals(new double[] {0, 0}, s.returns());
        assertEquals(GameState.TERMINAL_PLAYER, s.currentPlayer());
        assertArrayEquals(new int[0], s.legalActions());
    }

    @Test
    void illegalMovesAreRejectedAndTheStateIsUnchanged() {
        Gomoku.State s = GAME.parse("h8 h9");
        String before = s.toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.child(112));
        assertEquals("illegal action 112 (h8): point h8 is taken; 223 legal actions", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.child(225));
        assertEquals("illegal action 225: out of range 0-224; 223 legal actions", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.child(-1));
        assertFalse(s.isLegal(225));
        assertFalse(s.isLegal(-1));
        assertEquals(before, s.toString());
        assertEquals("h8 h9", s.history());
        assertEquals(0, s.currentPlayer());
        Gomoku.State won = GAME.parse("h8 h9 i8 i9 j8 j9 k8 k9 g8");
        e = assertThrows(IllegalArgumentException.class, () -> won.child(0));
        assertEquals("illegal action 0 (a15): the game is over; 0 legal actions", e.getMessage());
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, s::legalActionMask);
        assertTrue(u.getMessage().startsWith("gomoku has 225 distinct actions"), u.getMessage());
    }

    @Test
    void malformedPositionsAreRejectedWithClearMessages() {
        assertEquals("gomoku position \"h8 z3\": move 2 \"z3\" is not a point (columns a-o, rows 1-15 on the 15x15"
                + " board)", assertThrows(IllegalArgumentException.class, () -> GAME.parse("h8 z3")).getMessage());
        assertEquals("gomoku position \"h8 h16\": move 2 \"h16\" is not a point (columns a-o, rows 1-15 on the 15x15"
                + " board)", assertThrows(IllegalArgumentException.class, () -> GAME.parse("h8 h16")).getMessage());
        assertEquals("gomoku position \"h8 i9 H8\": point h8 is already taken at move 3",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("h8 i9 H8")).getMessage());
        assertEquals("gomoku position \"h8 h9 i8 i9 j8 j9 k8 k9 g8 a1\": game is already over before move 10"
                + " (player 0 won)", assertThrows(IllegalArgumentException.class,
                        () -> GAME.parse("h8 h9 i8 i9 j8 j9 k8 k9 g8 a1")).getMessage());
        assertEquals("gomoku position \"h8,i9\": move 1 \"h8,i9\" is not a point (columns a-o, rows 1-15 on the"
                + " 15x15 board)", assertThrows(IllegalArgumentException.class, () -> GAME.parse("h8,i9")).getMessage());
        assertEquals(GAME.newInitialState(), GAME.parse("  "));
        assertEquals(GAME.parse("h8 i9"), GAME.parse("  H8   i9 "));
        assertEquals(0, GAME.newInitialState().moveCount());
    }

    @Test
    void transpositionsAreEqualWithEqualHashes() {
        Gomoku.State a = GAME.parse("h8 h9 i8 i9");
        Gomoku.State b = GAME.parse("i8 i9 h8 h9");
        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a.history(), b.history());
        Gomoku.State c = GAME.parse("h8 h9 i9 i8");
        assertNotEquals(a, c);
        assertNotEquals(a.hash(), c.hash());
        assertNotEquals(GAME.newInitialState(), new Gomoku(9).newInitialState());
    }

    @Test
    void observationIsFromTheSideToMove() {
        Gomoku game = new Gomoku(5);
        float[] out = new float[50 + 2];
        game.parse("c3").observationTensor(out, 2);
        for (int i = 0; i < 50; i++) {
            assertEquals(i == 25 + 12 ? 1f : 0f, out[2 + i], "index " + i);
        }
        game.parse("c3 a5").observationTensor(out, 2);
        for (int i = 0; i < 50; i++) {
            assertEquals(i == 12 || i == 25 ? 1f : 0f, out[2 + i], "index " + i);
        }
    }

    @Test
    void symmetriesMapPositionsActionsAndOutcomes() {
        Set<List<Integer>> distinct = new HashSet<>();
        for (int k = 0; k < Gomoku.NUM_SYMMETRIES; k++) {
            int[] p = GAME.actionPermutation(k);
            assertArrayEquals(java.util.stream.IntStream.range(0, 225).toArray(), Arrays.stream(p).sorted().toArray());
            assertEquals(112, p[112], "the centre is fixed");
            distinct.add(Arrays.stream(p).boxed().toList());
        }
        assertEquals(8, distinct.size());
        assertEquals(GAME.parseMove("o15"), GAME.actionPermutation(1)[GAME.parseMove("a15")], "quarter turn");
        assertEquals(GAME.parseMove("o15"), GAME.actionPermutation(4)[GAME.parseMove("a15")], "mirror");
        Rng rng = new Rng(4);
        int[] buf = new int[225];
        for (int g = 0; g < 30; g++) {
            Gomoku.State s = GAME.newInitialState();
            while (!s.isTerminal()) {
                s = s.child(buf[rng.nextInt(s.legalActions(buf))]);
            }
            for (int k = 0; k < Gomoku.NUM_SYMMETRIES; k++) {
                int[] p = GAME.actionPermutation(k);
                Gomoku.State t = s.transform(k);
                assertEquals(s.winner(), t.winner(), s.history() + " under " + k);
                assertEquals(s.moveCount(), t.moveCount());
                for (int a = 0; a < 225; a++) {
                    assertEquals(s.stoneAt(a), t.stoneAt(p[a]));
                }
                Gomoku.State earlier = GAME.parse(String.join(" ",
                        Arrays.copyOf(s.history().split(" "), s.moveCount() / 2)));
                Gomoku.State mapped = earlier.transform(k);
                for (int a = 0; a < 225; a++) {
                    assertEquals(earlier.isLegal(a), mapped.isLegal(p[a]));
                }
            }
        }
    }

    @Test
    void randomPlayoutsTerminateZeroSumAndRoundTrip() {
        Rng rng = new Rng(17);
        int[] buf = new int[GAME.numDistinctActions()];
        int[] outcomes = new int[3];
        for (int g = 0; g < 1_000; g++) {
            Gomoku.State s = GAME.newInitialState();
            while (!s.isTerminal()) {
                assertEquals(s.moveCount() % 2, s.currentPlayer());
                int n = s.legalActions(buf);
                assertEquals(225 - s.moveCount(), n);
                s = s.child(buf[rng.nextInt(n)]);
                assertTrue(s.moveCount() <= GAME.maxGameLength());
            }
            double[] r = s.returns();
            assertEquals(0.0, r[0] + r[1]);
            outcomes[s.winner() + 1]++;
            if (s.winner() >= 0) {
                assertEquals((s.moveCount() - 1) % 2, s.winner(), "the last mover wins");
                assertEquals(1.0, r[s.winner()]);
            }
            if (g % 50 == 0) {
                Gomoku.State again = GAME.parse(s.history());
                assertEquals(s, again);
                assertEquals(s.winner(), again.winner());
                assertEquals(s.toString(), again.toString());
            }
        }
        assertTrue(outcomes[1] > 300 && outcomes[2] > 300, Arrays.toString(outcomes));
    }
}
