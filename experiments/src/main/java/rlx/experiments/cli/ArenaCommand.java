package rlx.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.agents.play.Arena;
import rlx.agents.play.ArenaResult;
import rlx.agents.play.BatchedMatch;
import rlx.agents.play.Contestant;
import rlx.agents.play.Player;
import rlx.agents.play.PlayerSpec;
import rlx.agents.play.PlayerSpecs;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.games.Game;
import rlx.envs.games.GameRegistry;
import rlx.experiments.run.EloTable;

/** {@code rlx arena}: a match between two agent specs, scored, and the Elo table of the game updated. */
@Command(name = "arena", mixinStandardHelpOptions = true, header = "Play a match between two agents.",
        description = {
            "Plays N games, alternating colours (A moves first in games 0, 2, ...). Agents are specs:",
            "  random | minimax[:depth=N] | mcts[:sims=N,c=X] | alphazero:run=<dir>[,sims=N,c=X]"
                + " | gtp:<engine command line> (go9 only)",
            "a_score = (a_wins + draws/2) / games; ci95 is the 95%% Wilson score interval of a_score (draws count as",
            "half a win, which makes it conservative). Afterwards the Elo ratings of both spec strings are updated in",
            "results/elo-<game>.json: standard Elo, K=16, one update per game in the order played, new specs at 1500.",
            "Last line:",
            "  arena game=<g> games=<n> a_wins=<w> draws=<d> b_wins=<l> a_score=<x> ci95=<lo>..<hi>"})
final class ArenaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--game", required = true, description = "Game: tictactoe, connect4, gomoku, othello, go9.")
    String gameName;

    @Parameters(index = "0", paramLabel = "<agentA>", description = "Agent spec of A.")
    String agentA;

    @Parameters(index = "1", paramLabel = "<agentB>", description = "Agent spec of B.")
    String agentB;

    @Option(names = "--games", defaultValue = "10", description = "Games to play (default ${DEFAULT-VALUE}).")
    int games;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of both agents (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-game", description = "Print one line per game as it ends.")
    boolean perGame;

    @Option(names = "--elo", paramLabel = "<file>",
            description = "Elo table to update (default results/elo-<game>.json).")
    Path eloFile;

    @Option(names = "--no-elo", description = "Do not read or write an Elo table.")
    boolean noElo;

    @Option(names = "--batch", description = {"Play all games at once. An alphazero side then scores the leaves of",
        "every game in progress in one network call, one leaf per tree (exact PUCT, no virtual loss), instead of 8",
        "leaves of one tree per call: 4-9x faster in our Connect Four matches. Other sides get one player per",
        "game, seeded per game. Not with gtp engines (one process per game)."})
    boolean batch;

    @Override
    public Integer call() {
        if (games < 1) {
            throw new IllegalArgumentException("--games must be >= 1, got " + games);
        }
        Game game = GameRegistry.byName(gameName);
        String shortName = shortName(game); // connect_four and connect4 share one table
        Path file = eloFile != null ? eloFile : EloTable.file(Path.of("results"), shortName);
        EloTable table = noElo ? null : EloTable.load(file, shortName); // a bad table fails before any game
        PrintWriter out = spec.commandLine().getOut();
        List<Arena.Outcome> outcomes = new ArrayList<>();
        Consumer<Arena.GameRecord> onGame = g -> {
            outcomes.add(g.outcome());
            if (perGame) {
                out.printf(Locale.ROOT, "game=%d a_first=%b result=%s moves=%d history=%s%n", g.index(),
                        g.aFirst(), g.outcome().name().toLowerCase(Locale.ROOT), g.moves(), g.history());
                out.flush();
            }
        };
        ArenaResult r;
        if (batch) {
            PlayerSpec specA = PlayerSpec.parse(agentA);
            PlayerSpec specB = PlayerSpec.parse(agentB);
            r = BatchedMatch.play(game, contestant(specA, agentA, game, Seeds.derive(seed, 0)),
                    contestant(specB, agentB, game, Seeds.derive(seed, 1)), games, 0,
                    new Rng(Seeds.derive(seed, "batch")), onGame);
        } else {
            try (Player a = PlayerSpecs.parse(agentA, game, Seeds.derive(seed, 0));
                 Player b = PlayerSpecs.parse(agentB, game, Seeds.derive(seed, 1))) {
                r = Arena.play(game, a, b, games, onGame);
            }
        }
        if (table != null) {
            table.record(agentA, agentB, seed, outcomes, Instant.now());
            table.save(file);
            out.printf(Locale.ROOT, "elo %s=%.1f %s=%.1f file=%s%n", agentA, table.rating(agentA), agentB,
                    table.rating(agentB), file);
        }
        ArenaResult.Interval ci = r.ci95();
        out.printf(Locale.ROOT, "arena game=%s games=%d a_wins=%d draws=%d b_wins=%d a_score=%.3f ci95=%.3f..%.3f%n",
                shortName, r.games(), r.aWins(), r.draws(), r.bWins(), r.score(), ci.low(), ci.high());
        return 0;
    }

    /** A side of a batched match: a network searches all games at once; anything else plays game by game. */
    private static Contestant contestant(PlayerSpec spec, String text, Game game, long sideSeed) {
        if (spec instanceof PlayerSpec.AlphaZero az) {
            return az.searching(game);
        }
        if (spec instanceof PlayerSpec.Gtp) {
            throw new IllegalArgumentException("--batch: agent spec '" + text + "' is an outside engine, and a batched"
                    + " match would start one process per game; play gtp specs without --batch");
        }
        return new Contestant.Playing(i -> spec.create(game, Seeds.derive(sideSeed, i)));
    }

    private static String shortName(Game game) {
        return GameRegistry.names().stream().filter(n -> GameRegistry.byName(n).name().equals(game.name()))
                .findFirst().orElse(game.name());
    }
}
