package rlx.agents.play;

import rlx.envs.games.GameState;

/**
 * Chooses moves in one game (the one it was made for, see {@link PlayerSpecs}). A player may keep state across the
 * moves of a game, so the arena calls {@link #reset()} before each game and tells it every move the opponent made.
 */
public interface Player extends AutoCloseable {

    /** What {@link #chooseAction} returns to resign; only outside engines do, through GTP. */
    int RESIGN = -1;

    /**
     * A legal action in {@code state}, or {@link #RESIGN}.
     *
     * @param state a non-terminal state whose side to move this player is
     */
    int chooseAction(GameState state);

    /** A new game starts. */
    default void reset() {
    }

    /** The opponent played {@code action} in {@code before}: for players that track the game move by move. */
    default void observeOpponentMove(GameState before, int action) {
    }

    /** Releases what the player holds (a GTP engine's process). */
    @Override
    default void close() {
    }
}
