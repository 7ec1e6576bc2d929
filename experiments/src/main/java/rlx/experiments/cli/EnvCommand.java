package rlx.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.core.Space;
import rlx.envs.minatar.MinAtarEnv;
import rlx.envs.minatar.MinAtarGames;
import rlx.envs.minatar.MinAtarRenderer;
import rlx.envs.reference.ReferenceReplay;
import rlx.envs.reference.ReplayResult;

/**
 * {@code rlx env list|check|replay|render}: what envs exist, whether one honours the API, whether it matches
 * Gymnasium, and what a MinAtar episode looks like.
 */
@Command(name = "env", description = "List, check, replay and render environments.",
        mixinStandardHelpOptions = true, subcommandsRepeatable = false)
final class EnvCommand {

    private final EnvRegistry registry = EnvRegistry.standard();

    @Spec
    CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One env id per line with its spaces and time limit.")
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

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Run the env checker; prints env_check=<id> ok or the failures.")
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

    @Command(name = "replay", mixinStandardHelpOptions = true, description = {
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

    @Command(name = "render", mixinStandardHelpOptions = true, description = {
        "Play one episode of a MinAtar env with seeded uniformly random actions, or with a trained run's greedy",
        "policy (--run <run dir>, its latest checkpoint), and draw it:",
        "  a .png file gets the first frame, a .gif file every frame (looping, 50 ms a frame).",
        "Colours as the reference's display: black background, one cubehelix colour per channel.",
        "Last line  render env=<id> frames=<n> file=<path>."})
    int render(@Parameters(paramLabel = "<id>", description = "A MinAtar env id, e.g. MinAtar/Breakout-v1.") String id,
               @Option(names = "--out", required = true, paramLabel = "<file.png|file.gif>",
                       description = "Image to write; the extension picks the format.") Path file,
               @Option(names = "--steps", defaultValue = "200",
                       description = "At most this many steps; a GIF gets the reset frame and one per step "
                               + "(default ${DEFAULT-VALUE}).") int steps,
               @Option(names = "--seed", defaultValue = "0",
                       description = "Seed of the reset and of the actions (default ${DEFAULT-VALUE}).") long seed,
               @Option(names = "--cell-pixels", defaultValue = "" + MinAtarRenderer.DEFAULT_CELL_PIXELS,
                       description = "Side of a board cell in pixels (default ${DEFAULT-VALUE}).") int cellPixels,
               @Option(names = "--run", paramLabel = "<run dir>",
                       description = "Act with this run's greedy policy instead of random actions.") Path run,
               @Option(names = "--best", description = "With --run: act from the policy of the run's best "
                       + "periodic evaluation (checkpoints/best/) instead of its latest checkpoint.") boolean best)
            throws IOException {
        Env<?, ?> made = registry.makeRaw(id); // unknown ids fail here, listing the known ones
        if (!(made instanceof MinAtarEnv env)) {
            throw new IllegalArgumentException("env render draws MinAtar envs only, not '" + id + "'; use one of "
                    + String.join(", ", MinAtarGames.IDS));
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gif = name.endsWith(".gif");
        if (!gif && !name.endsWith(".png")) {
            throw new IllegalArgumentException("--out " + file + ": unknown image type; use a .png or .gif file");
        }
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps (" + steps + ") must be > 0");
        }
        if (cellPixels < 1 || cellPixels > MinAtarRenderer.MAX_CELL_PIXELS) {
            throw new IllegalArgumentException("--cell-pixels (" + cellPixels + ") must be between 1 and "
                    + MinAtarRenderer.MAX_CELL_PIXELS);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out " + file + ": directory " + parent + " does not exist");
        }
        rlx.agents.core.DiscretePolicy policy = null;
        if (run != null) {
            var greedy = new rlx.experiments.train.ExperimentRunner(Path.of("results"), false,
                    spec.commandLine().getErr()).greedyPolicy(run, best);
            if (!greedy.settings().envId().equals(id)) {
                throw new IllegalArgumentException("--run " + run + " trained on " + greedy.settings().envId()
                        + ", not on " + id);
            }
            policy = greedy.policy();
        }
        MinAtarRenderer renderer = MinAtarRenderer.forEnv(env, cellPixels);
        List<float[]> frames = new ArrayList<>();
        frames.add(env.reset(seed).observation());
        if (gif) { // a PNG holds the first frame only, so only a GIF needs the episode played
            Space<Integer> actionSpace = env.actionSpace();
            Rng actions = Seeds.generator(Seeds.derive(seed, "actions"));
            int[] chosen = new int[1];
            for (int t = 0; t < steps && !env.terminated(); t++) {
                if (policy == null) {
                    chosen[0] = actionSpace.sample(actions);
                } else {
                    policy.act(frames.get(frames.size() - 1), 1, chosen);
                }
                frames.add(env.step(chosen[0]).observation());
            }
            renderer.writeGif(frames, file);
        } else {
            renderer.writePng(frames.get(0), file);
        }
        spec.commandLine().getOut().println("render env=" + id + " frames=" + frames.size() + " file=" + file);
        return 0;
    }
}
