package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class ConnectFourTest {

    private static final ConnectFour GAME = new ConnectFour();
    private static final String EMPTY_ROW = ".......";

    /** A board text from its lowest rows, given bottom row last as they are printed; the rows above are empty. */
    private static String board(String... lowestRows) {
        StringBuilder sb = new StringBuilder();
        for (int i = lowestRows.length; i < ConnectFour.ROWS; i++) {
            sb.append(EMPTY_ROW).append('\n');
        }
        for (String row : lowestRows) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    @Test
    void describesItself() {
        assertEquals("connect_four", GAME.name());
        assertEquals(2, GAME.numPlayers());
        assertEquals(7, GAME.numDistinctActions());
        assertEquals(42, GAME.maxGameLength());
        assertArrayEquals(new int[] {2, 6, 7}, GAME.observationShape());
        assertEquals(84, GAME.observationSize());
    }

    @Test
    void goldenPlaythroughEndsInHorizontalWinForFirstPlayer() {
        int[] moves = {3, 3, 4, 4, 5, 5, 6};
        String[] boards = {
            board("...x..."),
            board("...o...", "...x..."),
            board("...o...", "...xx.."),
            board("...oo..", "...xx.."),
            board("...oo..", "...xxx."),
            board("...ooo.", "...xxx."),
            board("...ooo.", "...xxxx"),
        };
        GameState s = GAME.newInitialState();
        assertEquals(board(), s.toString());
        assertEquals(0, s.currentPlayer());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, s.legalActions());
        for (int i = 0; i < moves.length; i++) {
            s = s.child(moves[i]);
            assertEquals(boards[i], s.toString(), "after move " + (i + 1));
            assertEquals(i + 1, s.moveCount());
            if (i < moves.length - 1) {
                assertFalse(s.isTerminal());
                assertEquals((i + 1) % 2, s.currentPlayer());
                assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, s.legalActions());
                assertEquals(0x7FL, s.legalActionMask());
                assertArrayEquals(new double[] {0, 0}, s.returns());
            }
        }
        assertTrue(s.isTerminal());
        assertEquals(GameState.TERMINAL_PLAYER, s.currentPlayer());
        assertEquals(0, s.winner());
        assertArrayEquals(new int[0], s.legalActions());
        assertEquals(0L, s.legalActionMask());
        assertArrayEquals(new double[] {1, -1}, s.returns());
        assertEquals("4455667", s.history());
    }

    @Test
    void goldenDrawFillsTheBoard() {
        // Found by seeded random play; no four in a row for either side when the board fills.
        String moves = "451576432622514475662426675512711147333337";
        GameState s = GAME.newInitialState();
        for (int i = 0; i < moves.length(); i++) {
            assertFalse(s.isTerminal(), "terminal before move " + (i + 1));
            assertEquals(i % 2, s.currentPlayer());
            s = s.child(moves.charAt(i) - '1');
            assertArrayEquals(new double[] {0, 0}, s.returns());
        }
        assertEquals(String.join("\n", "ooxxoxo", "xxooxoo", "oxxooox", "xooxxxo", "oxxxoox", "xxoxoox") + "\n",
                s.toString());
        assertTrue(s.isTerminal());
        assertEquals(-1, s.winner());
        assertEquals(GameState.TERMINAL_PLAYER, s.currentPlayer());
        assertArrayEquals(new int[0], s.legalActions());
        assertEquals(moves, s.history());
        GameState full = s;
        assertThrows(IllegalArgumentException.class, () -> full.child(0));
    }

    @Test
    void verticalWin() {
        GameState before = GAME.parse("121212");
        assertFalse(before.isTerminal());
        GameState s = before.child(0);
        assertEquals(board("x......", "xo.....", "xo.....", "xo....."), s.toString());
        assertEquals(0, s.winner());
    }

    @Test
    void risingDiagonalWin() {
        GameState before = GAME.parse("1223343447");
        assertFalse(before.isTerminal());
        GameState s = before.child(3);
        assertEquals(board("...x...", "..xx...", ".xxo...", "xooo..o"), s.toString());
        assertTrue(s.isTerminal());
        assertEquals(0, s.winner());
    }

    @Test
    void fallingDiagonalWin() {
        GameState before = GAME.parse("7665545441");
        assertFalse(before.isTerminal());
        GameState s = before.child(3);
        assertEquals(board("...x...", "...xx..", "...oxx.", "o..ooox"), s.toString());
        assertTrue(s.isTerminal());
        assertEquals(0, s.winner());
    }

    @Test
    void secondPlayerCanWin() {
        GameState s = GAME.parse("1425162");
        assertFalse(s.isTerminal());
        assertEquals(1, s.currentPlayer());
        s = s.child(6);
        assertEquals(board("xx.....", "xx.oooo"), s.toString());
        assertTrue(s.isTerminal());
        assertEquals(1, s.winner());
        assertArrayEquals(new double[] {-1, 1}, s.returns());
    }

    /** Four in a row by coordinates, independent of the bitboard layout. */
    private static boolean naiveFour(boolean[][] cell) {
        int[][] dirs = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
        for (int c = 0; c < 7; c++) {
            for (int r = 0; r < 6; r++) {
                for (int[] d : dirs) {
                    int n = 0;
                    for (int k = 0; k < 4; k++) {
                        int cc = c + d[0] * k;
                        int rr = r + d[1] * k;
                        if (cc >= 0 && cc < 7 && rr >= 0 && rr < 6 && cell[cc][rr]) {
                            n++;
                        }
                    }
                    if (n == 4) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void bitboardWinCheckAgreesWithCoordinatesOnRandomStoneSets() {
        // Random stone sets, not just reachable positions, so lines that would wrap across columns are probed.
        Rng rng = new Rng(7);
        int wins = 0;
        for (int t = 0; t < 20_000; t++) {
            boolean[][] cell = new boolean[7][6];
            long bits = 0;
            int stones = 4 + rng.nextInt(10);
            for (int k = 0; k < stones; k++) {
                int c = rng.nextInt(7);
                int r = rng.nextInt(6);
                cell[c][r] = true;
                bits |= 1L << (7 * c + r);
            }
            boolean expected = naiveFour(cell);
            assertEquals(expected, ConnectFour.hasFour(bits), "stones " + Long.toBinaryString(bits));
            wins += expected ? 1 : 0;
        }
        assertTrue(wins > 500, "the sample must contain wins to be a test: " + wins);
        // Across the sentinel: the top of column 1 and the bottom of column 2 are not a vertical line.
        assertFalse(ConnectFour.hasFour((1L << 3) | (1L << 4) | (1L << 5) | (1L << 7)));
    }

    @Test
    void fullColumnIsRejectedAndStateUnchanged() {
        GameState s = GAME.parse("444444");
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6}, s.legalActions());
        assertEquals(0b1110111L, s.legalActionMask());
        String before = s.toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.child(3));
        assertEquals("illegal action 3: column 4 is full; legal actions [0, 1, 2, 4, 5, 6]", e.getMessage());
        assertEquals(before, s.toString());
        assertEquals("444444", s.history());
        assertEquals(6, s.moveCount());
        assertEquals(0, s.currentPlayer());
        assertThrows(IllegalArgumentException.class, () -> s.child(7));
        assertThrows(IllegalArgumentException.class, () -> s.child(-1));
    }

    @Test
    void malformedPositionsAreRejectedWithClearMessages() {
        assertEquals("Connect Four position \"44a3\": character 'a' at index 2 is not a column digit 1-7",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("44a3")).getMessage());
        assertEquals("Connect Four position \"8\": column 8 out of range 1-7 at move 1",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("8")).getMessage());
        assertEquals("Connect Four position \"40\": column 0 out of range 1-7 at move 2",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("40")).getMessage());
        assertEquals("Connect Four position \"4444444\": column 4 is full at move 7",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("4444444")).getMessage());
        assertEquals("Connect Four position \"44556677\": game is already over before move 8 (player 0 won)",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("44556677")).getMessage());
        // Failed parses leave nothing behind: states are values and the initial state is shared.
        assertEquals(0, GAME.newInitialState().moveCount());
        assertEquals("", GAME.newInitialState().history());
        assertEquals(GAME.parse(""), GAME.newInitialState());
    }

    private record Reference(String position, int score, String bestMoves) {}

    private static List<Reference> references() throws IOException {
        List<Reference> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ConnectFourTest.class.getResourceAsStream("/reference/connect4/positions.txt"),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                out.add(new Reference(f[0], Integer.parseInt(f[1]), f[2]));
            }
        }
        return out;
    }

    @Test
    void everyReferencePositionParsesAndRoundTrips() throws IOException {
        List<Reference> refs = references();
        assertEquals(200, refs.size());
        for (Reference ref : refs) {
            String p = ref.position();
            ConnectFour.State s = GAME.parse(p);
            assertFalse(s.isTerminal(), p);
            assertEquals(p.length(), s.moveCount(), p);
            assertEquals(p.length() % 2, s.currentPlayer(), p);
            assertEquals(p, s.history(), p);
            assertEquals(s, GAME.parse(s.history()), p);
            assertEquals(Long.bitCount(s.stones(0)), (p.length() + 1) / 2, p);
            assertEquals(Long.bitCount(s.stones(1)), p.length() / 2, p);
        }
    }

    @Test
    void referenceImmediateWinsMatchTheWinDetector() throws IOException {
        // Per the README, score (43 - n) / 2 means the side to move wins with its next stone, so every best move
        // must end the game at once; any lower score means no move wins at once.
        int immediate = 0;
        for (Reference ref : references()) {
            GameState s = GAME.parse(ref.position());
            int n = ref.position().length();
            boolean winsNow = ref.score() == (43 - n) / 2;
            int mover = s.currentPlayer();
            for (int a : s.legalActions()) {
                GameState c = s.child(a);
                boolean best = ref.bestMoves().indexOf((char) ('1' + a)) >= 0;
                boolean won = c.isTerminal() && c.winner() == mover;
                if (winsNow && best) {
                    assertTrue(won, ref + " column " + (a + 1));
                }
                if (!winsNow) {
                    assertFalse(won, ref + " column " + (a + 1));
                }
            }
            immediate += winsNow ? 1 : 0;
        }
        assertTrue(immediate > 50, "about half the positions win at once: " + immediate);
    }

    @Test
    void transpositionsAreEqualWithEqualHashes() {
        GameState a = GAME.parse("4455");
        GameState b = GAME.parse("5544");
        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a.history(), b.history());
        GameState c = GAME.parse("4554");
        assertNotEquals(a, c);
        assertNotEquals(a.hash(), c.hash());
    }

    @Test
    void hashesAgreeWithEqualityOverRandomPlay() {
        Rng rng = new Rng(3);
        Map<Long, GameState> byHash = new HashMap<>();
        for (int g = 0; g < 2_000; g++) {
            GameState s = GAME.newInitialState();
            while (!s.isTerminal()) {
                GameState prev = byHash.putIfAbsent(s.hash(), s);
                if (prev != null) {
                    assertEquals(prev, s, prev.history() + " vs " + s.history());
                }
                int[] legal = s.legalActions();
                s = s.child(legal[rng.nextInt(legal.length)]);
            }
        }
        assertTrue(byHash.size() > 10_000);
    }

    @Test
    void observationIsFromTheSideToMove() {
        float[] out = new float[GAME.observationSize() + 3];
        GameState s = GAME.parse("4");
        s.observationTensor(out, 3);
        // Side to move is o, so x's stone at the bottom of column 4 is on plane 1, bottom row (row 5).
        for (int i = 0; i < 84; i++) {
            assertEquals(i == 42 + 5 * 7 + 3 ? 1f : 0f, out[3 + i], "index " + i);
        }
        GameState t = s.child(0);
        t.observationTensor(out, 3);
        for (int i = 0; i < 84; i++) {
            float expected = i == 5 * 7 + 3 || i == 42 + 5 * 7 ? 1f : 0f;
            assertEquals(expected, out[3 + i], "index " + i);
        }
    }

    @Test
    void randomPlayoutsAreZeroSumAndEndWithinTheBoard() {
        Rng rng = new Rng(11);
        int[] outcomes = new int[3];
        for (int g = 0; g < 1_000; g++) {
            GameState s = GAME.newInitialState();
            int plies = 0;
            while (!s.isTerminal()) {
                assertEquals(plies % 2, s.currentPlayer());
                assertArrayEquals(new double[] {0, 0}, s.returns());
                int[] legal = s.legalActions();
                assertTrue(legal.length > 0);
                s = s.child(legal[rng.nextInt(legal.length)]);
                plies++;
                assertTrue(plies <= GAME.maxGameLength());
            }
            double[] r = s.returns();
            assertEquals(0.0, r[0] + r[1]);
            assertEquals(plies, s.moveCount());
            outcomes[s.winner() + 1]++;
            if (s.winner() >= 0) {
                assertEquals(s.winner(), (plies - 1) % 2, "the last mover wins");
                assertEquals(1.0, r[s.winner()]);
            }
        }
        assertTrue(outcomes[1] > 400 && outcomes[2] > 300, java.util.Arrays.toString(outcomes));
    }

    @Test
    void mirroredPositionsHaveMirroredActionsAndOutcomes() {
        Rng rng = new Rng(5);
        for (int g = 0; g < 500; g++) {
            ConnectFour.State s = GAME.newInitialState();
            ConnectFour.State m = s.mirror();
            while (!s.isTerminal()) {
                int[] legal = s.legalActions();
                int[] mirroredLegal = m.legalActions();
                assertEquals(legal.length, mirroredLegal.length);
                for (int a : legal) {
                    assertTrue(m.isLegal(ConnectFour.mirrorAction(a)), s.history() + " action " + a);
                }
                assertEquals(m, s.mirror());
                assertEquals(s, m.mirror());
                assertEquals(m, GAME.parse(m.history()));
                int a = legal[rng.nextInt(legal.length)];
                s = s.child(a);
                m = m.child(ConnectFour.mirrorAction(a));
                assertEquals(s.isTerminal(), m.isTerminal());
            }
            assertEquals(s.winner(), m.winner());
            assertArrayEquals(s.returns(), m.returns());
        }
        assertEquals("7654321", GAME.parse("1234567").mirror().history());
    }
}
