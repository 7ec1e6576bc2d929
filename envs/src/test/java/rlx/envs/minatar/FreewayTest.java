package rlx.envs.minatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.envs.minatar.Boards.at;
import static rlx.envs.minatar.Boards.count;
import static rlx.envs.minatar.Boards.only;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Step;

class FreewayTest {

    private static final int NOOP = 0;
    private static final int UP = 2;
    private static final int DOWN = 4;

    private final Freeway env = new Freeway(MinAtarOptions.deterministic());

    /** All cars in column 0 driving left once every six frames, so none reaches column 4 for 36 frames. */
    private void slowCarsLeft() {
        env.reset(3L);
        for (int lane = 0; lane < 8; lane++) {
            env.placeCar(lane, 0, -5);
        }
    }

    private Step<float[]> repeat(int action, int times) {
        Step<float[]> s = null;
        for (int i = 0; i < times; i++) {
            s = env.step(action);
        }
        return s;
    }

    @Test
    void startsWithTheChickenAtTheBottomAndOneCarPerLaneInColumnZero() {
        float[] obs = env.reset(5L).observation();
        assertArrayEquals(new int[] {9, 4}, only(obs, Freeway.CHICKEN));
        for (int row = 1; row <= 8; row++) {
            assertTrue(at(obs, Freeway.CAR, row, 0));
        }
        assertEquals(8, count(obs, Freeway.CAR));
        int trails = 0;
        for (int c = Freeway.SPEED1; c < Freeway.SPEED1 + 5; c++) {
            trails += count(obs, c);
        }
        assertEquals(8, trails);
    }

    @Test
    void chickenMovesOnlyEveryThirdFrameAndScoresAtTheTop() {
        slowCarsLeft();
        Step<float[]> s = repeat(UP, 3);
        assertArrayEquals(new int[] {9, 4}, only(s.observation(), Freeway.CHICKEN)); // move timer still running
        s = env.step(UP);
        assertArrayEquals(new int[] {8, 4}, only(s.observation(), Freeway.CHICKEN));
        s = repeat(UP, 2);
        assertArrayEquals(new int[] {8, 4}, only(s.observation(), Freeway.CHICKEN));
        s = repeat(UP, 21); // frames 7 .. 27: moves on 7, 10, ..., 25
        assertArrayEquals(new int[] {1, 4}, only(s.observation(), Freeway.CHICKEN));
        assertEquals(0.0, s.reward());
        // the cars moved on frames 6, 12, 18, 24: column 0 -> 9 -> 8 -> 7 -> 6, trail on their right
        assertTrue(at(s.observation(), Freeway.CAR, 3, 6));
        assertTrue(at(s.observation(), Freeway.SPEED1 + 4, 3, 7));
        s = env.step(UP);
        assertEquals(1.0, s.reward());
        assertArrayEquals(new int[] {9, 4}, only(s.observation(), Freeway.CHICKEN));
        // new speeds give fresh timers, so no car moves on the scoring frame
        for (int row = 1; row <= 8; row++) {
            assertTrue(at(s.observation(), Freeway.CAR, row, 6));
        }
    }

    @Test
    void aCarInTheChickensCellSendsItBackToTheBottom() {
        slowCarsLeft();
        env.placeCar(7, 4, 5); // lane 7 is row 8, right above the chicken
        Step<float[]> s = repeat(UP, 4); // the fourth frame moves the chicken into the car
        assertArrayEquals(new int[] {9, 4}, only(s.observation(), Freeway.CHICKEN));
        assertTrue(at(s.observation(), Freeway.CAR, 8, 4));
        assertTrue(at(s.observation(), Freeway.SPEED1 + 4, 8, 3));
        assertEquals(0.0, s.reward());
    }

    @Test
    void downAtTheBottomStaysAtTheBottom() {
        slowCarsLeft();
        Step<float[]> s = repeat(DOWN, 10);
        assertArrayEquals(new int[] {9, 4}, only(s.observation(), Freeway.CHICKEN));
    }

    @Test
    void episodeEndsOnFrame2501() {
        env.reset(9L);
        Step<float[]> s = repeat(NOOP, Freeway.TIME_LIMIT);
        assertFalse(s.terminated());
        s = env.step(NOOP);
        assertTrue(s.terminated());
    }

    @Test
    void minimalActionSetIsNoopUpDown() {
        Freeway minimal = new Freeway(new MinAtarOptions(0, true, true));
        assertEquals("Discrete(3)", minimal.spec().actionSpace().toString());
        assertEquals(Action.UP, minimal.action(1));
        assertEquals(Action.DOWN, minimal.action(2));
    }
}
