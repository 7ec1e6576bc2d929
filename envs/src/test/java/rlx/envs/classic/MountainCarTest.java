package rlx.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Restorable;
import rlx.envs.core.Step;

class MountainCarTest {

    private static final int PUSH_LEFT = 0;
    private static final int NO_PUSH = 1;
    private static final int PUSH_RIGHT = 2;

    private static MountainCar startingAt(double position, double velocity) {
        return startingAt(new MountainCar(), position, velocity);
    }

    private static MountainCar startingAt(MountainCar env, double position, double velocity) {
        env.restoreInternalState(new double[] {position, velocity});
        return env;
    }

    @Test
    void hittingTheLeftWallStopsTheCar() {
        // v = -0.05 - 0.0025 * cos(-3.57) ~ -0.0477; x = -1.19 - 0.0477 is clipped to -1.2 and v is zeroed
        MountainCar env = startingAt(-1.19, -0.05);
        Step<float[]> step = env.step(NO_PUSH);

        assertArrayEquals(new double[] {-1.2, 0.0}, env.internalState());
        assertArrayEquals(new float[] {(float) -1.2, 0f}, step.observation());
        assertFalse(step.terminated());
        assertEquals(-1.0, step.reward());
    }

    @Test
    void atTheLeftWallAVelocityToTheRightIsKept() {
        // at x = -1.2: v = 0 + 0.001 - 0.0025 * cos(-3.6) = 0.001 + 0.0025 * 0.8967584163341469 > 0
        MountainCar env = startingAt(-1.2, 0.0);
        env.step(PUSH_RIGHT);
        double expectedVelocity = 0.001 + 0.0025 * 0.8967584163341469;

        assertEquals(expectedVelocity, env.internalState()[1], 1e-15);
        assertEquals(-1.2 + expectedVelocity, env.internalState()[0], 1e-15);
    }

    @Test
    void aLeftwardVelocityAwayFromTheWallIsNotZeroed() {
        // v = -0.05 - 0.0025 * cos(-3) = -0.05 + 0.0025 * 0.9899924966004454; x = -1.0 + v stays above -1.2
        MountainCar env = startingAt(-1.0, -0.05);
        env.step(NO_PUSH);
        double expectedVelocity = -0.05 + 0.0025 * 0.9899924966004454;

        assertEquals(expectedVelocity, env.internalState()[1], 1e-15);
        assertEquals(-1.0 + expectedVelocity, env.internalState()[0], 1e-15);
    }

    @Test
    void velocityIsClippedToTheMaxSpeed() {
        // at x = 0.45: v = 0.07 + 0.001 - 0.0025 * cos(1.35) > 0.07, clipped to 0.07; x = 0.45 + 0.07
        MountainCar env = startingAt(0.45, 0.07);
        env.step(PUSH_RIGHT);

        assertEquals(0.07, env.internalState()[1]);
        assertEquals(0.45 + 0.07, env.internalState()[0]);
    }

    @Test
    void terminatesWhenThePositionReachesExactlyTheGoal() {
        // 0.43 + 0.07 == 0.5 in double, and the velocity is clipped to exactly 0.07 >= 0
        MountainCar env = startingAt(0.43, 0.07);
        Step<float[]> step = env.step(PUSH_RIGHT);

        assertEquals(0.5, env.internalState()[0]);
        assertTrue(step.terminated());
        assertEquals(-1.0, step.reward());
    }

    @Test
    void doesNotTerminateJustShortOfTheGoal() {
        // v = 0.01 - 0.0025 * cos(1.47) ~ 0.00975; x = 0.49 + v ~ 0.49975 < 0.5
        Step<float[]> step = startingAt(0.49, 0.01).step(NO_PUSH);

        assertFalse(step.terminated());
        assertEquals(-1.0, step.reward());
    }

    @Test
    void goalVelocityKwargRequiresTheCarToBeFastEnoughAtTheGoal() {
        // the step ends at x = 0.5 with v = 0.07 exactly
        assertTrue(startingAt(new MountainCar(0.07), 0.43, 0.07).step(PUSH_RIGHT).terminated());
        assertFalse(startingAt(new MountainCar(0.0701), 0.43, 0.07).step(PUSH_RIGHT).terminated());
        // x ~ 0.5048 with v ~ 0.0098: enough for the default goal velocity 0, not for 0.01
        assertTrue(startingAt(0.495, 0.01).step(NO_PUSH).terminated());
        assertFalse(startingAt(new MountainCar(0.01), 0.495, 0.01).step(NO_PUSH).terminated());
    }

    @Test
    void goalVelocityKwargReachesTheEnvThroughTheRegistry() {
        Env<?, ?> env = EnvRegistry.standard().makeRaw(MountainCar.ID, Map.of("goal_velocity", 0.01));
        env.reset(0);
        ((Restorable) env).restoreInternalState(new double[] {0.495, 0.01});

        assertFalse(env.stepObject(NO_PUSH).terminated());
        assertEquals(0.01, env.spec().kwargs().get("goal_velocity"));
    }

    @Test
    void aNegativeVelocityPastTheGoalDoesNotTerminate() {
        // moving left past the goal: v = -0.02 - 0.0025 * cos(1.65) ~ -0.0198 < 0, x ~ 0.530 >= 0.5
        Step<float[]> step = startingAt(0.55, -0.02).step(NO_PUSH);

        assertTrue(step.observation()[0] > 0.5f);
        assertTrue(step.observation()[1] < 0f);
        assertFalse(step.terminated());
    }

    @Test
    void pushesChangeTheVelocityByTheForce() {
        double[] left = stepFrom(-0.5, 0.0, PUSH_LEFT);
        double[] none = stepFrom(-0.5, 0.0, NO_PUSH);
        double[] right = stepFrom(-0.5, 0.0, PUSH_RIGHT);

        assertEquals(-0.001, left[1] - none[1], 1e-15);
        assertEquals(0.001, right[1] - none[1], 1e-15);
    }

    private static double[] stepFrom(double position, double velocity, int action) {
        MountainCar env = startingAt(position, velocity);
        env.step(action);
        return env.internalState();
    }

    @Test
    void startsAtRestBetweenMinusPointSixAndMinusPointFour() {
        MountainCar env = new MountainCar();
        double min = 0;
        double max = -1;
        for (long seed = 0; seed < 3000; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] s = env.internalState();
            assertTrue(s[0] >= -0.6 && s[0] < -0.4, "seed " + seed + " position " + s[0]);
            assertEquals(0.0, s[1]);
            assertEquals(0f, obs[1]);
            min = Math.min(min, s[0]);
            max = Math.max(max, s[0]);
        }
        assertTrue(min < -0.599 && max > -0.401, min + ".." + max);
    }

    @Test
    void spacesAreGymnasiums() {
        MountainCar env = new MountainCar();

        assertEquals(new Box(new float[] {-1.2f, -0.07f}, new float[] {0.6f, 0.07f}), env.observationSpace());
        assertEquals(new Discrete(3), env.actionSpace());
    }
}
