package rlx.envs.games;

/** The rules of a two-player board game and the factory of its states. */
public interface Game {

    /** A short lower-case identifier, e.g. {@code "tic_tac_toe"}. */
    String name();

    /** Always 2 for the games in this package. */
    int numPlayers();

    /** Actions are the integers {@code 0 .. numDistinctActions() - 1}; only some are legal in a given state. */
    int numDistinctActions();

    /** No game lasts longer than this many moves. */
    int maxGameLength();

    /** The empty board, first player (0) to move. */
    GameState newInitialState();

    /** Shape of {@link GameState#observationTensor}: planes first, e.g. {@code {2, rows, cols}}. */
    int[] observationShape();

    /** Number of floats in one observation: the product of {@link #observationShape()}. */
    default int observationSize() {
        int n = 1;
        for (int d : observationShape()) {
            n *= d;
        }
        return n;
    }

    /**
     * The symmetries of the rules, identity first, for data augmentation: the identity alone unless the game
     * overrides this.
     */
    default java.util.List<BoardSymmetry> symmetries() {
        int[] shape = observationShape();
        return java.util.List.of(BoardSymmetry.identity(observationSize() / shape[0], numDistinctActions()));
    }

    /**
     * The state reached by playing the moves of {@code position} from the empty board, in the game's notation (the
     * inverse of {@link GameState#history()}).
     *
     * @throws IllegalArgumentException naming the input, the offending character or move and why it is rejected
     */
    GameState parse(String position);
}
