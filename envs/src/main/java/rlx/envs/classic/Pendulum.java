package rlx.envs.classic;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import rlx.envs.core.Box;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code Pendulum-v1}: swing a pendulum up and hold it with a bounded torque. The cost uses the state
 * before the update; torque terms are float32 as NumPy 2 evaluates them.
 */
public final class Pendulum extends ClassicControlEnv<float[]> {

    public static final String ID = "Pendulum-v1";

    static final double MAX_SPEED = 8;
    static final float MAX_TORQUE = 2.0f;
    static final double DT = 0.05;
    static final double MASS = 1.0;
    static final double LENGTH = 1.0;

    private final double g;
    private double theta;
    private double thetaDot;

    public Pendulum() {
        this(10.0);
    }

    public Pendulum(double g) {
        super(new EnvSpec(ID, Box.symmetric(1f, 1f, (float) MAX_SPEED),
                Box.uniform(-MAX_TORQUE, MAX_TORQUE, 1), 200, OptionalDouble.empty(), Map.of("g", g)));
        this.g = g;
    }

    @Override
    protected void sampleInitialState(RandomGenerator rng) {
        theta = -Math.PI + 2 * Math.PI * rng.nextDouble();
        thetaDot = -1.0 + 2.0 * rng.nextDouble();
    }

    @Override
    protected double advance(float[] action, int offset) {
        float u = Math.min(Math.max(action[offset], -MAX_TORQUE), MAX_TORQUE);
        // NumPy 2 keeps python-float * float32 in float32: these two torque terms are float32 products
        float torqueCost = 0.001f * (u * u);
        float torqueAcc = (float) (3.0 / (MASS * LENGTH * LENGTH)) * u;
        double normalized = angleNormalize(theta);
        double costs = normalized * normalized + 0.1 * (thetaDot * thetaDot) + torqueCost;

        double newThetaDot = thetaDot + (3 * g / (2 * LENGTH) * Math.sin(theta) + torqueAcc) * DT;
        newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        return -costs;
    }

    /** NumPy's floored modulo: the result takes the divisor's sign, so angles land in [-pi, pi). */
    static double angleNormalize(double x) {
        double twoPi = 2 * Math.PI;
        double m = (x + Math.PI) % twoPi;
        if (m != 0 && m < 0) {
            m += twoPi;
        }
        return m - Math.PI;
    }

    @Override
    protected boolean isTerminal() {
        return false;
    }

    @Override
    protected void writeObservation(float[] obs, int offset) {
        obs[offset] = (float) Math.cos(theta);
        obs[offset + 1] = (float) Math.sin(theta);
        obs[offset + 2] = (float) thetaDot;
    }

    @Override
    protected double[] state() {
        return new double[] {theta, thetaDot};
    }

    @Override
    protected void setState(double[] s) {
        theta = s[0];
        thetaDot = s[1];
    }
}
