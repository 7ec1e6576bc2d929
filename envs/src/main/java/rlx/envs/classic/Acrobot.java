package rlx.envs.classic;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code Acrobot-v1} (Sutton 1996; "book" dynamics, no torque noise): swing the tip of a two-link
 * pendulum above a line. One classic RK4 step of {@code dt = 0.2} per action on
 * {@code [theta1, theta2, dtheta1, dtheta2, torque]}.
 */
public final class Acrobot extends ClassicControlEnv<Integer> {

    public static final String ID = "Acrobot-v1";

    static final double DT = 0.2;
    static final double LINK_LENGTH_1 = 1.0;
    static final double LINK_MASS_1 = 1.0;
    static final double LINK_MASS_2 = 1.0;
    static final double LINK_COM_POS_1 = 0.5;
    static final double LINK_COM_POS_2 = 0.5;
    static final double LINK_MOI = 1.0;
    static final double MAX_VEL_1 = 4 * Math.PI;
    static final double MAX_VEL_2 = 9 * Math.PI;
    static final double[] AVAIL_TORQUE = {-1.0, 0.0, 1.0};
    static final double G = 9.8;

    // the state: float64, as Gymnasium keeps it after the first step
    private final double[] s = new double[4];
    // RK4 scratch space, reused so a step allocates nothing
    private final double[] k1 = new double[4];
    private final double[] k2 = new double[4];
    private final double[] k3 = new double[4];
    private final double[] k4 = new double[4];
    private final double[] y = new double[4];

    public Acrobot() {
        super(new EnvSpec(ID, Box.symmetric(1f, 1f, 1f, 1f, (float) MAX_VEL_1, (float) MAX_VEL_2),
                new Discrete(3), 500, OptionalDouble.of(-100.0), Map.of()));
    }

    @Override
    protected void sampleInitialState(RandomGenerator rng) {
        for (int i = 0; i < 4; i++) {
            // Gymnasium draws in float64 then casts the reset state to float32
            s[i] = (float) (-0.1 + 0.2 * rng.nextDouble());
        }
    }

    @Override
    protected double advance(int action) {
        double torque = AVAIL_TORQUE[action];
        final double dt2 = DT / 2.0;
        derivatives(s, torque, k1);
        for (int i = 0; i < 4; i++) {
            y[i] = s[i] + dt2 * k1[i];
        }
        derivatives(y, torque, k2);
        for (int i = 0; i < 4; i++) {
            y[i] = s[i] + dt2 * k2[i];
        }
        derivatives(y, torque, k3);
        for (int i = 0; i < 4; i++) {
            y[i] = s[i] + DT * k3[i];
        }
        derivatives(y, torque, k4);
        for (int i = 0; i < 4; i++) {
            s[i] = s[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        s[0] = wrap(s[0], -Math.PI, Math.PI);
        s[1] = wrap(s[1], -Math.PI, Math.PI);
        s[2] = Math.min(Math.max(s[2], -MAX_VEL_1), MAX_VEL_1);
        s[3] = Math.min(Math.max(s[3], -MAX_VEL_2), MAX_VEL_2);
        return isTerminal() ? 0.0 : -1.0;
    }

    /** The "book" equations of motion; writes d/dt of {@code [theta1, theta2, dtheta1, dtheta2]} into out. */
    private static void derivatives(double[] st, double a, double[] out) {
        final double m1 = LINK_MASS_1;
        final double m2 = LINK_MASS_2;
        final double l1 = LINK_LENGTH_1;
        final double lc1 = LINK_COM_POS_1;
        final double lc2 = LINK_COM_POS_2;
        final double i1 = LINK_MOI;
        final double i2 = LINK_MOI;
        double theta1 = st[0];
        double theta2 = st[1];
        double dtheta1 = st[2];
        double dtheta2 = st[3];
        double d1 = m1 * (lc1 * lc1) + m2 * ((l1 * l1) + (lc2 * lc2) + 2 * l1 * lc2 * Math.cos(theta2)) + i1 + i2;
        double d2 = m2 * ((lc2 * lc2) + l1 * lc2 * Math.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * G * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * Math.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2)
                + (m1 * lc1 + m2 * l1) * G * Math.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * Math.sin(theta2) - phi2)
                / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
    }

    /** Wraps x into [m, M] by whole turns, as Gymnasium's {@code wrap} does. */
    static double wrap(double x, double m, double bigM) {
        double diff = bigM - m;
        while (x > bigM) {
            x = x - diff;
        }
        while (x < m) {
            x = x + diff;
        }
        return x;
    }

    @Override
    protected boolean isTerminal() {
        return -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
    }

    @Override
    protected void writeObservation(float[] obs, int offset) {
        obs[offset] = (float) Math.cos(s[0]);
        obs[offset + 1] = (float) Math.sin(s[0]);
        obs[offset + 2] = (float) Math.cos(s[1]);
        obs[offset + 3] = (float) Math.sin(s[1]);
        obs[offset + 4] = (float) s[2];
        obs[offset + 5] = (float) s[3];
    }

    @Override
    protected double[] state() {
        return s.clone();
    }

    @Override
    protected void setState(double[] state) {
        System.arraycopy(state, 0, s, 0, 4);
    }
}
