package rlx.envs.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Every episode lasts exactly {@code L} steps whatever the actions (Discrete(2)): the observation is {@code [t]},
 * the number of steps taken in the episode (0 after a reset), and step {@code t} (1-based) pays
 * {@code rewards[t - 1]}, 1 unless {@link #withRewards} gave others; step {@code L} terminates. Returns, lengths
 * and discounted sums are therefore known in closed form, which is what wrapper, runner and vector-env tests need.
 *
 * <pre>{@code
 * var env = new FixedLengthEnv(3);                       // rewards 1, 1, 1; terminates on the 3rd step
 * var varied = FixedLengthEnv.withRewards(1, -2, 0.5);   // length 3, return -0.5
 * }</pre>
 */
public final class FixedLengthEnv extends FakeEnv {

    public static final String ID = "FixedLength-v0";

    private final double[] rewards;
    private int t;

    /** Episodes of {@code length} steps paying 1 each; no declared time limit. */
    public FixedLengthEnv(int length) {
        this(ones(length), 0);
    }

    /**
     * @param maxEpisodeSteps time limit declared in the spec (0 for none); like every bare env this one does not
     *     enforce it: {@code TimeLimit} or a vector env does, so a limit below {@code length} gives truncations
     */
    public FixedLengthEnv(int length, int maxEpisodeSteps) {
        this(ones(length), maxEpisodeSteps);
    }

    private FixedLengthEnv(double[] rewards, int maxEpisodeSteps) {
        super(new EnvSpec(ID, Box.uniform(0, rewards.length, 1), new Discrete(2), maxEpisodeSteps,
                OptionalDouble.empty(), Map.of("length", rewards.length)));
        this.rewards = rewards.clone();
    }

    /** Episodes of {@code rewards.length} steps, step {@code t} paying {@code rewards[t - 1]}. */
    public static FixedLengthEnv withRewards(double... rewards) {
        if (rewards.length == 0) {
            throw new IllegalArgumentException("rewards must not be empty: episodes need at least one step");
        }
        return new FixedLengthEnv(rewards, 0);
    }

    private static double[] ones(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length (" + length + ") must be > 0");
        }
        double[] ones = new double[length];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** Episode length {@code L}. */
    public int length() {
        return rewards.length;
    }

    @Override
    protected void start() {
        t = 0;
    }

    @Override
    protected double advance(int action) {
        t++;
        return rewards[t - 1];
    }

    @Override
    protected boolean isTerminal() {
        return t == rewards.length;
    }

    @Override
    protected void writeObservation(float[] obs, int offset) {
        obs[offset] = t;
    }
}
