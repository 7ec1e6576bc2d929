package rlx.agents.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rlx.envs.games.GameState;
import rlx.envs.games.Go;

/**
 * A Go player that is an outside GTP engine (GNU Go, KataGo, another rlx): before each {@code genmove} it brings the
 * engine's board up to date with {@code play} commands for the moves it has not seen, replaying from
 * {@code clear_board} when the game is not a continuation of what the engine holds. Moves are translated with
 * {@link Go#gtpToAction} and {@link Go#actionToGtp}.
 */
public final class GtpPlayer implements Player {

    private final Go game;
    private final GtpClient client;
    /** The moves the engine has been told or has played, in order. */
    private final List<Integer> known = new ArrayList<>();

    /** Sets the engine up for {@code game}: board size, an empty board, komi. */
    public GtpPlayer(Go game, GtpClient client) {
        this.game = game;
        this.client = client;
        client.expect("boardsize " + game.size());
        newBoard();
    }

    private void newBoard() {
        client.expect("clear_board");
        client.expect("komi " + String.format(Locale.ROOT, "%.1f", game.komi()));
        known.clear();
    }

    @Override
    public void reset() {
        newBoard();
    }

    @Override
    public int chooseAction(GameState state) {
        Go.State s = (Go.State) state;
        int[] moves = s.actions();
        if (!continues(moves)) {
            newBoard();
        }
        for (int i = known.size(); i < moves.length; i++) {
            client.expect("play " + colour(i) + " " + game.actionToGtp(moves[i]));
            known.add(moves[i]);
        }
        String reply = client.expect("genmove " + colour(moves.length)).strip();
        if (reply.equalsIgnoreCase("resign")) {
            return RESIGN;
        }
        int action;
        try {
            action = game.gtpToAction(reply);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GTP engine '" + client.engine() + "' answered genmove with \"" + reply
                    + "\": " + e.getMessage(), e);
        }
        if (!s.isLegal(action)) {
            // e.g. an engine on simple ko retaking a position that positional superko forbids
            throw new IllegalStateException("GTP engine '" + client.engine() + "' played " + reply
                    + ", illegal under rlx's go rules after: " + s.history());
        }
        known.add(action);
        return action;
    }

    private boolean continues(int[] moves) {
        if (known.size() > moves.length) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i) != moves[i]) {
                return false;
            }
        }
        return true;
    }

    /** Black moves first and passes are moves, so the colour of move i is its parity. */
    private static String colour(int moveIndex) {
        return moveIndex % 2 == 0 ? "B" : "W";
    }

    @Override
    public void close() {
        client.close();
    }
}
