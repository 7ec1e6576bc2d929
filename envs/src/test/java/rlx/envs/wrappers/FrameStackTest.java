package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.classic.CartPole;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Step;
import rlx.envs.testing.FixedLengthEnv;
import rlx.envs.testing.MoveRightEnv;

class FrameStackTest {

    @Test
    void stacksTheLastKObservationsOldestFirstAfterResetPadding() {
        var env = new FrameStack<>(new FixedLengthEnv(10), 3);
        assertArrayEquals(new float[] {0, 0, 0}, env.reset().observation(), "padded with the reset observation");
        assertArrayEquals(new float[] {0, 0, 1}, env.step(0).observation());
        assertArrayEquals(new float[] {0, 1, 2}, env.step(0).observation());
        assertArrayEquals(new float[] {1, 2, 3}, env.step(0).observation());
        assertArrayEquals(new float[] {2, 3, 4}, env.step(0).observation(), "k + 1 steps drop the oldest frame");
    }

    @Test
    void stacksMultiElementFramesAndRepadsOnEveryReset() {
        var env = new FrameStack<>(new MoveRightEnv(3), 2);
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, env.reset().observation());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, env.step(1).observation());
        Step<float[]> end = env.step(1);
        assertTrue(end.terminated());
        assertEquals(1.0, end.reward());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1}, end.observation());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, env.reset().observation(), "nothing of the last episode");
    }

    @Test
    void returnedArraysAreIndependentCopies() {
        var env = new FrameStack<>(new FixedLengthEnv(10), 2);
        float[] first = env.reset().observation();
        first[1] = 99;
        float[] second = env.step(0).observation();
        assertArrayEquals(new float[] {0, 1}, second);
        second[1] = 42;
        assertArrayEquals(new float[] {1, 2}, env.step(0).observation());
        assertArrayEquals(new float[] {0, 42}, second, "a returned array does not change with later steps");
    }

    @Test
    void observationSpaceRepeatsTheBoundsWithALeadingStackDimension() {
        CartPole cartPole = new CartPole();
        Box frame = (Box) cartPole.spec().observationSpace();
        EnvSpec spec = new FrameStack<>(cartPole, 3).spec();
        Box stacked = (Box) spec.observationSpace();
        assertArrayEquals(new int[] {3, 4}, stacked.shape());
        assertEquals(12, stacked.flatSize());
        for (int i = 0; i < 12; i++) {
            assertEquals(frame.low(i % 4), stacked.low(i));
            assertEquals(frame.high(i % 4), stacked.high(i));
        }
        assertEquals(cartPole.spec().actionSpace(), spec.actionSpace());

        var env = new FrameStack<>(new TimeLimit<>(new CartPole(), 50), 3);
        assertEquals(50, env.spec().maxEpisodeSteps());
        assertTrue(env.observationSpace().contains(env.reset(1).observation()));
        assertTrue(env.observationSpace().contains(env.step(1).observation()));
    }

    @Test
    void kOfOneReturnsTheEnvsObservations() {
        var env = new FrameStack<>(new FixedLengthEnv(3), 1);
        assertArrayEquals(new int[] {1, 1}, env.observationSpace().shape());
        assertArrayEquals(new float[] {0}, env.reset().observation());
        assertArrayEquals(new float[] {1}, env.step(0).observation());
    }

    @Test
    void rejectsNonPositiveKAndNonBoxSpaces() {
        for (int k : new int[] {0, -2}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FrameStack<>(new FixedLengthEnv(3), k));
            assertTrue(e.getMessage().contains("k (" + k + ")"), e.getMessage());
        }
        Env<float[], Integer> discreteObs = new Wrapper<>(new FixedLengthEnv(1)) {
            @Override
            public EnvSpec spec() {
                return env.spec().withSpaces(new Discrete(4), env.spec().actionSpace());
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameStack<>(discreteObs, 2));
        assertTrue(e.getMessage().contains("needs a Box observation space"), e.getMessage());
    }
}
