package rlx.agents.play;

import rlx.envs.games.GameState;

/**
 * Othello: disc difference, corners (which can never be flipped back) worth 25 discs each, and 2 per legal move of
 * the side to move (mobility decides the middle game more than discs do).
 */
final class OthelloHeuristic implements Heuristic {

    private static final int CELLS = 64;
    private static final int[] CORNERS = {0, 7, 56, 63};
    private final float[] board = new float[2 * CELLS];

    @Override
    public double evaluate(GameState state) {
        state.observationTensor(board, 0);
        double score = 0;
        for (int p = 0; p < CELLS; p++) {
            score += board[p] - board[CELLS + p];
        }
        for (int p : CORNERS) {
            score += 25 * (board[p] - board[CELLS + p]);
        }
        return score + 2 * state.numLegalActions();
    }
}
