package rlx.agents.core;

import java.util.Arrays;
import rlx.envs.vector.VectorEnv;

/** The returns and lengths of the episodes that finished during one batch of collection, without boxing. */
public final class FinishedEpisodes {

    private double[] returns = new double[8];
    private int[] lengths = new int[8];
    private int count;

    /** Records copy {@code i}'s episode, which ended at the vector env's last step. */
    public void add(VectorEnv env, int i) {
        if (count == returns.length) {
            returns = Arrays.copyOf(returns, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        returns[count] = env.finishedReturn(i);
        lengths[count] = env.finishedLength(i);
        count++;
    }

    public double[] returns() {
        return Arrays.copyOf(returns, count);
    }

    public int[] lengths() {
        return Arrays.copyOf(lengths, count);
    }
}
