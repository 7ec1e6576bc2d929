package rlx.agents.play;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rlx.agents.mcts.MctsConfig;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.Go;

/**
 * A player named by a spec string, {@code name} or {@code name:key=value,...}: the form agents take on the command
 * line and in Elo tables. {@link #parse} checks the syntax and values; {@link #create} makes the player for a game.
 */
public sealed interface PlayerSpec {

    String USAGE = "random, minimax[:depth=N], mcts[:sims=N,c=X], alphazero:run=<dir>[,sims=N,c=X,solver=on|off],"
            + " gtp:<engine command line>";

    /** Makes the player for {@code game}; its randomness comes from {@code seed} alone. */
    Player create(Game game, long seed);

    /** Uniformly random legal moves. */
    record Random() implements PlayerSpec {
        @Override
        public Player create(Game game, long seed) {
            return new RandomPlayer(new Rng(seed));
        }
    }

    /** Alpha-beta to {@code depth} plies, or {@link MinimaxPlayer#defaultDepth} when null. */
    record Minimax(Integer depth) implements PlayerSpec {
        @Override
        public Player create(Game game, long seed) {
            int d = depth != null ? depth : MinimaxPlayer.defaultDepth(game);
            return new MinimaxPlayer(d, Heuristic.forGame(game), new Rng(seed));
        }
    }

    /** Plain UCT with random rollouts. */
    record Mcts(int sims, double c) implements PlayerSpec {
        public static final int DEFAULT_SIMS = 800;

        @Override
        public Player create(Game game, long seed) {
            return new MctsPlayer(game, new MctsConfig(sims, c, false), new Rng(seed));
        }
    }

    /**
     * A trained AlphaZero network from a run directory (or a network file) with PUCT search, with the solver's exact
     * values ({@link rlx.agents.alphazero.PuctConfig#solver()}) when {@code solver} is on; null: on except in Go,
     * whose games end only by passing and where making every child of each expanded position is costly.
     */
    record AlphaZero(java.nio.file.Path run, int sims, double c, Boolean solver) implements PlayerSpec {
        public static final int DEFAULT_SIMS = 200;
        public static final double DEFAULT_C_PUCT = 1.5;
        /** Leaves of the one tree per network call: a batch for the network at little cost in search quality. */
        public static final int LEAVES_PER_CALL = 8;

        @Override
        public Player create(Game game, long seed) {
            var network = rlx.agents.alphazero.NetworkFiles.load(run, game);
            return new AlphaZeroPlayer(network, config(game, LEAVES_PER_CALL),
                    new rlx.agents.alphazero.BatchedSearch(game, 200_000), new Rng(seed));
        }

        /**
         * This network as a side of a {@link BatchedMatch}: each tree sends one leaf per network call (exact PUCT,
         * no virtual loss), and the call carries the leaves of every game in progress.
         */
        public Contestant.Searching searching(Game game) {
            var network = rlx.agents.alphazero.NetworkFiles.load(run, game);
            return new Contestant.Searching(network::evaluate, config(game, 1),
                    new rlx.agents.alphazero.BatchedSearch(game, 200_000));
        }

        private rlx.agents.alphazero.PuctConfig config(Game game, int leaves) {
            return new rlx.agents.alphazero.PuctConfig(sims, c, 1.0, 0, leaves,
                    solver != null ? solver : !(game instanceof Go));
        }
    }

    /** An outside engine driven over GTP; Go only. */
    record Gtp(List<String> command) implements PlayerSpec {
        @Override
        public Player create(Game game, long seed) {
            if (!(game instanceof Go go)) {
                throw new IllegalArgumentException("agent spec 'gtp:" + String.join(" ", command)
                        + "' plays Go only (GTP is the Go Text Protocol); the game is " + game.name());
            }
            GtpClient client;
            try {
                client = GtpClient.start(command);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            try {
                return new GtpPlayer(go, client);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }
    }

    /**
     * The spec {@code text} names.
     *
     * @throws IllegalArgumentException naming the spec, the bad part and what is allowed
     */
    static PlayerSpec parse(String text) {
        String spec = text.strip();
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String rest = colon < 0 ? null : spec.substring(colon + 1);
        String where = "agent spec '" + text + "'";
        switch (name) {
            case "random": {
                keyValues(where, rest, List.of());
                return new Random();
            }
            case "minimax": {
                Map<String, String> kv = keyValues(where, rest, List.of("depth"));
                return new Minimax(kv.containsKey("depth") ? positiveInt(where, "depth", kv.get("depth")) : null);
            }
            case "mcts": {
                Map<String, String> kv = keyValues(where, rest, List.of("sims", "c"));
                int sims = kv.containsKey("sims") ? positiveInt(where, "sims", kv.get("sims")) : Mcts.DEFAULT_SIMS;
                double c = MctsConfig.DEFAULT_EXPLORATION;
                if (kv.containsKey("c")) {
                    try {
                        c = Double.parseDouble(kv.get("c"));
                    } catch (NumberFormatException e) {
                        c = Double.NaN;
                    }
                    if (!(c >= 0) || Double.isInfinite(c)) {
                        throw new IllegalArgumentException(where + ": c must be a finite number >= 0 (UCT's "
                                + "exploration constant), got '" + kv.get("c") + "'");
                    }
                }
                return new Mcts(sims, c);
            }
            case "gtp": {
                List<String> command = rest == null ? List.of() : splitCommandLine(where, rest);
                if (command.isEmpty()) {
                    throw new IllegalArgumentException(where + ": gtp needs the engine's command line after the"
                            + " colon, e.g. gtp:gnugo --mode gtp --level 10");
                }
                return new Gtp(command);
            }
            case "alphazero": {
                Map<String, String> kv = keyValues(where, rest, List.of("run", "sims", "c", "solver"));
                if (!kv.containsKey("run")) {
                    throw new IllegalArgumentException(where + ": alphazero needs run=<run directory or network"
                            + " file>, e.g. alphazero:run=results/connect4-alphazero/<run>,sims=200");
                }
                int sims = kv.containsKey("sims") ? positiveInt(where, "sims", kv.get("sims"))
                        : AlphaZero.DEFAULT_SIMS;
                double c = kv.containsKey("c") ? positiveDouble(where, "c", kv.get("c")) : AlphaZero.DEFAULT_C_PUCT;
                Boolean solver = kv.containsKey("solver") ? onOff(where, "solver", kv.get("solver")) : null;
                return new AlphaZero(java.nio.file.Path.of(kv.get("run")), sims, c, solver);
            }
            default:
                throw new IllegalArgumentException(where + ": unknown agent '" + name + "'; available: " + USAGE);
        }
    }

    private static Map<String, String> keyValues(String where, String rest, List<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rest == null) {
            return out;
        }
        String allowedText = allowed.isEmpty() ? "takes no options" : "takes " + String.join(", ", allowed);
        if (rest.isBlank()) {
            throw new IllegalArgumentException(where + ": nothing after ':'; this agent " + allowedText);
        }
        for (String pair : rest.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(where + ": '" + pair + "' is not key=value; this agent "
                        + allowedText);
            }
            String key = pair.substring(0, eq).strip();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; this agent " + allowedText);
            }
            if (out.put(key, pair.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(where + ": key '" + key + "' given twice");
            }
        }
        return out;
    }

    private static boolean onOff(String where, String key, String value) {
        return switch (value) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(where + ": " + key + " must be on or off, got '" + value
                    + "'");
        };
    }

    private static int positiveInt(String where, String key, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": " + key + " must be an integer >= 1, got '" + value + "'");
    }

    private static double positiveDouble(String where, String key, String value) {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": " + key + " must be a finite number > 0, got '" + value + "'");
    }

    /** Splits on spaces; single or double quotes keep an argument with spaces together. */
    private static List<String> splitCommandLine(String where, String line) {
        List<String> out = new ArrayList<>();
        StringBuilder token = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    token.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                token = token == null ? new StringBuilder() : token;
            } else if (Character.isWhitespace(ch)) {
                if (token != null) {
                    out.add(token.toString());
                    token = null;
                }
            } else {
                token = token == null ? new StringBuilder() : token;
                token.append(ch);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(where + ": unclosed " + quote + " quote in the engine command line");
        }
        if (token != null) {
            out.add(token.toString());
        }
        return out;
    }
}
