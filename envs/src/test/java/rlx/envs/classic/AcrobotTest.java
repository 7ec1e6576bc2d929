package rlx.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Step;

class AcrobotTest {

    private static final int NEGATIVE_TORQUE = 0;
    private static final int NO_TORQUE = 1;
    private static final int POSITIVE_TORQUE = 2;
    private static final double MAX_VEL_1 = 4 * Math.PI;
    private static final double MAX_VEL_2 = 9 * Math.PI;

    /** An acrobot whose episode starts in {@code state} = [theta1, theta2, dtheta1, dtheta2]. */
    private static Acrobot startingAt(double... state) {
        Acrobot env = new Acrobot();
        env.restoreInternalState(state);
        return env;
    }

    @Test
    void wrapShiftsByWholeTurnsIntoMinusPiToPi() {
        assertEquals(4.0 - 2 * Math.PI, Acrobot.wrap(4.0, -Math.PI, Math.PI), 1e-15);
        assertEquals(-4.0 + 2 * Math.PI, Acrobot.wrap(-4.0, -Math.PI, Math.PI), 1e-15);
        assertEquals(13.0 - 4 * Math.PI, Acrobot.wrap(13.0, -Math.PI, Math.PI), 1e-14);
        assertEquals(-13.0 + 4 * Math.PI, Acrobot.wrap(-13.0, -Math.PI, Math.PI), 1e-14);
        assertEquals(1.0, Acrobot.wrap(1.0, -Math.PI, Math.PI));
    }

    @Test
    void wrapKeepsBothEndsOfTheInterval() {
        // unlike Pendulum's modulo, Gymnasium's wrap only moves values strictly outside [m, M]
        assertEquals(Math.PI, Acrobot.wrap(Math.PI, -Math.PI, Math.PI));
        assertEquals(-Math.PI, Acrobot.wrap(-Math.PI, -Math.PI, Math.PI));
        assertEquals(180.0, Acrobot.wrap(180.0, -180.0, 180.0));
        assertEquals(0.0, Acrobot.wrap(360.0, -180.0, 180.0));
        assertEquals(-90.0, Acrobot.wrap(270.0, -180.0, 180.0));
    }

    @Test
    void firstJointVelocityIsClippedToFourPi() {
        // from theta1 = -pi/2 (link horizontal) at dtheta1 = 4pi, gravity speeds the link up: the unclipped RK4
        // step gives dtheta1 = 12.598473545889611 (Gymnasium's equations evaluated in NumPy), clipped to 4pi
        Acrobot env = startingAt(-Math.PI / 2, 0, MAX_VEL_1, 0);
        Step<float[]> step = env.step(POSITIVE_TORQUE);

        assertEquals(MAX_VEL_1, env.internalState()[2]);
        assertEquals(0.9823551267743178, env.internalState()[0], 1e-12);
        assertEquals(0.4113856686323597, env.internalState()[3], 1e-12);
        assertEquals((float) MAX_VEL_1, step.observation()[4]);
        assertTrue(env.observationSpace().contains(step.observation()));
    }

    @Test
    void secondJointVelocityIsClippedToNinePiAndItsAngleWrapped() {
        // from rest at the bottom with dtheta2 = 9pi and torque +1, RK4 gives theta2 = 5.123011741765436
        // (wrapped by -2pi) and dtheta2 = 33.64 (clipped to 9pi)
        Acrobot env = startingAt(0, 0, 0, MAX_VEL_2);
        Step<float[]> step = env.step(POSITIVE_TORQUE);
        double[] s = env.internalState();

        assertEquals(MAX_VEL_2, s[3]);
        assertEquals(5.123011741765436 - 2 * Math.PI, s[1], 1e-12);
        assertEquals(0.8211482746962102, s[0], 1e-12);
        assertEquals((float) MAX_VEL_2, step.observation()[5]);
        assertEquals((float) Math.cos(s[1]), step.observation()[2]);
        assertEquals((float) Math.sin(s[1]), step.observation()[3]);
    }

    @Test
    void firstJointAngleIsWrappedAfterAFullSwing() {
        // theta1 = 3 at dtheta1 = 4pi: RK4 gives theta1 = 5.584174648764461 -> 5.584... - 2pi
        Acrobot env = startingAt(3.0, 0, MAX_VEL_1, 0);
        Step<float[]> step = env.step(NO_TORQUE);
        double[] s = env.internalState();

        assertEquals(5.584174648764461 - 2 * Math.PI, s[0], 1e-12);
        assertTrue(s[0] >= -Math.PI && s[0] <= Math.PI);
        assertEquals(MAX_VEL_1, s[2]);
        assertFalse(step.terminated());
    }

    @Test
    void terminatesWithRewardZeroWhenTheTipIsAboveTheLine() {
        // balanced straight up: -cos(pi) - cos(pi + 0) = 2 > 1
        Step<float[]> up = startingAt(Math.PI, 0, 0, 0).step(NO_TORQUE);
        assertTrue(up.terminated());
        assertEquals(0.0, up.reward());
        assertFalse(up.truncated());

        // first link at 3 rad, second straight: the tip is at height ~1.97 after the step
        Step<float[]> high = startingAt(-3.0, 0, 0, 0).step(NO_TORQUE);
        assertTrue(high.terminated());
        assertEquals(0.0, high.reward());
    }

    @Test
    void rewardIsMinusOneWhileTheTipIsBelowTheLine() {
        // hanging at rest: -cos(0) - cos(0) = -2
        Step<float[]> down = startingAt(0, 0, 0, 0).step(NO_TORQUE);
        assertFalse(down.terminated());
        assertEquals(-1.0, down.reward());

        // first link horizontal, second pointing up: the tip starts exactly on the line (-cos(pi/2) - cos(pi) = 1,
        // not > 1) and falls during the step to height 0.878 (Gymnasium's equations in NumPy)
        Step<float[]> level = startingAt(Math.PI / 2, Math.PI / 2, 0, 0).step(NEGATIVE_TORQUE);
        assertFalse(level.terminated());
        assertEquals(-1.0, level.reward());
    }

    @Test
    void observationIsCosSinOfTheAnglesAndTheVelocities() {
        Acrobot env = startingAt(0.3, -0.2, 1.0, -2.0);
        Step<float[]> step = env.step(NO_TORQUE);
        double[] s = env.internalState();

        assertEquals((float) Math.cos(s[0]), step.observation()[0]);
        assertEquals((float) Math.sin(s[0]), step.observation()[1]);
        assertEquals((float) Math.cos(s[1]), step.observation()[2]);
        assertEquals((float) Math.sin(s[1]), step.observation()[3]);
        assertEquals((float) s[2], step.observation()[4]);
        assertEquals((float) s[3], step.observation()[5]);
    }

    @Test
    void startStatesAreFloat32ValuesInMinusPointOneToPointOne() {
        Acrobot env = new Acrobot();
        double[] min = {1, 1, 1, 1};
        double[] max = {-1, -1, -1, -1};
        for (long seed = 0; seed < 3000; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] s = env.internalState();
            for (int i = 0; i < 4; i++) {
                // Gymnasium draws uniform(-0.1, 0.1) in float64 and casts the state to float32
                assertEquals(s[i], (double) (float) s[i], "seed " + seed + " state " + i + " is not a float32");
                // the float32 cast of [-0.1, 0.1) lies in [float32(-0.1), float32(0.1)]
                assertTrue(s[i] >= -0.1f && s[i] <= 0.1f, "seed " + seed + " state " + i + " = " + s[i]);
                min[i] = Math.min(min[i], s[i]);
                max[i] = Math.max(max[i], s[i]);
            }
            assertEquals((float) s[2], obs[4]);
            assertEquals((float) s[3], obs[5]);
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(min[i] < -0.099 && max[i] > 0.099, "state " + i + " spans " + min[i] + ".." + max[i]);
        }
    }

    @Test
    void spacesAreGymnasiums() {
        Acrobot env = new Acrobot();

        assertEquals(Box.symmetric(1f, 1f, 1f, 1f, 12.566371f, 28.274334f), env.observationSpace());
        assertEquals((float) MAX_VEL_1, 12.566371f);
        assertEquals((float) MAX_VEL_2, 28.274334f);
        assertEquals(new Discrete(3), env.actionSpace());
    }
}
