package rlx.envs.classic;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code CartPole-v1} (Barto, Sutton and Anderson 1983): push a cart left or right to keep a pole
 * upright. Explicit Euler integration in float64; observations are the state cast to float32.
 */
public final class CartPole extends ClassicControlEnv<Integer> {

    public static final String ID = "CartPole-v1";

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    static final double LENGTH = 0.5; // half the pole's length
    static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE_MAG = 10.0;
    static final double TAU = 0.02;
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;

    private final boolean suttonBartoReward;
    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private boolean pastTermination;

    public CartPole() {
        this(false);
    }

    /** @param suttonBartoReward 0 per step and -1 on termination instead of +1 per step */
    public CartPole(boolean suttonBartoReward) {
        super(new EnvSpec(ID, observationBox(), new Discrete(2), 500, OptionalDouble.of(475.0),
                Map.of("sutton_barto_reward", suttonBartoReward)));
        this.suttonBartoReward = suttonBartoReward;
    }

    private static Box observationBox() {
        float inf = Float.POSITIVE_INFINITY;
        return Box.symmetric((float) (X_THRESHOLD * 2), inf, (float) (THETA_THRESHOLD * 2), inf);
    }

    @Override
    protected void sampleInitialState(RandomGenerator rng) {
        x = uniform(rng);
        xDot = uniform(rng);
        theta = uniform(rng);
        thetaDot = uniform(rng);
        pastTermination = false;
    }

    private static double uniform(RandomGenerator rng) {
        return -0.05 + 0.1 * rng.nextDouble();
    }

    @Override
    protected double advance(int action) {
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double cosTheta = Math.cos(theta);
        double sinTheta = Math.sin(theta);
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
        double xAcc = temp - POLEMASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;

        if (!isTerminal()) {
            return suttonBartoReward ? 0.0 : 1.0;
        }
        // Gymnasium rewards the terminating step once and 0 (-1 with Sutton-Barto rewards) for any step after it
        double reward = pastTermination ? (suttonBartoReward ? -1.0 : 0.0) : (suttonBartoReward ? -1.0 : 1.0);
        pastTermination = true;
        return reward;
    }

    @Override
    protected boolean isTerminal() {
        return x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    }

    @Override
    protected void writeObservation(float[] obs, int offset) {
        obs[offset] = (float) x;
        obs[offset + 1] = (float) xDot;
        obs[offset + 2] = (float) theta;
        obs[offset + 3] = (float) thetaDot;
    }

    @Override
    protected double[] state() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    @Override
    protected void setState(double[] s) {
        x = s[0];
        xDot = s[1];
        theta = s[2];
        thetaDot = s[3];
        pastTermination = false;
    }
}
