package rlx.agents.play;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rlx.envs.games.Go;

/**
 * The engine side of the Go Text Protocol (version 2) on 9 x 9 Go, moves chosen by any {@link Player}. A command
 * that is malformed or fails gets a {@code ?} response and leaves the position as it was; the engine stops only at
 * {@code quit} or the end of its input.
 *
 * <p>GTP lets a controller play or ask for two moves of one colour in a row (handicap stones, setting up a
 * position), which rlx's strictly alternating {@link Go.State} cannot hold: the engine puts a pass of the other
 * colour in between, unless that pass would end the game (it would be the second in a row), which is then an
 * illegal move. Scoring is Go's own area scoring (Tromp-Taylor: no dead stones are removed).
 */
public final class GtpEngine {

    public static final List<String> COMMANDS = List.of("protocol_version", "name", "version", "known_command",
            "list_commands", "boardsize", "clear_board", "komi", "play", "genmove", "final_score", "showboard",
            "quit");
    private static final int SIZE = 9;

    private final Player player;
    private final String name;
    private final String version;
    private Go game = new Go(SIZE, Go.DEFAULT_KOMI);
    private Go.State state = game.newInitialState();
    private boolean quit;

    /** @param player chooses the engine's moves; it was made for 9 x 9 Go (any komi) */
    public GtpEngine(Player player, String name, String version) {
        this.player = player;
        this.name = name;
        this.version = version;
    }

    /** The current position. */
    public Go.State state() {
        return state;
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Answers commands from {@code in} on {@code out}, flushing after each, until {@code quit} or end of input. */
    public void run(BufferedReader in, Writer out) throws IOException {
        String line;
        while (!quit && (line = in.readLine()) != null) {
            String response = respond(line);
            if (response != null) {
                out.write(response);
                out.flush();
            }
        }
    }

    /** The framed response to one input line, or null for a line with no command (blank or comment). */
    public String respond(String line) {
        Optional<GtpCommand> parsed;
        try {
            parsed = GtpCommand.parse(line);
        } catch (GtpCommand.Malformed e) {
            return GtpResponse.failure(e.getMessage()).format(e.id());
        }
        if (parsed.isEmpty()) {
            return null;
        }
        GtpCommand c = parsed.get();
        GtpResponse r;
        try {
            r = execute(c);
        } catch (RuntimeException e) {
            // the player failed; the position is unchanged, so the controller can go on
            r = GtpResponse.failure("internal error: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()));
        }
        // an empty line ends a response, so none may appear inside one
        String text = r.text().replaceAll("\n\\s*\n", "\n").stripTrailing();
        r = r instanceof GtpResponse.Success ? GtpResponse.success(text) : GtpResponse.failure(text);
        return r.format(c.id());
    }

    GtpResponse execute(GtpCommand c) {
        List<String> args = c.args();
        switch (c.name()) {
            case "protocol_version":
                return GtpResponse.success("2");
            case "name":
                return GtpResponse.success(name);
            case "version":
                return GtpResponse.success(version);
            case "known_command":
                if (args.size() != 1) {
                    return syntaxError();
                }
                return GtpResponse.success(Boolean.toString(COMMANDS.contains(args.get(0))));
            case "list_commands":
                return GtpResponse.success(String.join("\n", COMMANDS));
            case "boardsize":
                return boardsize(args);
            case "clear_board":
                state = game.newInitialState();
                player.reset();
                return GtpResponse.success("");
            case "komi":
                return komi(args);
            case "play":
                return play(args);
            case "genmove":
                return genmove(args);
            case "final_score":
                return GtpResponse.success(scoreText(state.score()));
            case "showboard":
                return GtpResponse.success("\n" + state.toDiagram());
            case "quit":
                quit = true;
                return GtpResponse.success("");
            default:
                return GtpResponse.failure("unknown command");
        }
    }

    private static GtpResponse syntaxError() {
        return GtpResponse.failure("syntax error");
    }

    private GtpResponse boardsize(List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("[0-9]{1,3}")) {
            return syntaxError();
        }
        if (Integer.parseInt(args.get(0)) != SIZE) {
            return GtpResponse.failure("unacceptable size");
        }
        state = game.newInitialState();
        player.reset();
        return GtpResponse.success("");
    }

    private GtpResponse komi(List<String> args) {
        if (args.size() != 1) {
            return syntaxError();
        }
        double komi;
        try {
            komi = Double.parseDouble(args.get(0));
        } catch (NumberFormatException e) {
            return syntaxError();
        }
        if (!Double.isFinite(komi)) {
            return syntaxError();
        }
        // komi belongs to the rules, so the game changes; the moves are replayed on the new one
        Go next = new Go(SIZE, komi);
        state = next.parse(state.history());
        game = next;
        return GtpResponse.success("");
    }

    /** 0 for black, 1 for white, -1 for anything else. */
    private static int colour(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "b":
            case "black":
                return 0;
            case "w":
            case "white":
                return 1;
            default:
                return -1;
        }
    }

    private GtpResponse play(List<String> args) {
        if (args.size() != 2) {
            return syntaxError();
        }
        int colour = colour(args.get(0));
        if (colour < 0) {
            return GtpResponse.failure("invalid color");
        }
        int action;
        try {
            action = game.gtpToAction(args.get(1));
        } catch (IllegalArgumentException e) {
            return GtpResponse.failure("invalid vertex");
        }
        Go.State before = turnOf(colour);
        if (before == null || !before.isLegal(action)) {
            return GtpResponse.failure("illegal move");
        }
        player.observeOpponentMove(before, action);
        state = before.child(action);
        return GtpResponse.success("");
    }

    private GtpResponse genmove(List<String> args) {
        if (args.size() != 1) {
            return syntaxError();
        }
        int colour = colour(args.get(0));
        if (colour < 0) {
            return GtpResponse.failure("invalid color");
        }
        Go.State before = turnOf(colour);
        if (before == null) {
            return GtpResponse.success("pass"); // the game is over: nothing left to play
        }
        int action = player.chooseAction(before);
        if (action == Player.RESIGN) {
            return GtpResponse.success("resign");
        }
        state = before.child(action);
        return GtpResponse.success(game.actionToGtp(action));
    }

    /** The current state with {@code colour} to move (a pass put in if needed), or null if the game is over. */
    private Go.State turnOf(int colour) {
        if (state.isTerminal()) {
            return null;
        }
        if (state.currentPlayer() == colour) {
            return state;
        }
        Go.State passed = state.child(game.passAction());
        return passed.isTerminal() ? null : passed;
    }

    /** GTP's score format: {@code B+7.5}, {@code W+0.5}, {@code 0} for a tie. */
    static String scoreText(double blackAhead) {
        if (blackAhead == 0) {
            return "0";
        }
        return (blackAhead > 0 ? "B+" : "W+") + String.format(Locale.ROOT, "%.1f", Math.abs(blackAhead));
    }
}
