package rlx.envs.games;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Games by the short names the command line uses ({@code --game connect4}); each game's own
 * {@link Game#name()} (OpenSpiel's spelling, e.g. {@code connect_four}) is accepted too.
 */
public final class GameRegistry {

    private static final Map<String, Supplier<Game>> GAMES = new LinkedHashMap<>();

    static {
        GAMES.put("tictactoe", TicTacToe::new);
        GAMES.put("connect4", ConnectFour::new);
        GAMES.put("gomoku", Gomoku::new);
        GAMES.put("othello", Othello::new);
        GAMES.put("go9", Go::new);
    }

    private GameRegistry() {
    }

    /** The game called {@code name}; an unknown name gets an error listing the known ones. */
    public static Game byName(String name) {
        Supplier<Game> game = GAMES.get(name);
        if (game != null) {
            return game.get();
        }
        for (Supplier<Game> candidate : GAMES.values()) {
            Game g = candidate.get();
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown game '" + name + "'; known games: " + String.join(", ", names()));
    }

    public static List<String> names() {
        return List.copyOf(GAMES.keySet());
    }
}
