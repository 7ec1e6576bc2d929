package rlx.agents.play;

import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/** For a game without a heuristic of its own: the side to move's stones minus the opponent's (planes 0 and 1). */
final class MaterialHeuristic implements Heuristic {

    private final int plane;
    private final float[] board;

    MaterialHeuristic(Game game) {
        int[] shape = game.observationShape();
        this.plane = game.observationSize() / shape[0];
        this.board = new float[game.observationSize()];
    }

    @Override
    public double evaluate(GameState state) {
        state.observationTensor(board, 0);
        double score = 0;
        for (int p = 0; p < plane; p++) {
            score += board[p] - board[plane + p];
        }
        return score;
    }
}
