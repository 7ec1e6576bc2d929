package rlx.envs.rl4j;

import java.util.Random;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * A small MDP written the way RL4J's own MDPs are ({@code CartpoleNative} lives in rl4j-core, which envs does not
 * depend on): seeded through its constructor with a {@link java.util.Random}, {@link ArrayObservationSpace}, a
 * non-map step info. Positions {@code 0..4}, start drawn from {@code 0..2}; actions 0 left, 1 stay, 2 right; the
 * observation is {@code [position, steps taken]}; reaching 4 ends the episode with reward 1.
 */
final class CorridorMdp implements MDP<Box, Integer, DiscreteSpace> {

    private final long seed;
    private final Random rnd;
    private final DiscreteSpace actionSpace;
    private final ObservationSpace<Box> observationSpace = new ArrayObservationSpace<>(new int[] {2});
    private int position;
    private int episodeSteps;
    private int totalSteps;
    private boolean done;
    private boolean closed;

    CorridorMdp(long seed) {
        this.seed = seed;
        this.rnd = new Random(seed);
        this.actionSpace = new DiscreteSpace(3, null);
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public Box reset() {
        position = rnd.nextInt(3);
        episodeSteps = 0;
        done = false;
        return observation();
    }

    @Override
    public StepReply<Box> step(Integer action) {
        totalSteps++;
        episodeSteps++;
        position = Math.min(4, Math.max(0, position + action - 1));
        done = position == 4;
        return new StepReply<>(observation(), done ? 1.0 : 0.0, done, "position " + position);
    }

    private Box observation() {
        return new Box(position, episodeSteps);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public CorridorMdp newInstance() {
        return new CorridorMdp(seed + 1);
    }

    /** Steps applied over the MDP's life, so tests can tell whether a call reached it. */
    int totalSteps() {
        return totalSteps;
    }

    boolean closed() {
        return closed;
    }
}
