package rlx.envs.games;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;

class GoTest {

    private static final Go GAME = new Go();
    private static final int PASS = 81;

    /** A 9 x 9 board text with {@code x} on the given vertices, then {@code o} on the ones after "/". */
    private static String board(String points) {
        char[][] rows = new char[9][9];
        for (char[] row : rows) {
            Arrays.fill(row, '.');
        }
        char stone = 'x';
        for (String p : points.strip().split("\\s+")) {
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("/")) {
                stone = 'o';
                continue;
            }
            int a = GAME.gtpToAction(p);
            rows[a / 9][a % 9] = stone;
        }
        StringBuilder sb = new StringBuilder();
        for (char[] row : rows) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    private static int v(String vertex) {
        return GAME.gtpToAction(vertex);
    }

    private static int[] allActions() {
        return IntStream.rangeClosed(0, PASS).toArray();
    }

    @Test
    void describesItself() {
        assertEquals("go", GAME.name());
        assertEquals(2, GAME.numPlayers());
        assertEquals(9, GAME.size());
        assertEquals(7.5, GAME.komi());
        assertEquals(82, GAME.numDistinctActions());
        assertEquals(PASS, GAME.passAction());
        assertEquals(324, GAME.maxGameLength());
        assertArrayEquals(new int[] {3, 9, 9}, GAME.observationShape());
        assertEquals(243, GAME.observationSize());
        assertEquals("go board size 26 out of range 2-25",
                assertThrows(IllegalArgumentException.class, () -> new Go(26, 7.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Go(9, Double.NaN));
    }

    @Test
    void gtpVerticesConvertToActionsAndBack() {
        assertEquals(0, v("A9"));
        assertEquals(8, v("J9"));
        assertEquals(72, v("A1"));
        assertEquals(80, v("J1"));
        assertEquals(40, v("E5"));
        assertEquals(48, v("D4"));
        assertEquals(48, v("d4"));
        assertEquals(PASS, v("pass"));
        assertEquals(PASS, v("PASS"));
        assertEquals("D4", GAME.actionToGtp(48));
        assertEquals("H8", GAME.actionToGtp(v("h8")));
        assertEquals("pass", GAME.actionToGtp(PASS));
        for (int a = 0; a <= PASS; a++) {
            assertEquals(a, v(GAME.actionToGtp(a)));
        }
        assertEquals(9, new HashSet<>(List.of(GAME.actionToGtp(0), GAME.actionToGtp(1), GAME.actionToGtp(2),
                GAME.actionToGtp(3), GAME.actionToGtp(4), GAME.actionToGtp(5), GAME.actionToGtp(6),
                GAME.actionToGtp(7), GAME.actionToGtp(8))).size());
        assertEquals("J9", GAME.actionToGtp(8), "no column I");
        for (String bad : new String[] {"I5", "K5", "A0", "A10", "", "E", "5E", "E05", "resign", "E5 "}) {
            assertEquals("not a 9x9 go move: \"" + bad + "\" (a GTP vertex A1-J9 (no column I) or pass)",
                    assertThrows(IllegalArgumentException.class, () -> GAME.gtpToAction(bad)).getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GAME.actionToGtp(82));
        assertThrows(IllegalArgumentException.class, () -> GAME.actionToGtp(-1));
        Go big = new Go(19, 7.5);
        assertEquals(3 * 19 + 15, big.gtpToAction("Q16"));
        assertEquals(18, big.gtpToAction("T19"));
        assertEquals("Q16", big.actionToGtp(3 * 19 + 15));
        assertEquals(361, big.gtpToAction("pass"));
    }

    @Test
    void theEmptyBoardHasEveryPointAndPassLegal() {
        Go.State s = GAME.newInitialState();
        assertArrayEquals(allActions(), s.legalActions());
        assertEquals(82, s.numLegalActions());
        assertEquals(82, s.legalActionSet().cardinality());
        assertEquals(board(""), s.toString());
        Go.State e5 = s.child(v("E5"));
        assertEquals(81, e5.numLegalActions());
        assertFalse(e5.isLegal(v("E5")));
        assertEquals(1, e5.currentPlayer());
        assertEquals(v("E5"), IntStream.of(allActions()).filter(a -> !e5.isLegal(a)).findFirst().getAsInt());
        assertEquals(361 + 1, new Go(19, 7.5).newInitialState().numLegalActions());
    }

    @Test
    void goldenPlaythroughCapturesASingleStone() {
        String[] moves = {"E5", "D5", "pass", "F5", "pass", "E4", "pass", "E6"};
        String[] boards = {
            board("E5"),
            board("E5 / D5"),
            board("E5 / D5"),
            board("E5 / D5 F5"),
            board("E5 / D5 F5"),
            board("E5 / D5 F5 E4"),
            board("E5 / D5 F5 E4"),
            board("/ D5 F5 E4 E6"),
        };
        int[] legal = {81, 80, 80, 79, 79, 78, 78, 77};
        Go.State s = GAME.newInitialState();
        for (int i = 0; i < moves.length; i++) {
            s = s.child(v(moves[i]));
            assertEquals(boards[i], s.toString(), "after " + moves[i]);
            assertFalse(s.isTerminal());
            assertEquals((i + 1) % 2, s.currentPlayer());
            assertEquals(legal[i], s.legalActions().length, "after " + moves[i]);
            assertEquals(moves[i].equals("pass") ? 1 : 0, s.consecutivePasses());
            assertArrayEquals(new double[] {0, 0}, s.returns());
            assertEquals(-1, s.winner());
        }
        assertEquals("E5 D5 pass F5 pass E4 pass E6", s.history());
        // Black may not play back into E5: it would have no liberty and captures nothing.
        Go.State after = s;
        assertFalse(after.isLegal(v("E5")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> after.child(v("E5")));
        assertEquals("illegal action 40 (E5): E5 is suicide; 77 legal actions", e.getMessage());
        assertEquals(boards[7], after.toString());
        assertEquals(8, after.moveCount());
        assertEquals(0, after.currentPlayer());
    }

    @Test
    void capturesAGroupAndOnTheEdgeAndInTheCorner() {
        Go.State group = GAME.parse("E5 D5 E4 D4 pass F5 pass F4 pass E6");
        assertEquals(board("E5 E4 / D5 D4 F5 F4 E6"), group.toString());
        group = group.child(GAME.gtpToAction("pass")).child(v("E3"));
        assertEquals(board("/ D5 D4 F5 F4 E6 E3"), group.toString());
        assertTrue(group.isLegal(v("E5")) && group.isLegal(v("E4")), "the captured points are free again");

        Go.State edge = GAME.parse("A5 A6 pass A4");
        assertEquals(board("A5 / A6 A4"), edge.toString());
        edge = edge.child(PASS).child(v("B5"));
        assertEquals(board("/ A6 A4 B5"), edge.toString());

        Go.State corner = GAME.parse("A1 A2 pass");
        assertEquals(board("A1 / A2"), corner.toString());
        corner = corner.child(v("B1"));
        assertEquals(board("/ A2 B1"), corner.toString());
        assertFalse(corner.isLegal(v("A1")), "black A1 is now suicide");
        assertTrue(corner.isLegal(v("C1")));
    }

    @Test
    void captureIntoTheOpponentsLibertiesIsLegalWhenItCaptures() {
        // Ko: black E6 D5 E4 around white E5; white F6 G5 F4 around F5. F5 has no liberty but captures E5.
        Go.State s = GAME.parse("E6 F6 D5 E5 E4 F4 pass G5");
        assertEquals(board("E6 D5 E4 / F6 E5 F4 G5"), s.toString());
        assertTrue(s.isLegal(v("F5")));
        Go.State taken = s.child(v("F5"));
        assertEquals(board("E6 D5 E4 F5 / F6 F4 G5"), taken.toString());
        // Simple ko: white may not take back at once, which would repeat the position before F5.
        assertFalse(taken.isLegal(v("E5")));
        assertFalse(Arrays.stream(taken.legalActions()).anyMatch(a -> a == v("E5")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> taken.child(v("E5")));
        assertEquals("illegal action 40 (E5): E5 recreates an earlier position (positional superko); 74 legal"
                + " actions", e.getMessage());
        assertEquals(board("E6 D5 E4 F5 / F6 F4 G5"), taken.toString());
        // After an exchange elsewhere the recapture is a new position, so legal.
        Go.State later = taken.child(v("A1")).child(v("A9"));
        assertTrue(later.isLegal(v("E5")));
        assertEquals(board("E6 D5 E4 A9 / F6 F4 G5 A1 E5"), later.child(v("E5")).toString());
    }

    @Test
    void suicideIsIllegalForSingleStonesAndGroups() {
        Go.State corner = GAME.parse("pass A2 pass B1");
        assertFalse(corner.isLegal(v("A1")));
        assertEquals("illegal action 72 (A1): A1 is suicide; 79 legal actions",
                assertThrows(IllegalArgumentException.class, () -> corner.child(v("A1"))).getMessage());
        // Black A1 alone has the liberty A2; filling it joins A1 to a group with no liberty left.
        Go.State group = GAME.parse("A1 B1 pass B2 pass A3");
        assertEquals(board("A1 / B1 B2 A3"), group.toString());
        assertFalse(group.isLegal(v("A2")));
        assertThrows(IllegalArgumentException.class, () -> group.child(v("A2")));
        assertEquals(board("A1 / B1 B2 A3"), group.toString());
        // White's A2 instead captures A1.
        Go.State white = group.child(PASS);
        assertEquals(board("/ B1 B2 A3 A2"), white.child(v("A2")).toString());
    }

    @Test
    void positionalSuperkoForbidsRepeatingAnyEarlierPosition() {
        // Two kos: on the left black B7 A6 B5 and white C7 D6 C5 with white in B6 (black can take at C6); on the
        // right black F4 E3 F2 and white G4 H3 G2 with black in G3 (white can take at F3).
        String setup = "B7 C7 A6 D6 B5 C5 F4 G4 E3 H3 F2 G2 G3 B6";
        Go.State p0 = GAME.parse(setup);
        assertEquals(board("B7 A6 B5 F4 E3 F2 G3 / C7 D6 C5 G4 H3 G2 B6"), p0.toString());
        Go.State s = p0.child(v("C6")); // black takes the left ko
        s = s.child(v("F3")); // white takes the right ko
        s = s.child(PASS);
        s = s.child(v("B6")); // white retakes the left ko: a new position, both kos white's
        assertEquals(board("B7 A6 B5 F4 E3 F2 / C7 D6 C5 G4 H3 G2 B6 F3"), s.toString());
        Go.State now = s;
        // Retaking on the left is simple ko; retaking on the right would restore p0, five moves back: superko.
        assertFalse(now.isLegal(v("C6")));
        assertFalse(now.isLegal(v("G3")));
        int[] legal = now.legalActions();
        assertFalse(Arrays.stream(legal).anyMatch(a -> a == v("C6") || a == v("G3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> now.child(v("G3")));
        assertTrue(e.getMessage().startsWith("illegal action " + v("G3") + " (G3): G3 recreates an earlier position"),
                e.getMessage());
        assertEquals("go position \"" + setup + " C6 F3 pass B6 G3\": move 19 \"G3\" is illegal: G3 recreates an"
                + " earlier position (positional superko)", assertThrows(IllegalArgumentException.class,
                        () -> GAME.parse(setup + " C6 F3 pass B6 G3")).getMessage());
        // Both captures were legal moves when they first happened, and an empty point elsewhere stays legal.
        assertTrue(p0.isLegal(v("C6")));
        assertTrue(now.isLegal(v("J1")));
        int empty = 81 - 14;
        assertEquals(empty - 2 + 1, legal.length, "every empty point but the two kos, plus pass");
    }

    @Test
    void twoPassesInARowEndTheGame() {
        Go.State one = GAME.parse("E5 pass");
        assertFalse(one.isTerminal());
        assertEquals(1, one.consecutivePasses());
        assertTrue(one.isLegal(PASS));
        Go.State reset = one.child(v("D4"));
        assertEquals(0, reset.consecutivePasses());
        assertFalse(reset.child(PASS).isTerminal(), "the passes must be consecutive");
        Go.State over = one.child(PASS);
        assertTrue(over.isTerminal());
        assertEquals(2, over.consecutivePasses());
        assertEquals(GameState.TERMINAL_PLAYER, over.currentPlayer());
        assertArrayEquals(new int[0], over.legalActions());
        assertEquals(0, over.numLegalActions());
        assertFalse(over.isLegal(PASS));
        // Black's lone stone reaches every empty point: 81 - 7.5.
        assertEquals(73.5, over.score());
        assertArrayEquals(new double[] {1, -1}, over.returns());
        Go.State empty = GAME.parse("pass pass");
        assertTrue(empty.isTerminal());
        assertArrayEquals(new int[] {0, 0}, empty.areas());
        assertEquals(-7.5, empty.score());
        assertEquals(1, empty.winner());
        assertEquals("illegal action 40 (E5): the game is over; 0 legal actions",
                assertThrows(IllegalArgumentException.class, () -> empty.child(v("E5"))).getMessage());
    }

    @Test
    void areaScoringCountsStonesAndSurroundedEmptyPointsWithKomi() {
        StringBuilder walls = new StringBuilder();
        for (int row = 1; row <= 9; row++) {
            walls.append("E").append(row).append(" F").append(row).append(' ');
        }
        // Black owns columns A-E (45), white F-J (36): black wins by 45 - 36 - 7.5 = 1.5.
        Go.State s = GAME.parse(walls + "pass pass");
        assertTrue(s.isTerminal());
        assertArrayEquals(new int[] {45, 36}, s.areas());
        assertEquals(1.5, s.score());
        assertEquals(0, s.winner());
        assertArrayEquals(new double[] {1, -1}, s.returns());
        // A white stone left inside black's area is not removed: the region touches both colours, so is neutral.
        Go.State invaded = GAME.parse(walls + "pass A1 pass pass");
        assertArrayEquals(new int[] {9, 9 + 27 + 1}, invaded.areas());
        assertEquals(9 - 37 - 7.5, invaded.score());
        assertEquals(1, invaded.winner());

        StringBuilder apart = new StringBuilder();
        for (int row = 1; row <= 9; row++) {
            apart.append("D").append(row).append(" F").append(row).append(' ');
        }
        // Black A-D 36, white F-J 36, column E neutral: komi decides.
        Go.State dame = GAME.parse(apart + "pass pass");
        assertArrayEquals(new int[] {36, 36}, dame.areas());
        assertEquals(-7.5, dame.score());
        assertArrayEquals(new double[] {-1, 1}, dame.returns());
        Go.State noKomi = new Go(9, 0).parse(apart + "pass pass");
        assertEquals(0.0, noKomi.score());
        assertEquals(-1, noKomi.winner());
        assertArrayEquals(new double[] {0, 0}, noKomi.returns());
    }

    @Test
    void resigningEndsTheGameForTheOpponent() {
        Go.State s = GAME.parse("E5 D4").resign();
        assertTrue(s.isTerminal());
        assertTrue(s.resigned());
        assertEquals(1, s.winner(), "black resigned");
        assertArrayEquals(new double[] {-1, 1}, s.returns());
        assertEquals("E5 D4 resign", s.history());
        assertEquals(3, s.moveCount());
        assertEquals(s, GAME.parse("E5 D4 resign"));
        assertEquals(0, GAME.parse("E5 resign").winner(), "white resigned");
        assertEquals(1, GAME.parse("resign").winner());
        assertEquals("resign", GAME.parse("RESIGN").history());
        assertEquals("cannot resign: the game is over",
                assertThrows(IllegalArgumentException.class, s::resign).getMessage());
        assertEquals(s.toString(), board("E5 / D4"));
    }

    @Test
    void illegalMovesAndMalformedPositionsAreRejected() {
        Go.State s = GAME.parse("E5");
        String before = s.toString();
        assertEquals("illegal action 40 (E5): point E5 is occupied; 81 legal actions",
                assertThrows(IllegalArgumentException.class, () -> s.child(v("E5"))).getMessage());
        assertEquals("illegal action 82: out of range 0-81; 81 legal actions",
                assertThrows(IllegalArgumentException.class, () -> s.child(82)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.child(-1));
        assertFalse(s.isLegal(82));
        assertFalse(s.isLegal(-3));
        assertEquals(before, s.toString());
        assertEquals("E5", s.history());
        assertEquals(1, s.currentPlayer());
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, s::legalActionMask);
        assertTrue(u.getMessage().startsWith("go has 82 distinct actions"), u.getMessage());

        String vertices = "is not a GTP vertex A1-J9 (no column I) or pass or resign";
        assertEquals("go position \"E5 Z9\": move 2 \"Z9\" " + vertices,
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("E5 Z9")).getMessage());
        assertEquals("go position \"E5 I5\": move 2 \"I5\" " + vertices,
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("E5 I5")).getMessage());
        assertEquals("go position \"E10\": move 1 \"E10\" " + vertices,
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("E10")).getMessage());
        assertEquals("go position \"E5 e5\": move 2 \"e5\" is illegal: point E5 is occupied",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("E5 e5")).getMessage());
        assertEquals("go position \"pass pass E5\": game is already over before move 3 \"E5\"",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("pass pass E5")).getMessage());
        assertEquals("go position \"E5 resign D4\": game is already over before move 3 \"D4\"",
                assertThrows(IllegalArgumentException.class, () -> GAME.parse("E5 resign D4")).getMessage());
        assertEquals(GAME.newInitialState(), GAME.parse(" "));
        assertEquals(GAME.parse("E5 D4"), GAME.parse(" e5   d4 "));
    }

    @Test
    void observationHasOwnOpponentAndColourPlanes() {
        float[] out = new float[243 + 1];
        GAME.parse("E5").observationTensor(out, 1);
        for (int i = 0; i < 243; i++) {
            assertEquals(i == 81 + 40 ? 1f : 0f, out[1 + i], "white to move, index " + i);
        }
        GAME.parse("E5 D4").observationTensor(out, 1);
        for (int i = 0; i < 243; i++) {
            assertEquals(i == 40 || i == 81 + 48 || i >= 162 ? 1f : 0f, out[1 + i], "black to move, index " + i);
        }
    }

    @Test
    void equalPositionsHaveEqualHashes() {
        Go.State a = GAME.parse("E5 D4 C3");
        Go.State b = GAME.parse("C3 D4 E5");
        assertEquals(a, b);
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a.history(), b.history());
        Go.State passed = GAME.parse("E5 D4 C3 pass");
        assertEquals(a.toString(), passed.toString());
        assertNotEquals(a, passed, "other side to move");
        assertNotEquals(a.hash(), passed.hash());
        Go.State noPass = GAME.parse("E5 pass C3 D4");
        assertEquals(passed.toString(), noPass.toString());
        assertEquals(passed.currentPlayer(), noPass.currentPlayer());
        assertNotEquals(passed, noPass, "a pass now would end the game only in the first");
        assertNotEquals(passed.hash(), noPass.hash());
        assertNotEquals(GAME.parse("E5 D4 C3 pass"), GAME.parse("E5 D4 C3").resign());
    }

    @Test
    void symmetriesMapPositionsMovesAndScores() {
        Set<List<Integer>> distinct = new HashSet<>();
        for (int k = 0; k < Go.NUM_SYMMETRIES; k++) {
            int[] p = GAME.actionPermutation(k);
            assertEquals(PASS, p[PASS]);
            assertEquals(40, p[40], "the centre is fixed");
            assertArrayEquals(allActions(), Arrays.stream(p).sorted().toArray());
            distinct.add(Arrays.stream(p).boxed().toList());
        }
        assertEquals(8, distinct.size());
        assertEquals(v("J9"), GAME.actionPermutation(1)[v("A9")]);
        Rng rng = new Rng(6);
        int[] buf = new int[82];
        for (int g = 0; g < 20; g++) {
            Go.State s = GAME.newInitialState();
            List<Go.State> path = new ArrayList<>();
            while (!s.isTerminal()) {
                path.add(s);
                s = s.child(buf[rng.nextInt(s.legalActions(buf))]);
            }
            Go.State mid = path.get(path.size() / 2);
            for (int k = 0; k < Go.NUM_SYMMETRIES; k++) {
                int[] p = GAME.actionPermutation(k);
                Go.State t = s.transform(k);
                assertEquals(s.score(), t.score());
                assertEquals(s.winner(), t.winner());
                Go.State m = mid.transform(k);
                for (int a = 0; a <= PASS; a++) {
                    assertEquals(mid.isLegal(a), m.isLegal(p[a]), mid.history() + " under " + k + " action " + a);
                    if (a < PASS) {
                        assertEquals(mid.stoneAt(a), m.stoneAt(p[a]));
                    }
                }
            }
        }
    }

    @Test
    void randomPlayoutsTerminateAreZeroSumAndRoundTrip() {
        Rng rng = new Rng(23);
        int[] buf = new int[82];
        int[] outcomes = new int[3];
        int capped = 0;
        for (int g = 0; g < 1_000; g++) {
            Go.State s = GAME.newInitialState();
            while (!s.isTerminal()) {
                assertEquals(s.moveCount() % 2 == 0 ? 0 : 1, s.currentPlayer());
                int n = s.legalActions(buf);
                assertEquals(PASS, buf[n - 1], "pass is always legal");
                s = s.child(buf[rng.nextInt(n)]);
            }
            assertTrue(s.moveCount() <= GAME.maxGameLength());
            capped += s.moveCount() == GAME.maxGameLength() ? 1 : 0;
            double[] r = s.returns();
            assertEquals(0.0, r[0] + r[1]);
            assertEquals(Math.signum(s.score()), r[0]);
            outcomes[s.winner() + 1]++;
            if (g % 50 == 0) {
                Go.State again = GAME.parse(s.history());
                assertEquals(s, again);
                assertEquals(s.score(), again.score());
            }
        }
        assertEquals(0, outcomes[0], "komi 7.5 leaves no draws");
        assertTrue(outcomes[1] > 200 && outcomes[2] > 200, Arrays.toString(outcomes));
        assertTrue(capped < 50, "most random games end by passing: " + capped);
    }

    @Test
    void legalMovesAndCapturesAgreeWithANaiveReference() {
        // A straightforward coordinate implementation, with superko by a set of whole-board strings.
        Rng rng = new Rng(29);
        int[] buf = new int[82];
        int captures = 0;
        int superkoBans = 0;
        for (int g = 0; g < 100; g++) {
            Go.State s = GAME.newInitialState();
            Naive naive = new Naive();
            while (!s.isTerminal()) {
                int colour = s.currentPlayer() + 1;
                int n = s.legalActions(buf);
                boolean[] legal = new boolean[82];
                for (int i = 0; i < n; i++) {
                    legal[buf[i]] = true;
                }
                for (int a = 0; a < 81; a++) {
                    int[] next = naive.play(a, colour);
                    boolean ok = next != null && !naive.seen.contains(Arrays.toString(next));
                    superkoBans += next != null && !ok ? 1 : 0;
                    assertEquals(ok, legal[a], s.history() + " action " + GAME.actionToGtp(a));
                    assertEquals(ok, s.isLegal(a), s.history() + " action " + GAME.actionToGtp(a));
                }
                assertTrue(legal[PASS]);
                int a = buf[rng.nextInt(n)];
                s = s.child(a);
                if (a != PASS) {
                    int[] next = naive.play(a, colour);
                    captures += naive.stones() + 1 - stones(next);
                    naive.board = next;
                }
                naive.seen.add(Arrays.toString(naive.board));
                for (int p = 0; p < 81; p++) {
                    assertEquals(naive.board[p] - 1, s.stoneAt(p));
                }
            }
            int[] area = naive.areas();
            assertArrayEquals(area, s.areas(), s.history());
        }
        assertTrue(captures > 1000, "the games must capture to test captures: " + captures);
        assertTrue(superkoBans > 0, "and meet ko: " + superkoBans);
    }

    private static int stones(int[] board) {
        return (int) Arrays.stream(board).filter(x -> x != 0).count();
    }

    /** Go by coordinates: 0 empty, 1 black, 2 white, point {@code 9 * row + column}. */
    private static final class Naive {
        int[] board = new int[81];
        final Set<String> seen = new HashSet<>(Set.of(Arrays.toString(new int[81])));

        int stones() {
            return GoTest.stones(board);
        }

        private static List<Integer> neighbours(int p) {
            List<Integer> out = new ArrayList<>();
            int r = p / 9;
            int c = p % 9;
            if (r > 0) {
                out.add(p - 9);
            }
            if (r < 8) {
                out.add(p + 9);
            }
            if (c > 0) {
                out.add(p - 1);
            }
            if (c < 8) {
                out.add(p + 1);
            }
            return out;
        }

        private static Set<Integer> group(int[] b, int p) {
            Set<Integer> g = new HashSet<>(List.of(p));
            List<Integer> todo = new ArrayList<>(List.of(p));
            while (!todo.isEmpty()) {
                int x = todo.remove(todo.size() - 1);
                for (int q : neighbours(x)) {
                    if (b[q] == b[p] && g.add(q)) {
                        todo.add(q);
                    }
                }
            }
            return g;
        }

        private static boolean hasLiberty(int[] b, Set<Integer> group) {
            for (int x : group) {
                for (int q : neighbours(x)) {
                    if (b[q] == 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The board after {@code colour} plays {@code p}, or null if occupied or suicide. */
        int[] play(int p, int colour) {
            if (board[p] != 0) {
                return null;
            }
            int[] b = board.clone();
            b[p] = colour;
            for (int q : neighbours(p)) {
                if (b[q] == 3 - colour) {
                    Set<Integer> g = group(b, q);
                    if (!hasLiberty(b, g)) {
                        for (int x : g) {
                            b[x] = 0;
                        }
                    }
                }
            }
            return hasLiberty(b, group(b, p)) ? b : null;
        }

        int[] areas() {
            int[] area = new int[2];
            for (int p = 0; p < 81; p++) {
                if (board[p] != 0) {
                    area[board[p] - 1]++;
                    continue;
                }
                Set<Integer> region = group(board, p);
                Set<Integer> touches = new HashSet<>();
                for (int x : region) {
                    for (int q : neighbours(x)) {
                        if (board[q] != 0) {
                            touches.add(board[q]);
                        }
                    }
                }
                if (touches.size() == 1) {
                    area[touches.iterator().next() - 1]++;
                }
            }
            return area;
        }
    }
}
