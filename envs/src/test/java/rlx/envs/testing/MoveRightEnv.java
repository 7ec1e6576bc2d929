package rlx.envs.testing;

import java.util.Map;
import java.util.OptionalDouble;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * A deterministic chain of {@code n} cells, starting in cell 0: action 1 moves one cell right, action 0 one cell
 * left (staying in cell 0 at the left end). Reaching cell {@code n - 1} pays 1 and terminates; every other step
 * pays 0. The observation is the one-hot encoding of the cell, so a linear Q-function can represent the optimum.
 *
 * <p>Known optimum for agent tests: always move right; {@code n - 1} steps, return 1, and with discount
 * {@code gamma} {@code V*(s) = Q*(s, right) = gamma^(n - 2 - s)} and {@code Q*(s, left) = gamma * V*(max(s - 1, 0))}.
 * A random policy needs on the order of {@code n^2} steps, so wrap it in a {@code TimeLimit} for bounded episodes.
 */
public final class MoveRightEnv extends FakeEnv {

    public static final String ID = "MoveRight-v0";

    private final int n;
    private int position;

    /** A chain of {@code n >= 2} cells with no declared time limit. */
    public MoveRightEnv(int n) {
        this(n, 0);
    }

    /** @param maxEpisodeSteps time limit declared in the spec (0 for none); not enforced by the env itself */
    public MoveRightEnv(int n, int maxEpisodeSteps) {
        super(new EnvSpec(ID, Box.uniform(0, 1, checkedN(n)), new Discrete(2), maxEpisodeSteps,
                OptionalDouble.of(1.0), Map.of("n", n)));
        this.n = n;
    }

    private static int checkedN(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("n (" + n + ") must be >= 2");
        }
        return n;
    }

    /** Number of cells. */
    public int n() {
        return n;
    }

    /** The current cell. */
    public int position() {
        return position;
    }

    @Override
    protected void start() {
        position = 0;
    }

    @Override
    protected double advance(int action) {
        position = action == 1 ? position + 1 : Math.max(0, position - 1);
        return position == n - 1 ? 1.0 : 0.0;
    }

    @Override
    protected boolean isTerminal() {
        return position == n - 1;
    }

    @Override
    protected void writeObservation(float[] obs, int offset) {
        for (int i = 0; i < n; i++) {
            obs[offset + i] = i == position ? 1f : 0f;
        }
    }
}
