package rlx.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.experiments.reproduce.Benchmark;
import rlx.experiments.reproduce.Reproduction;

/** {@code rlx reproduce}: run a benchmark definition and compare with the published numbers. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        header = "Run a benchmark (configs x seeds) and report ours against the published numbers.",
        description = {
            "rlx reproduce <benchmark> [seeds=N] [budget=f]   e.g. rlx reproduce classic-control budget=0.1",
            "Benchmarks are experiments/benchmarks/<name>.conf (or give a .conf file). seeds defaults to the",
            "benchmark's; budget (0 < f <= 1) runs that fraction of each run's steps. Finished runs are skipped and",
            "killed ones resumed, so run it again after an interruption. Writes",
            "results/reproduce/<benchmark>/report.md",
            "and one learning-curve PNG per env. Last line:",
            "  reproduce benchmark=<b> runs=<n> seeds=<k> budget=<f> inside=<i>/<r> report=<file>"})
final class ReproduceCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<benchmark>", description = "Benchmark name or file.")
    String benchmark;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "seeds=N|budget=f", description = "Options.")
    List<String> options = new ArrayList<>();

    @Option(names = "--results", paramLabel = "<dir>", defaultValue = "results",
            description = "Results root (default ${DEFAULT-VALUE}).")
    Path results;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = TrainCommand.configDir().getParent().getParent();
        if (benchmark == null) {
            out.println("benchmarks: " + String.join(", ", Benchmark.known(home)));
            return 0;
        }
        Integer seedsOption = null;
        double budget = 1;
        for (String option : options) {
            if (option.startsWith("seeds=")) {
                seedsOption = parse(option, "seeds", Integer::parseInt);
                if (seedsOption <= 0) {
                    throw new IllegalArgumentException("seeds=" + seedsOption + ": the number of seeds must be >= 1");
                }
            } else if (option.startsWith("budget=")) {
                budget = parse(option, "budget", Double::parseDouble);
            } else {
                throw new IllegalArgumentException("unknown option '" + option + "'; allowed: seeds=N, budget=f");
            }
        }
        Benchmark b = Benchmark.load(home, benchmark);
        int seeds = seedsOption != null ? seedsOption : b.seeds();
        Reproduction.Report report = new Reproduction(home, results, spec.commandLine().getErr())
                .run(b, seeds, budget);
        out.printf(Locale.ROOT, "reproduce benchmark=%s runs=%d seeds=%d budget=%s inside=%d/%d report=%s%n",
                b.name(), report.rows().size(), seeds, budget, report.inside(), report.withReference(), report.file());
        return 0;
    }

    private static <T> T parse(String option, String key, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(option.substring(key.length() + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + option + "': " + key + " must be a number");
        }
    }
}
