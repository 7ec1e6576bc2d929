package rlx.agents.play;

import java.util.ArrayList;
import java.util.List;
import rlx.envs.games.GameState;

/**
 * For k-in-a-row games (tic-tac-toe, Connect Four, Gomoku): every window of k cells in a row, column or diagonal
 * that holds stones of one side only is a line that side can still complete; it counts 8^(stones - 1) for that
 * side. The score is the side to move's lines minus the opponent's. Reads the board from the observation tensor
 * (plane 0 the side to move's stones, plane 1 the opponent's), so it needs nothing game-specific.
 */
final class LinesHeuristic implements Heuristic {

    private final int cells;
    private final int[][] windows;
    private final double[] weight;
    private final float[] board;

    LinesHeuristic(int rows, int cols, int k) {
        this.cells = rows * cols;
        this.board = new float[2 * cells];
        List<int[]> list = new ArrayList<>();
        int[][] directions = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int[] d : directions) {
                    int endR = r + (k - 1) * d[0];
                    int endC = c + (k - 1) * d[1];
                    if (endR < 0 || endR >= rows || endC < 0 || endC >= cols) {
                        continue;
                    }
                    int[] w = new int[k];
                    for (int i = 0; i < k; i++) {
                        w[i] = (r + i * d[0]) * cols + c + i * d[1];
                    }
                    list.add(w);
                }
            }
        }
        this.windows = list.toArray(int[][]::new);
        this.weight = new double[k + 1];
        for (int n = 1; n <= k; n++) {
            weight[n] = Math.pow(8, n - 1);
        }
    }

    @Override
    public double evaluate(GameState state) {
        state.observationTensor(board, 0);
        double score = 0;
        for (int[] w : windows) {
            int own = 0;
            int opp = 0;
            for (int cell : w) {
                if (board[cell] != 0) {
                    own++;
                } else if (board[cells + cell] != 0) {
                    opp++;
                }
            }
            if (opp == 0) {
                score += weight[own];
            } else if (own == 0) {
                score -= weight[opp];
            }
        }
        return score;
    }
}
