package rlx.agents.play;

import java.util.List;

/** How often a player's move is among a reference file's optimal moves. */
public final class BestMoveAccuracy {

    private BestMoveAccuracy() {
    }

    /**
     * @param positions evaluated
     * @param best positions where the player's move was optimal
     * @param seconds wall time spent choosing moves
     */
    public record Result(int positions, int best, double seconds) {

        public double accuracy() {
            return (double) best / positions;
        }
    }

    /** Asks {@code player} for a move in each position, as the first move of a fresh game ({@link Player#reset}). */
    public static Result measure(Player player, List<ReferencePosition> positions) {
        long start = System.nanoTime();
        int best = 0;
        for (ReferencePosition p : positions) {
            player.reset();
            if (p.isBest(player.chooseAction(p.state()))) {
                best++;
            }
        }
        return new Result(positions.size(), best, (System.nanoTime() - start) / 1e9);
    }
}
