package rlx.agents.play;

import java.util.function.Consumer;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;

/**
 * Plays matches between two players, alternating colours: A moves first in even-numbered games (0, 2, ...), B in
 * odd ones, so that neither gets the first-move advantage more often.
 */
public final class Arena {

    /** How a game ended for A. */
    public enum Outcome {
        A_WINS, DRAW, B_WINS;

        /** A's points: 1, 0.5 or 0. */
        public double aScore() {
            return this == A_WINS ? 1 : this == DRAW ? 0.5 : 0;
        }
    }

    /**
     * One finished game.
     *
     * @param index 0-based
     * @param aFirst whether A had the first move
     * @param outcome the result for A
     * @param moves moves played (a Go resignation counts as one)
     * @param history the moves in the game's notation ({@link GameState#history()})
     */
    public record GameRecord(int index, boolean aFirst, Outcome outcome, int moves, String history) {
    }

    private Arena() {
    }

    /**
     * Plays {@code games} games and tallies them.
     *
     * @param onGame told of each game as it ends, in order
     */
    public static ArenaResult play(Game game, Player a, Player b, int games, Consumer<GameRecord> onGame) {
        if (games < 1) {
            throw new IllegalArgumentException("games must be >= 1, got " + games);
        }
        int aWins = 0;
        int draws = 0;
        int bWins = 0;
        for (int i = 0; i < games; i++) {
            GameRecord r = playOne(game, a, b, i);
            switch (r.outcome()) {
                case A_WINS -> aWins++;
                case DRAW -> draws++;
                case B_WINS -> bWins++;
            }
            onGame.accept(r);
        }
        return new ArenaResult(aWins, draws, bWins);
    }

    /** Game {@code index} of a match: A first when the index is even. */
    public static GameRecord playOne(Game game, Player a, Player b, int index) {
        boolean aFirst = index % 2 == 0;
        Player[] seat = aFirst ? new Player[] {a, b} : new Player[] {b, a};
        a.reset();
        b.reset();
        GameState s = game.newInitialState();
        int resigned = -1;
        while (!s.isTerminal()) {
            int mover = s.currentPlayer();
            int action = seat[mover].chooseAction(s);
            if (action == Player.RESIGN) {
                resigned = mover;
                if (s instanceof Go.State go) {
                    s = go.resign(); // keeps the resignation in the history
                }
                break;
            }
            if (!s.isLegal(action)) {
                throw new IllegalStateException("player " + (seat[mover] == a ? "A" : "B") + " chose illegal action "
                        + action + " after: " + s.history());
            }
            seat[1 - mover].observeOpponentMove(s, action);
            s = s.child(action);
        }
        int winner = resigned >= 0 ? 1 - resigned : s.winner(); // by seat: 0 moved first
        Outcome outcome;
        if (winner < 0) {
            outcome = Outcome.DRAW;
        } else {
            outcome = (winner == 0) == aFirst ? Outcome.A_WINS : Outcome.B_WINS;
        }
        return new GameRecord(index, aFirst, outcome, s.moveCount(), s.history());
    }
}
