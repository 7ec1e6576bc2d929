package rlx.envs.games;

/**
 * An immutable game position. Equal positions (same stones, same side to move) are {@link #equals equal} and have
 * equal {@link #hash()}es whatever move order reached them; {@link #history()} is the one thing that differs.
 */
public interface GameState {

    /** {@link #currentPlayer()} of a terminal state, as OpenSpiel's {@code kTerminalPlayerId}. */
    int TERMINAL_PLAYER = -4;

    /** 0 or 1 for the side to move, {@link #TERMINAL_PLAYER} once the game is over. */
    int currentPlayer();

    /** The legal actions in increasing order; empty when terminal. */
    int[] legalActions();

    /**
     * The legal actions as a bitmask: bit {@code a} is set iff action {@code a} is legal. A mask avoids allocating in
     * playouts, but holds only 64 actions: a game with more than 64 distinct actions (Othello, Gomoku, Go) throws
     * {@link UnsupportedOperationException} here, and its callers use {@link #isLegal}, {@link #legalActions()},
     * {@link #legalActions(int[])} or {@link #legalActionSet()}, which every game supports.
     */
    long legalActionMask();

    /** Whether {@code action} is legal here. Games with more than 64 distinct actions override this. */
    default boolean isLegal(int action) {
        return action >= 0 && action < 64 && (legalActionMask() & (1L << action)) != 0;
    }

    /** The number of legal actions; 0 when terminal. */
    default int numLegalActions() {
        return legalActions().length;
    }

    /**
     * Writes the legal actions in increasing order to {@code out} from index 0 and returns how many there are, so
     * that a playout can reuse one buffer of {@link Game#numDistinctActions()} ints. The games with more than 64
     * actions implement this without allocating.
     */
    default int legalActions(int[] out) {
        int[] legal = legalActions();
        System.arraycopy(legal, 0, out, 0, legal.length);
        return legal.length;
    }

    /** The legal actions as a set of any size: bit {@code a} is set iff action {@code a} is legal. A new set. */
    default java.util.BitSet legalActionSet() {
        java.util.BitSet set = new java.util.BitSet();
        for (int a : legalActions()) {
            set.set(a);
        }
        return set;
    }

    /**
     * The state after the side to move plays {@code action}. This state is unchanged.
     *
     * @throws IllegalArgumentException if the action is not legal, naming it and the legal actions
     */
    GameState child(int action);

    boolean isTerminal();

    /** Per player: +1 win, -1 loss, 0 draw at the end; all zeros before the end. A new array on each call. */
    double[] returns();

    /** The winning player (0 or 1), or -1 for a draw or a game still running. */
    int winner();

    /**
     * Writes the board from the side to move's perspective into {@code out} from {@code offset}: plane 0 the side
     * to move's stones, plane 1 the opponent's, each plane row-major with the top row first as in
     * {@link #toString()}. For a terminal state, the perspective is the player who would have moved next.
     */
    void observationTensor(float[] out, int offset);

    /** A human-readable action, in the game's notation. */
    String actionToString(int action);

    /** Moves played so far. */
    int moveCount();

    /** The moves played so far in the notation {@link Game#parse} reads. */
    String history();

    /** A hash of the position (not the history), for transposition tables. */
    long hash();

    /** A text rendering of the board, one line per row, top row first, {@code x} first player, {@code o} second. */
    @Override
    String toString();
}
