package rlx.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rlx.agents.play.BestMoveAccuracy;
import rlx.agents.play.Player;
import rlx.agents.play.PlayerSpecs;
import rlx.agents.play.ReferencePosition;
import rlx.envs.games.ConnectFour;

/** {@code rlx c4 ...}: Connect Four against solved reference positions. */
@Command(name = "c4", description = "Connect Four against solved reference positions.",
        mixinStandardHelpOptions = true)
final class ConnectFourCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "eval", mixinStandardHelpOptions = true, description = {
        "The fraction of reference positions (lines 'position score best_moves', the format of",
        "shared/reference/connect4) where the agent's move is among the optimal moves. Last line:",
        "  c4eval positions=<n> best_move_accuracy=<x>"})
    int eval(@Option(names = "--positions", required = true, paramLabel = "<file>",
                     description = "Reference positions file.") Path file,
             @Option(names = "--agent", required = true, description = "Agent spec, e.g. mcts:sims=1000.") String agent,
             @Option(names = "--seed", defaultValue = "1", description = "Seed of the agent (default ${DEFAULT-VALUE}).") long seed)
            throws IOException {
        List<ReferencePosition> positions = ReferencePosition.read(file);
        BestMoveAccuracy.Result r;
        try (Player player = PlayerSpecs.parse(agent, new ConnectFour(), seed)) {
            r = BestMoveAccuracy.measure(player, positions);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "agent=%s best=%d seconds=%.2f%n", agent, r.best(), r.seconds());
        out.printf(Locale.ROOT, "c4eval positions=%d best_move_accuracy=%.4f%n", r.positions(), r.accuracy());
        return 0;
    }
}
