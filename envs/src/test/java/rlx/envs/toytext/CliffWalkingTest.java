package rlx.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Step;
import rlx.envs.wrappers.TimeLimit;

class CliffWalkingTest {

    private static final int UP = 0;
    private static final int RIGHT = 1;
    private static final int DOWN = 2;
    private static final int LEFT = 3;
    private static final int START = 36;

    @Test
    void steppingOntoTheCliffReturnsToTheStartWithMinusOneHundred() {
        CliffWalking env = new CliffWalking();
        env.reset(0);
        assertEquals(START, env.state());

        Step<Integer> fall = env.step(RIGHT);

        assertEquals(START, fall.observation());
        assertEquals(-100.0, fall.reward());
        assertFalse(fall.terminated());
        // the episode goes on from the start
        assertEquals(24, env.step(UP).observation());
        assertEquals(new Transition(1.0, START, -100, false), env.transitions(25, DOWN).get(0));
    }

    @Test
    void theSafeDetourReachesTheGoalWithReturnMinusThirteen() {
        CliffWalking env = new CliffWalking();
        env.reset(3);
        double total = env.step(UP).reward();
        for (int i = 0; i < 11; i++) {
            total += env.step(RIGHT).reward();
        }
        Step<Integer> last = env.step(DOWN);
        total += last.reward();

        assertEquals(47, last.observation());
        assertTrue(last.terminated());
        assertEquals(-13.0, total);
    }

    @Test
    void slipperyMovesGoEitherWayWithOneThirdEach() {
        CliffWalking env = (CliffWalking) EnvRegistry.standard().makeRaw(CliffWalking.ID, Map.of("is_slippery", true));
        double third = 1.0 / 3;

        assertEquals(List.of(
                new Transition(third, START, -1, false),    // left, against the wall
                new Transition(third, 24, -1, false),       // up
                new Transition(third, START, -100, false)), // right, off the cliff
                env.transitions(START, UP));
    }

    @Test
    void hasNoTimeLimitAndKeepsTheOldIdAsAlias() {
        EnvRegistry registry = EnvRegistry.standard();
        Env<?, ?> env = registry.make(CliffWalking.ID);

        assertFalse(env.spec().hasTimeLimit());
        assertFalse(env instanceof TimeLimit);
        assertTrue(env.spec().rewardThreshold().isEmpty());
        assertEquals(CliffWalking.ID, registry.makeRaw(CliffWalking.LEGACY_ID).spec().id());
        assertEquals(Map.of("is_slippery", false), registry.makeRaw(CliffWalking.ID).spec().kwargs());
    }
}
