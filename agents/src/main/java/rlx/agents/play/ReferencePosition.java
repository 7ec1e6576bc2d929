package rlx.agents.play;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.GameState;

/**
 * One line of a Connect Four reference file ({@code shared/reference/connect4/positions.txt}):
 * {@code position score best_moves}, e.g. {@code 66754175 -1 47}.
 *
 * @param state the position reached by the column sequence (columns 1-7, first player first)
 * @param score the exact value for the side to move in Pascal Pons' convention (0 draw, positive a win, quicker
 *     wins higher)
 * @param bestMoves the optimal columns as digits 1-7, e.g. {@code "47"}
 */
public record ReferencePosition(GameState state, int score, String bestMoves) {

    /** Whether the 0-based {@code action} (column - 1) is one of the optimal moves. */
    public boolean isBest(int action) {
        return action >= 0 && action < 7 && bestMoves.indexOf('1' + action) >= 0;
    }

    /**
     * The positions in {@code file}; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming {@code file:line} and what is wrong with it
     */
    public static List<ReferencePosition> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The positions in {@code lines} of a file called {@code source} (for messages), as {@link #read}. */
    public static List<ReferencePosition> parse(List<String> lines, String source) {
        ConnectFour game = new ConnectFour();
        List<ReferencePosition> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            out.add(parse(game, line, source + ":" + (i + 1)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no positions (expected lines 'position score best_moves')");
        }
        return out;
    }

    static ReferencePosition parse(ConnectFour game, String line, String where) {
        String[] f = line.split("\\s+");
        if (f.length != 3) {
            throw new IllegalArgumentException(where + ": expected 'position score best_moves', got \"" + line + "\"");
        }
        GameState state;
        try {
            state = game.parse(f[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (state.isTerminal()) {
            throw new IllegalArgumentException(where + ": position " + f[0] + " is already over");
        }
        int score;
        try {
            score = Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": score '" + f[1] + "' is not an integer");
        }
        if (!f[2].matches("[1-7]+")) {
            throw new IllegalArgumentException(where + ": best_moves '" + f[2] + "' is not columns 1-7");
        }
        for (char ch : f[2].toCharArray()) {
            if (!state.isLegal(ch - '1')) {
                throw new IllegalArgumentException(where + ": best move " + ch + " is not legal in " + f[0]);
            }
        }
        return new ReferencePosition(state, score, f[2]);
    }
}
