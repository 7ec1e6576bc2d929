package rlx.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Box;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Restorable;
import rlx.envs.core.Step;

class PendulumTest {

    private static Pendulum startingAt(double theta, double thetaDot) {
        return startingAt(new Pendulum(), theta, thetaDot);
    }

    private static Pendulum startingAt(Pendulum env, double theta, double thetaDot) {
        env.restoreInternalState(new double[] {theta, thetaDot});
        return env;
    }

    @Test
    void angleNormalizeMapsPlusAndMinusPiToMinusPi() {
        // ((x + pi) mod 2pi) - pi with a floored modulo: both ends of the circle land on -pi
        assertEquals(-Math.PI, Pendulum.angleNormalize(Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(-Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(3 * Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(-3 * Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(5 * Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(-5 * Math.PI));
    }

    @Test
    void angleNormalizeIsAFlooredModuloNotATruncatingOne() {
        // Java's truncating % alone would keep the sign of -7 + pi and give back -7, outside [-pi, pi)
        assertEquals(7.0 - 2 * Math.PI, Pendulum.angleNormalize(7.0), 1e-15);
        assertEquals(-7.0 + 2 * Math.PI, Pendulum.angleNormalize(-7.0), 1e-15);
        assertEquals(0.5, Pendulum.angleNormalize(0.5 + 20 * Math.PI), 1e-13);
        assertEquals(-0.5, Pendulum.angleNormalize(-0.5 - 20 * Math.PI), 1e-13);
        assertEquals(1.0, Pendulum.angleNormalize(1.0), 1e-15);
        assertEquals(0.0, Pendulum.angleNormalize(0.0));
        assertEquals(0.0, Pendulum.angleNormalize(100 * Math.PI), 1e-13);
    }

    @Test
    void angleNormalizeMatchesNumpyOnLargeAnglesAndRoundingEdges() {
        // values printed by NumPy 2.4 for ((x + np.pi) % (2 * np.pi)) - np.pi on float64 inputs
        assertEquals(-0.3575641670518799, Pendulum.angleNormalize(1e6));
        assertEquals(0.5000000000000036, Pendulum.angleNormalize(0.5 + 20 * Math.PI));
        // just below -pi the sum x + pi is a tiny negative number; the floored modulo adds 2pi, which rounds to 2pi
        assertEquals(3.141592653589793, Pendulum.angleNormalize(Math.nextDown(-Math.PI)));
        assertEquals(3.1415926535897913, Pendulum.angleNormalize(Math.nextDown(-3 * Math.PI)));
        assertEquals(-3.141592653589793, Pendulum.angleNormalize(Math.nextUp(Math.PI)));
        assertEquals(-3.141592653589793, Pendulum.angleNormalize(Math.nextDown(Math.PI)));
    }

    @Test
    void angleNormalizeLandsInMinusPiToPi() {
        for (int i = -20_000; i <= 20_000; i++) {
            double x = i * 0.0123;
            double a = Pendulum.angleNormalize(x);
            assertTrue(a >= -Math.PI && a < Math.PI, x + " -> " + a);
            assertEquals(0.0, Math.sin(a) - Math.sin(x), 1e-9);
            assertEquals(0.0, Math.cos(a) - Math.cos(x), 1e-9);
        }
    }

    @Test
    void oneStepMatchesGymnasiumsEquations() {
        // theta = 1, theta_dot = 0.5, u = 2:
        //   cost = 1^2 + 0.1 * 0.5^2 + float32(0.001) * 4 = 1 + 0.025 + 0.004000000189989805
        //   theta_dot' = 0.5 + (3 * 10 / 2 * sin(1) + 3 * 2) * 0.05 = 1.4311032386059224
        //   theta'     = 1 + 1.4311032386059224 * 0.05 = 1.071555161930296
        Pendulum env = startingAt(1.0, 0.5);
        Step<float[]> step = env.step(new float[] {2.0f});

        assertEquals(-1.0290000001899897, step.reward(), 1e-15);
        assertEquals(1.4311032386059224, env.internalState()[1], 1e-15);
        assertEquals(1.071555161930296, env.internalState()[0], 1e-15);
        assertArrayEquals(new float[] {(float) Math.cos(1.071555161930296), (float) Math.sin(1.071555161930296),
                (float) 1.4311032386059224}, step.observation());
        assertFalse(step.terminated());
        assertFalse(step.truncated());
    }

    @Test
    void costUsesTheStateBeforeTheUpdate() {
        // theta = 0, theta_dot = 8, u = 0: cost = 0 + 0.1 * 64 = 6.4 even though the step moves theta to 0.4
        Pendulum env = startingAt(0.0, 8.0);
        Step<float[]> step = env.step(new float[] {0f});

        assertEquals(-6.4, step.reward(), 1e-15);
        assertEquals(0.4, env.internalState()[0], 1e-15);
    }

    @Test
    void costNormalisesTheAngle() {
        // theta = 2 pi + 0.5 costs like theta = 0.5: 0.25 + 0 + 0
        assertEquals(-0.25, startingAt(2 * Math.PI + 0.5, 0).step(new float[] {0f}).reward(), 1e-12);
        // theta = pi (upside down) costs pi^2
        assertEquals(-Math.PI * Math.PI, startingAt(Math.PI, 0).step(new float[] {0f}).reward(), 1e-12);
    }

    @Test
    void torqueIsClippedToTwoInTheBareEnv() {
        for (float[] pair : new float[][] {{5f, 2f}, {-5f, -2f}, {Float.POSITIVE_INFINITY, 2f}, {-1e30f, -2f}}) {
            Pendulum big = startingAt(1.0, 0.5);
            Pendulum max = startingAt(1.0, 0.5);
            Step<float[]> a = big.step(new float[] {pair[0]});
            Step<float[]> b = max.step(new float[] {pair[1]});
            assertArrayEquals(b.observation(), a.observation(), "torque " + pair[0]);
            assertEquals(b.reward(), a.reward(), "torque " + pair[0]);
            assertArrayEquals(max.internalState(), big.internalState(), "torque " + pair[0]);
        }
        // -2 rather than +2: theta_dot' = 0.5 + (15 sin(1) - 6) * 0.05
        Pendulum neg = startingAt(1.0, 0.5);
        neg.step(new float[] {-5f});
        assertEquals(0.8311032386059224, neg.internalState()[1], 1e-15);
    }

    @Test
    void angularVelocityIsClippedToEight() {
        // theta = pi/2, theta_dot = 7.9, u = 2: 7.9 + (15 + 6) * 0.05 = 8.95, clipped to 8
        Pendulum env = startingAt(Math.PI / 2, 7.9);
        Step<float[]> step = env.step(new float[] {2f});

        assertEquals(8.0, env.internalState()[1]);
        assertEquals(Math.PI / 2 + 8.0 * 0.05, env.internalState()[0], 1e-15);
        assertEquals(8f, step.observation()[2]);
        assertTrue(env.observationSpace().contains(step.observation()));

        startingAt(env, -Math.PI / 2, -7.9).step(new float[] {-2f});
        assertEquals(-8.0, env.internalState()[1]);
    }

    @Test
    void gravityKwargChangesTheDynamics() {
        // from rest at theta = pi/2 with no torque: theta_dot' = 3 g / 2 * sin(pi/2) * 0.05 = 0.075 g
        Pendulum earth = startingAt(new Pendulum(9.81), Math.PI / 2, 0);
        earth.step(new float[] {0f});
        assertEquals(0.73575, earth.internalState()[1], 1e-15);

        Env<?, ?> viaRegistry = EnvRegistry.standard().makeRaw(Pendulum.ID, Map.of("g", 9.81));
        viaRegistry.reset(0);
        ((Restorable) viaRegistry).restoreInternalState(new double[] {Math.PI / 2, 0});
        viaRegistry.stepObject(new float[] {0f});
        assertEquals(0.73575, ((Restorable) viaRegistry).internalState()[1], 1e-15);

        Pendulum standard = startingAt(Math.PI / 2, 0);
        standard.step(new float[] {0f});
        assertEquals(0.75, standard.internalState()[1], 1e-15);
    }

    @Test
    void neverTerminates() {
        Pendulum env = new Pendulum();
        env.reset(4);
        for (int t = 0; t < 1000; t++) {
            Step<float[]> step = env.step(new float[] {(t % 3) - 1f});
            assertFalse(step.done(), "step " + t);
            assertTrue(env.observationSpace().contains(step.observation()));
            assertTrue(step.reward() <= 0 && step.reward() >= -(Math.PI * Math.PI + 6.4 + 0.004) - 1e-9);
        }
    }

    @Test
    void startsWithThetaInMinusPiToPiAndThetaDotInMinusOneToOne() {
        Pendulum env = new Pendulum();
        double[] min = {10, 10};
        double[] max = {-10, -10};
        for (long seed = 0; seed < 3000; seed++) {
            env.reset(seed);
            double[] s = env.internalState();
            assertTrue(s[0] >= -Math.PI && s[0] < Math.PI, "seed " + seed + " theta " + s[0]);
            assertTrue(s[1] >= -1.0 && s[1] < 1.0, "seed " + seed + " theta_dot " + s[1]);
            for (int i = 0; i < 2; i++) {
                min[i] = Math.min(min[i], s[i]);
                max[i] = Math.max(max[i], s[i]);
            }
        }
        assertTrue(min[0] < -3.13 && max[0] > 3.13, min[0] + ".." + max[0]);
        assertTrue(min[1] < -0.99 && max[1] > 0.99, min[1] + ".." + max[1]);
    }

    @Test
    void spacesAreGymnasiums() {
        Pendulum env = new Pendulum();

        assertEquals(new Box(new float[] {-1f, -1f, -8f}, new float[] {1f, 1f, 8f}), env.observationSpace());
        assertEquals(new Box(new float[] {-2f}, new float[] {2f}), env.actionSpace());
    }
}
