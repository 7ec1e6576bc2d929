package rlx.envs.toytext;

import java.util.Map;
import java.util.OptionalDouble;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * Gymnasium's {@code CliffWalking-v1} (Sutton and Barto, Example 6.6): cross a 4x12 grid from (3, 0) to (3, 11)
 * along a cliff. Every move costs -1; stepping onto the cliff costs -100 and returns to the start without ending
 * the episode; entering the goal terminates. Actions: 0 up, 1 right, 2 down, 3 left. A slippery walk moves in the
 * intended or either perpendicular direction with probability 1/3 each, listed as {@code [(a-1)%4, a, (a+1)%4]}.
 * No time limit, as registered in Gymnasium.
 */
public final class CliffWalking extends ToyTextEnv {

    public static final String ID = "CliffWalking-v1";
    /** The id before the slippery option; Gymnasium 1.4 has deprecated it. */
    public static final String LEGACY_ID = "CliffWalking-v0";

    private static final int ROWS = 4;
    private static final int COLS = 12;
    private static final int START = 3 * COLS;
    private static final int[][] DELTAS = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}}; // up, right, down, left

    public CliffWalking() {
        this(false);
    }

    public CliffWalking(boolean isSlippery) {
        super(new EnvSpec(ID, new Discrete(ROWS * COLS), new Discrete(4), 0, OptionalDouble.empty(),
                Map.of("is_slippery", isSlippery)), table(isSlippery));
    }

    private static TransitionTable table(boolean isSlippery) {
        TransitionTable.Builder p = TransitionTable.builder(ROWS * COLS, 4);
        for (int s = 0; s < ROWS * COLS; s++) {
            for (int a = 0; a < 4; a++) {
                int[] moves = isSlippery ? new int[] {(a + 3) % 4, a, (a + 1) % 4} : new int[] {a};
                for (int move : moves) {
                    p.add(s, a, move(s / COLS, s % COLS, move, 1.0 / moves.length));
                }
            }
        }
        double[] initial = new double[ROWS * COLS];
        initial[START] = 1.0;
        return p.initialStateDistribution(initial).build();
    }

    private static Transition move(int row, int col, int direction, double probability) {
        int newRow = Math.max(0, Math.min(row + DELTAS[direction][0], ROWS - 1));
        int newCol = Math.max(0, Math.min(col + DELTAS[direction][1], COLS - 1));
        if (newRow == ROWS - 1 && newCol > 0 && newCol < COLS - 1) {
            return new Transition(probability, START, -100, false);
        }
        boolean goal = newRow == ROWS - 1 && newCol == COLS - 1;
        return new Transition(probability, newRow * COLS + newCol, -1, goal);
    }

    @Override
    public int[] shape() {
        return new int[] {ROWS, COLS};
    }
}
