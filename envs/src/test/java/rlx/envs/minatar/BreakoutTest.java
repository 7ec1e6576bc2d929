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

class BreakoutTest {

    private static final int NOOP = 0;
    private static final int LEFT = 1;
    private static final int RIGHT = 3;

    private final Breakout env = new Breakout(MinAtarOptions.deterministic());

    /** Resets with the first seed whose ball starts on the given side (the only random choice of a reset). */
    private float[] resetWithBallAt(int col) {
        for (long seed = 0; ; seed++) {
            float[] obs = env.reset(seed).observation();
            if (at(obs, Breakout.BALL, 3, col)) {
                return obs;
            }
        }
    }

    private Step<float[]> run(int... actions) {
        Step<float[]> s = null;
        for (int a : actions) {
            s = env.step(a);
        }
        return s;
    }

    @Test
    void startsWithThreeRowsOfBricksThePaddleInColumnFourAndTheBallOnRowThree() {
        float[] obs = resetWithBallAt(0);
        assertEquals(30, count(obs, Breakout.BRICK));
        for (int col = 0; col < 10; col++) {
            assertTrue(at(obs, Breakout.BRICK, 1, col) && at(obs, Breakout.BRICK, 3, col));
            assertFalse(at(obs, Breakout.BRICK, 0, col) || at(obs, Breakout.BRICK, 4, col));
        }
        assertArrayEquals(new int[] {9, 4}, only(obs, Breakout.PADDLE));
        assertArrayEquals(new int[] {3, 0}, only(obs, Breakout.TRAIL)); // trail starts on the ball
        float[] right = resetWithBallAt(9);
        assertArrayEquals(new int[] {3, 9}, only(right, Breakout.BALL));
    }

    @Test
    void ballMissedByThePaddleEndsTheEpisodeOnTheBottomRow() {
        resetWithBallAt(0); // travelling down-right: (4,1) (5,2) ... (9,6)
        Step<float[]> s = run(NOOP, NOOP, NOOP, NOOP, NOOP);
        assertFalse(s.terminated());
        assertArrayEquals(new int[] {8, 5}, only(s.observation(), Breakout.BALL));
        assertArrayEquals(new int[] {7, 4}, only(s.observation(), Breakout.TRAIL));
        s = env.step(NOOP);
        assertTrue(s.terminated());
        assertEquals(0.0, s.reward());
        assertArrayEquals(new int[] {9, 6}, only(s.observation(), Breakout.BALL));
    }

    @Test
    void ballAbovePaddleBouncesStraightBackAndBreaksABrickAfterTheWall() {
        resetWithBallAt(0);
        Step<float[]> s = run(RIGHT, NOOP, NOOP, NOOP, NOOP, NOOP); // paddle under the ball's column 5
        assertFalse(s.terminated());
        assertArrayEquals(new int[] {9, 5}, only(s.observation(), Breakout.PADDLE));
        assertArrayEquals(new int[] {8, 6}, only(s.observation(), Breakout.BALL)); // now up-right
        s = run(NOOP, NOOP, NOOP); // (7,7) (6,8) (5,9)
        assertArrayEquals(new int[] {5, 9}, only(s.observation(), Breakout.BALL));
        s = env.step(NOOP); // the right wall turns it up-left: (4,9)
        assertArrayEquals(new int[] {4, 9}, only(s.observation(), Breakout.BALL));
        s = env.step(NOOP); // brick at (3,8): broken, the ball stays on row 4 and turns down-left
        assertEquals(1.0, s.reward());
        assertFalse(at(s.observation(), Breakout.BRICK, 3, 8));
        assertEquals(29, count(s.observation(), Breakout.BRICK));
        assertArrayEquals(new int[] {4, 8}, only(s.observation(), Breakout.BALL));
        assertArrayEquals(new int[] {4, 9}, only(s.observation(), Breakout.TRAIL));
        s = env.step(NOOP);
        assertEquals(0.0, s.reward());
        assertArrayEquals(new int[] {5, 7}, only(s.observation(), Breakout.BALL));
    }

    @Test
    void ballHittingThePaddleEdgeIsSentBackTheWayItCame() {
        resetWithBallAt(0);
        Step<float[]> s = run(RIGHT, RIGHT, NOOP, NOOP, NOOP, NOOP); // paddle at 6, where the ball lands
        assertFalse(s.terminated());
        assertArrayEquals(new int[] {8, 6}, only(s.observation(), Breakout.BALL));
        s = env.step(NOOP); // up-left now
        assertArrayEquals(new int[] {7, 5}, only(s.observation(), Breakout.BALL));
    }

    @Test
    void paddleStopsAtTheWalls() {
        resetWithBallAt(9);
        Step<float[]> s = run(LEFT, LEFT, LEFT, LEFT, LEFT);
        assertArrayEquals(new int[] {9, 0}, only(s.observation(), Breakout.PADDLE));
    }

    @Test
    void minimalActionSetIsNoopLeftRight() {
        Breakout minimal = new Breakout(new MinAtarOptions(0, true, true));
        assertEquals(Action.NOOP, minimal.action(0));
        assertEquals(Action.LEFT, minimal.action(1));
        assertEquals(Action.RIGHT, minimal.action(2));
        assertEquals("Discrete(3)", minimal.spec().actionSpace().toString());
    }

    @Test
    void rendersOneCharacterPerObjectKind() {
        resetWithBallAt(0);
        assertEquals("""
                ..........
                ##########
                ##########
                O#########
                ..........
                ..........
                ..........
                ..........
                ..........
                ....P.....
                """, env.render());
    }

    private void clearWall() {
        for (int row = 0; row < 10; row++) {
            for (int col = 0; col < 10; col++) {
                env.setBrick(row, col, false);
            }
        }
    }

    @Test
    void aClearedWallIsRebuiltWhenTheBallNextReachesTheBottomRow() {
        resetWithBallAt(0);
        clearWall();
        Step<float[]> s = run(RIGHT, NOOP, NOOP, NOOP, NOOP);
        assertEquals(0, count(s.observation(), Breakout.BRICK));
        s = env.step(NOOP); // the ball comes down onto the paddle
        assertEquals(30, count(s.observation(), Breakout.BRICK));
        assertFalse(s.terminated());
    }

    @Test
    void aBrickHitRightAfterAnotherIsEnteredNotBroken() {
        resetWithBallAt(0);
        clearWall();
        env.setBrick(4, 3, true);
        env.setBrick(6, 2, true);
        env.placeBall(5, 4, 0); // up-left, into (4,3)
        Step<float[]> s = env.step(NOOP);
        assertEquals(1.0, s.reward());
        assertArrayEquals(new int[] {5, 3}, only(s.observation(), Breakout.BALL)); // bounced: now down-left
        s = env.step(NOOP); // into (6,2) while the last step was a strike: the reference lets the ball in
        assertEquals(0.0, s.reward());
        assertTrue(at(s.observation(), Breakout.BRICK, 6, 2));
        assertArrayEquals(new int[] {6, 2}, only(s.observation(), Breakout.BALL));
        s = env.step(NOOP);
        assertArrayEquals(new int[] {7, 1}, only(s.observation(), Breakout.BALL));
        assertEquals(1, count(s.observation(), Breakout.BRICK));
    }
}
