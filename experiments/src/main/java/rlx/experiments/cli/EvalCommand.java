package rlx.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.experiments.train.ExperimentRunner;
import rlx.trainers.eval.EvalResult;

/**
 * {@code rlx eval <run dir> [episodes=N] [--best]}: greedy evaluation of a run's latest checkpoint, or of its best
 * periodic evaluation's policy, on fresh seeds.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, header = "Evaluate a trained run's saved policy.",
        description = {"Greedy episodes on seeds disjoint from training's. Last line:",
            "  eval run=<dir> episodes=<n> mean_return=<m> std_return=<s> mean_length=<l>"})
final class EvalCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run dir>", description = "A run directory with checkpoints.")
    Path run;

    @Parameters(index = "1", arity = "0..1", paramLabel = "episodes=N", description = "Episodes (default 100).")
    String episodesArg;

    @Option(names = "--best", description = "Act from the policy of the run's best periodic evaluation "
            + "(checkpoints/best/) instead of its latest checkpoint.")
    boolean best;

    @Override
    public Integer call() throws IOException {
        int episodes = 100;
        if (episodesArg != null) {
            if (!episodesArg.matches("episodes=[1-9][0-9]*")) {
                throw new IllegalArgumentException("'" + episodesArg + "' is invalid; expected episodes=N with N > 0");
            }
            episodes = Integer.parseInt(episodesArg.substring("episodes=".length()));
        }
        EvalResult r = new ExperimentRunner(Path.of("results"), false, spec.commandLine().getErr())
                .evaluate(run, episodes, best);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "eval run=%s episodes=%d mean_return=%.2f std_return=%.2f mean_length=%.1f%n",
                run, r.episodes(), r.meanReturn(), r.stdReturn(), r.meanLength());
        return 0;
    }
}
