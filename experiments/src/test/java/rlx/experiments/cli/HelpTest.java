package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} works on every command and subcommand: exit 0 and a usage message naming the command. */
class HelpTest {

    private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
        out.add(path);
        for (var e : cli.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            collect(e.getValue(), sub, out);
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new RlxCommand()), List.of(), commands);
        assertTrue(commands.size() > 20, "commands found: " + commands);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliTest.Run run = CliTest.rlx(args.toArray(new String[0]));
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
            String name = command.isEmpty() ? "rlx" : command.get(command.size() - 1);
            assertTrue(run.out().contains("Usage:") && run.out().contains(name), String.join(" ", args) + ": "
                    + run.out());
        }
    }
}
