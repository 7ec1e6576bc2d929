package rlx.envs.classic;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code MountainCar-v0} (Moore 1990): an under-powered car must rock back and forth to climb a hill.
 * Reward -1 per step until the car reaches position 0.5 with non-negative velocity.
 */
public final class MountainCar extends ClassicControlEnv<Integer> {

    public static final String ID = "MountainCar-v0";

    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.5;
    static final double FORCE = 0.001;
    static final double GRAVITY = 0.0025;

    private final double goalVelocity;
    private double position;
    private double velocity;

    public MountainCar() {
        this(0.0);
    }

    public MountainCar(double goalVelocity) {
        super(new EnvSpec(ID,
                new Box(new float[] {(float) MIN_POSITION, (float) -MAX_SPEED},
                        new float[] {(float) MAX_POSITION, (float) MAX_SPEED}),
                new Discrete(3), 200, OptionalDouble.of(-110.0), Map.of("goal_velocity", goalVelocity)));
        this.goalVelocity = goalVelocity;
    }

    @Override
    protected void sampleInitialState(RandomGenerator rng) {
        position = -0.6 + 0.2 * rng.nextDouble();
        velocity = 0.0;
    }

    @Override
    protected double advance(int action) {
        velocity += (action - 1) * FORCE + Math.cos(3 * position) * (-GRAVITY);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        return -1.0;
    }

    @Override
    protected boolean isTerminal() {
        return position >= GOAL_POSITION && velocity >= goalVelocity;
    }

    @Override
    protected void writeObservation(float[] obs, int offset) {
        obs[offset] = (float) position;
        obs[offset + 1] = (float) velocity;
    }

    @Override
    protected double[] state() {
        return new double[] {position, velocity};
    }

    @Override
    protected void setState(double[] s) {
        position = s[0];
        velocity = s[1];
    }
}
