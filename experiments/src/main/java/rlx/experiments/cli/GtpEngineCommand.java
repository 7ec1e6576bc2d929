package rlx.experiments.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rlx.agents.play.GtpEngine;
import rlx.agents.play.Player;
import rlx.agents.play.PlayerSpecs;
import rlx.envs.games.Go;

/** {@code rlx gtp}: an agent as a Go Text Protocol engine on standard input and output, for GUIs and match tools. */
@Command(name = "gtp", mixinStandardHelpOptions = true, header = "Serve an agent as a GTP engine (9x9 Go).",
        description = {
            "Speaks GTP 2 on stdin/stdout: protocol_version, name, version, known_command, list_commands,",
            "boardsize (9 only), clear_board, komi, play, genmove, final_score (area score, Tromp-Taylor), showboard,",
            "quit. A malformed or failing command gets '? message' and the engine keeps running. Agent specs:",
            "  random | minimax[:depth=N] | mcts[:sims=N,c=X] | alphazero:run=<dir>[,sims=N,c=X] | gtp:<engine command line>"})
final class GtpEngineCommand implements Callable<Integer> {

    @Option(names = "--game", defaultValue = "go9", description = "Game; only go9 (default ${DEFAULT-VALUE}).")
    String game;

    @Option(names = "--agent", required = true, description = "Agent spec that chooses the engine's moves.")
    String agent;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the agent (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (!game.equals("go9")) {
            throw new IllegalArgumentException("gtp serves go9 only (GTP is the Go Text Protocol), got --game " + game);
        }
        String version = GtpEngineCommand.class.getPackage().getImplementationVersion();
        // the protocol owns stdout: nothing else may be printed there, and every response is flushed at once
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        try (Player player = PlayerSpecs.parse(agent, new Go(), seed)) {
            new GtpEngine(player, "rlx " + agent, version != null ? version : "development")
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        }
        out.flush();
        return 0;
    }
}
