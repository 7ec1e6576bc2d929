package rlx.agents.alphazero;

import java.util.List;

/**
 * A finished self-play game.
 *
 * @param positions every position in which a move was searched, in order
 * @param winner 0 or 1, or -1 for a draw
 * @param history the moves in the game's notation
 */
public record SelfPlayGame(List<TrainingPosition> positions, int winner, String history) {

    public int length() {
        return positions.size();
    }
}
