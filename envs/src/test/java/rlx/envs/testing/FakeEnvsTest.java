package rlx.envs.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Step;

/** The fakes other modules' tests rely on behave as their Javadoc says. */
class FakeEnvsTest {

    @Test
    void fixedLengthEnvCountsStepsAndTerminatesAtLength() {
        FixedLengthEnv env = new FixedLengthEnv(3);
        assertEquals(Box.uniform(0, 3, 1), env.spec().observationSpace());
        assertEquals(new Discrete(2), env.spec().actionSpace());
        assertArrayEquals(new float[] {0}, env.reset(5).observation());
        double total = 0;
        for (int t = 1; t <= 3; t++) {
            Step<float[]> s = env.step(t % 2);
            assertArrayEquals(new float[] {t}, s.observation());
            assertEquals(t == 3, s.terminated());
            assertFalse(s.truncated());
            total += s.reward();
        }
        assertEquals(3.0, total);
        assertThrows(IllegalStateException.class, () -> env.step(0));
        assertEquals(5L, env.lastSeed().getAsLong());
        assertEquals(3, env.stepCount());
    }

    @Test
    void fixedLengthEnvPaysTheGivenRewards() {
        FixedLengthEnv env = FixedLengthEnv.withRewards(1, -2, 0.5);
        env.reset();
        assertEquals(1.0, env.step(0).reward());
        assertEquals(-2.0, env.step(1).reward());
        Step<float[]> last = env.step(0);
        assertEquals(0.5, last.reward());
        assertTrue(last.terminated());
    }

    @Test
    void flatViewSharesStateWithTheGenericOne() {
        FixedLengthEnv env = new FixedLengthEnv(2, 1);
        assertEquals(1, env.spec().maxEpisodeSteps());
        float[] obs = {9, 9, 9};
        env.resetInto(8, obs, 1);
        assertArrayEquals(new float[] {9, 0, 9}, obs);
        assertEquals(1.0, env.stepInto(1, obs, 2));
        assertArrayEquals(new float[] {9, 0, 1}, obs);
        assertFalse(env.terminated());
        assertTrue(env.step(0).terminated());
        assertTrue(env.terminated());
        assertEquals(1, env.resetCount());
    }

    @Test
    void moveRightEnvWalksTheChain() {
        MoveRightEnv env = new MoveRightEnv(4);
        assertArrayEquals(new float[] {1, 0, 0, 0}, env.reset().observation());
        assertArrayEquals(new float[] {1, 0, 0, 0}, env.step(0).observation(), "left end is a wall");
        assertArrayEquals(new float[] {0, 1, 0, 0}, env.step(1).observation());
        assertArrayEquals(new float[] {0, 0, 1, 0}, env.step(1).observation());
        assertArrayEquals(new float[] {0, 1, 0, 0}, env.step(0).observation());
        assertEquals(0.0, env.step(1).reward());
        Step<float[]> end = env.step(1);
        assertEquals(1.0, end.reward());
        assertTrue(end.terminated());
        assertArrayEquals(new float[] {0, 0, 0, 1}, end.observation());
        assertEquals(3, env.position());
        env.reset();
        assertEquals(0, env.position());
    }

    @Test
    void rejectsInvalidActionsAndParameters() {
        MoveRightEnv env = new MoveRightEnv(3);
        env.reset();
        assertThrows(InvalidActionException.class, () -> env.step(2));
        assertThrows(InvalidActionException.class, () -> env.step(null));
        assertThrows(InvalidActionException.class, () -> env.stepInto(new float[] {1}, 0, new float[3], 0));
        assertThrows(IllegalStateException.class, () -> new FixedLengthEnv(2).step(0), "step before reset");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MoveRightEnv(1))
                .getMessage().contains("n (1)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FixedLengthEnv(0))
                .getMessage().contains("length (0)"));
        assertThrows(IllegalArgumentException.class, FixedLengthEnv::withRewards);
    }
}
