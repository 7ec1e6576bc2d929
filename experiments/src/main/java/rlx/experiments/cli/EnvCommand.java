package rlx.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.envs.check.EnvChecker;
import rlx.envs.core.Box;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Space;
import rlx.envs.reference.ReferenceReplay;
import rlx.envs.reference.ReplayResult;

/** {@code rlx env list|check|replay}: what envs exist, whether one honours the API, whether it matches Gymnasium. */
@Command(name = "env", description = "List, check and replay environments.",
        mixinStandardHelpOptions = true, subcommandsRepeatable = false)
final class EnvCommand {

    private final EnvRegistry registry = EnvRegistry.standard();

    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "One env id per line with its spaces and time limit.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        for (String id : registry.ids()) {
            EnvSpec s = registry.spec(id);
            out.printf(Locale.ROOT, "%-20s observation=%s action=%s max_episode_steps=%s reward_threshold=%s%n",
                    id, describe(s.observationSpace()), describe(s.actionSpace()),
                    s.hasTimeLimit() ? s.maxEpisodeSteps() : "none",
                    s.rewardThreshold().isPresent() ? s.rewardThreshold().getAsDouble() : "none");
        }
        registry.aliases().forEach((alias, id) -> out.printf("%-20s alias of %s%n", alias, id));
        return 0;
    }

    private static String describe(Space<?> space) {
        if (space instanceof Box box) {
            return "Box" + Arrays.toString(box.shape()).replace(" ", "") + "(float32)";
        }
        return space.toString().replace(" ", "");
    }

    @Command(name = "check", description = "Run the env checker; prints env_check=<id> ok or the failures.")
    int check(@Parameters(paramLabel = "<id>", description = "Registered env id.") String id,
              @Option(names = "--episodes", defaultValue = "20", description = "Random episodes to run (default ${DEFAULT-VALUE}).") int episodes,
              @Option(names = "--seed", defaultValue = "0", description = "Root seed (default ${DEFAULT-VALUE}).") long seed) {
        registry.spec(id); // unknown ids fail here, listing the known ones
        List<String> failures = new EnvChecker(episodes, seed).check(() -> registry.make(id), () -> registry.makeRaw(id));
        PrintWriter out = spec.commandLine().getOut();
        failures.forEach(f -> out.println("  " + f));
        out.println("env_check=" + id + (failures.isEmpty() ? " ok" : " failed failures=" + failures.size()));
        return failures.isEmpty() ? 0 : RlxCommand.EXIT_FAILED;
    }

    @Command(name = "replay", description = {
        "Replay a Gymnasium reference file (trajectories or *.model.json transition tables).",
        "Trajectories: rollout from initial_state and stepwise from each recorded state; last line",
        "  replay env=<id> episodes=<n> steps=<n> rollout_max_error=<x> stepwise_max_error=<y> mismatches=<k>",
        "Models: last line  model env=<id> states=<n> mismatches=<k>.  Exit 0 only when mismatches=0."})
    int replay(@Option(names = "--reference", required = true, paramLabel = "<file.json>",
                       description = "Reference file in the format of shared/reference/gymnasium.") Path file)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("reference file " + file + " does not exist or is not a file");
        }
        PrintWriter out = spec.commandLine().getOut();
        ReplayResult result = new ReferenceReplay(registry).replay(file);
        result.details().forEach(d -> out.println("  " + d));
        out.println(result.summaryLine());
        return result.mismatches() == 0 ? 0 : RlxCommand.EXIT_FAILED;
    }
}
