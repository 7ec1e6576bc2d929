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
import rlx.envs.core.Step;

class CartPoleTest {

    // Gymnasium: theta_threshold_radians = 12 * 2 * math.pi / 360, x_threshold = 2.4
    private static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;
    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    /** A cart-pole whose episode starts in {@code state} = [x, x_dot, theta, theta_dot]. */
    private static CartPole startingAt(double... state) {
        CartPole env = new CartPole();
        env.restoreInternalState(state);
        return env;
    }

    @Test
    void cartPoleTerminatesJustPastTheRightTrackEdge() {
        // Euler: x' = x + tau * x_dot uses the old velocity, so x' = 2.4 + 0.02 * 1e-9 > 2.4
        Step<float[]> past = startingAt(2.4, 1e-9, 0, 0).step(RIGHT);
        assertTrue(past.terminated());
        assertEquals(1.0, past.reward());
        assertFalse(past.truncated());
    }

    @Test
    void cartPoleDoesNotTerminateExactlyOnTheTrackEdge() {
        // x' = 2.4 + 0.02 * 0 = 2.4, and Gymnasium terminates only on x > 2.4
        Step<float[]> on = startingAt(2.4, 0, 0, 0).step(RIGHT);
        assertFalse(on.terminated());
        assertEquals(2.4f, on.observation()[0]);

        Step<float[]> onLeft = startingAt(-2.4, 0, 0, 0).step(LEFT);
        assertFalse(onLeft.terminated());
        assertEquals(-2.4f, onLeft.observation()[0]);
    }

    @Test
    void cartPoleTerminatesJustPastTheLeftTrackEdge() {
        Step<float[]> past = startingAt(-2.4, -1e-9, 0, 0).step(LEFT);
        assertTrue(past.terminated());
        assertEquals(1.0, past.reward());
    }

    @Test
    void cartPoleTerminatesWhenTheCartMovesOverTheEdgeInOneStep() {
        // 2.39 + 0.02 * 0.55 = 2.401 > 2.4, while 2.39 + 0.02 * 0.45 = 2.399 stays inside
        assertTrue(startingAt(2.39, 0.55, 0, 0).step(LEFT).terminated());
        assertFalse(startingAt(2.39, 0.45, 0, 0).step(LEFT).terminated());
        assertTrue(startingAt(-2.39, -0.55, 0, 0).step(RIGHT).terminated());
        assertFalse(startingAt(-2.39, -0.45, 0, 0).step(RIGHT).terminated());
    }

    @Test
    void cartPoleTerminatesJustPastTwelveDegrees() {
        // theta' = theta + tau * theta_dot; with theta_dot = 0 the angle does not move this step
        assertFalse(startingAt(0, 0, THETA_LIMIT, 0).step(LEFT).terminated());
        assertFalse(startingAt(0, 0, -THETA_LIMIT, 0).step(RIGHT).terminated());
        assertTrue(startingAt(0, 0, Math.nextUp(THETA_LIMIT), 0).step(LEFT).terminated());
        assertTrue(startingAt(0, 0, Math.nextDown(-THETA_LIMIT), 0).step(RIGHT).terminated());
        // (THETA_LIMIT - 0.001) + 0.02 * 0.1 = THETA_LIMIT + 0.001
        assertTrue(startingAt(0, 0, THETA_LIMIT - 0.001, 0.1).step(RIGHT).terminated());
        assertFalse(startingAt(0, 0, THETA_LIMIT - 0.001, 0.04).step(RIGHT).terminated());
    }

    @Test
    void cartPoleRewardsOnePerStepIncludingTheTerminatingStep() {
        CartPole env = startingAt(2.3, 1.0, 0, 0);
        // x: 2.32, 2.34, ... crosses 2.4 on the fifth step (2.3 + 5 * 0.02 * ~1 > 2.4)
        double total = 0;
        int steps = 0;
        Step<float[]> step;
        do {
            step = env.step(RIGHT);
            assertEquals(1.0, step.reward(), "step " + (steps + 1));
            total += step.reward();
            steps++;
        } while (!step.terminated() && steps < 100);
        assertTrue(step.terminated());
        assertTrue(steps >= 4 && steps <= 6, "terminated after " + steps + " steps");
        assertEquals(steps, total);
    }

    @Test
    void suttonBartoRewardsAreZeroPerStepAndMinusOneOnTermination() {
        CartPole env = new CartPole(true);
        env.restoreInternalState(new double[] {2.35, 1.0, 0, 0});
        Step<float[]> step = env.step(RIGHT);
        assertFalse(step.terminated());
        assertEquals(0.0, step.reward());
        int steps = 1;
        while (!step.terminated() && steps < 100) {
            step = env.step(RIGHT);
            steps++;
            assertEquals(step.terminated() ? -1.0 : 0.0, step.reward(), "step " + steps);
        }
        assertTrue(step.terminated());
        assertEquals(-1.0, step.reward());
    }

    @Test
    void suttonBartoRewardIsSelectedByTheRegistryKwarg() {
        Env<?, ?> env = EnvRegistry.standard().makeRaw(CartPole.ID, Map.of("sutton_barto_reward", true));
        env.reset(0);

        assertEquals(0.0, env.stepObject(RIGHT).reward());
        assertEquals(Map.of("sutton_barto_reward", true), env.spec().kwargs());
    }

    @Test
    void observationIsTheStateCastToFloat() {
        CartPole env = startingAt(0.1, -0.2, 0.03, 0.4);
        Step<float[]> step = env.step(RIGHT);
        double[] s = env.internalState();

        assertArrayEquals(new float[] {(float) s[0], (float) s[1], (float) s[2], (float) s[3]}, step.observation());
        // Euler step of the positions with the old velocities
        assertEquals(0.1 + 0.02 * -0.2, s[0], 1e-15);
        assertEquals(0.03 + 0.02 * 0.4, s[2], 1e-15);
    }

    @Test
    void pushingRightAcceleratesTheCartRightAndTipsThePoleLeft() {
        double[] right = stepFromRest(RIGHT);
        double[] left = stepFromRest(LEFT);

        // from rest: x_acc = temp - ..., theta_acc = -cos(0) * temp / (l * (4/3 - m_p / m_total)) with temp = F / m_total
        double temp = 10.0 / 1.1;
        double thetaAcc = -temp / (0.5 * (4.0 / 3.0 - 0.1 / 1.1));
        double xAcc = temp - 0.05 * thetaAcc / 1.1;
        assertEquals(0.02 * xAcc, right[1], 1e-12);
        assertEquals(0.02 * thetaAcc, right[3], 1e-12);
        assertEquals(-right[1], left[1], 1e-15);
        assertEquals(-right[3], left[3], 1e-15);
    }

    private static double[] stepFromRest(int action) {
        CartPole env = startingAt(0, 0, 0, 0);
        env.step(action);
        return env.internalState();
    }

    @Test
    void startStatesAreUniformInPlusMinusFiveHundredths() {
        CartPole env = new CartPole();
        double[] min = {1, 1, 1, 1};
        double[] max = {-1, -1, -1, -1};
        for (long seed = 0; seed < 3000; seed++) {
            env.reset(seed);
            double[] s = env.internalState();
            for (int i = 0; i < 4; i++) {
                assertTrue(s[i] >= -0.05 && s[i] < 0.05, "seed " + seed + " state " + i + " = " + s[i]);
                min[i] = Math.min(min[i], s[i]);
                max[i] = Math.max(max[i], s[i]);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(min[i] < -0.049 && max[i] > 0.049, "state " + i + " spans " + min[i] + ".." + max[i]);
        }
    }

    @Test
    void spacesAreGymnasiums() {
        CartPole env = new CartPole();
        float inf = Float.POSITIVE_INFINITY;
        float thetaBound = (float) (2 * THETA_LIMIT);

        assertEquals(new Box(new float[] {-4.8f, -inf, -thetaBound, -inf}, new float[] {4.8f, inf, thetaBound, inf}),
                env.observationSpace());
        assertEquals(new Discrete(2), env.actionSpace());
    }
}
