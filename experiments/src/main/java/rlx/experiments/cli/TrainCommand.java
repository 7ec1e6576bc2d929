package rlx.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.experiments.run.SeedAggregate;
import rlx.experiments.run.Summary;
import rlx.experiments.train.ExperimentRunner;

/** {@code rlx train}: run an experiment config (one seed or several), or resume a killed run. */
@Command(name = "train", mixinStandardHelpOptions = true, header = "Train an experiment from a config file.",
        description = {
            "rlx train <config> [key=value ...]      run one seed (override any key, e.g. seed=3 agent.gamma=0.98)",
            "rlx train <config> seeds=1,2,3 [...]     run several seeds, then write <experiment>/aggregate.json",
            "rlx train --resume <run dir>            continue a killed run from its latest checkpoint",
            "rlx train                               list the shipped configs",
            "Each run writes results/runs/<experiment>/<utc-time>-seed<k>/. Last line per run:",
            "  train experiment=<e> seed=<k> env_steps=<n> steps_per_second=<x> eval_mean_return=<m> eval_std_return=<s> run=<dir>"})
final class TrainCommand implements java.util.concurrent.Callable<Integer> {

    /** The shipped configs: under the checkout the launcher runs from ({@code RLX_HOME}), else the working dir. */
    static Path configDir() {
        String home = System.getProperty("rlx.home", System.getenv().getOrDefault("RLX_HOME", "."));
        return Path.of(home, "experiments", "configs");
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<config>", description = "Experiment config (HOCON).")
    Path config;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "key=value", description = "Config overrides.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "<run dir>", description = "Resume this run from its latest checkpoint.")
    Path resume;

    @Option(names = "--results", paramLabel = "<dir>", defaultValue = "results",
            description = "Results root (default ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--no-progress", description = "Plain progress lines instead of a live bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentRunner runner = new ExperimentRunner(results, !noProgress && System.console() != null, err);
        if (resume != null) {
            if (config != null) {
                throw new IllegalArgumentException("--resume takes a run directory and no config file");
            }
            print(out, runner.resume(resume));
            return 0;
        }
        if (config == null) {
            listConfigs(out);
            return 0;
        }
        List<Long> seeds = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String override : overrides) {
            if (override.startsWith("seeds=")) {
                seeds.addAll(parseSeeds(override));
            } else {
                rest.add(override);
            }
        }
        if (seeds.isEmpty()) {
            print(out, runner.train(runner.plan(config, rest)));
            return 0;
        }
        // validate every seed's config before the first run starts
        List<ExperimentRunner.Plan> plans = new ArrayList<>();
        for (long seed : seeds) {
            List<String> withSeed = new ArrayList<>(rest);
            withSeed.add("seed=" + seed);
            plans.add(runner.plan(config, withSeed));
        }
        if (plans.get(0).experiment().cluster().isLearner()) {
            // workers leave when a learner's run ends, so a second seed would start with none
            throw new IllegalArgumentException("seeds=... runs one seed after another; with cluster.role = learner "
                    + "run one seed per rlx train");
        }
        List<Summary> summaries = new ArrayList<>();
        Path experimentDir = null;
        for (ExperimentRunner.Plan plan : plans) {
            ExperimentRunner.Result result = runner.train(plan);
            print(out, result);
            summaries.add(result.summary());
            experimentDir = result.run().experimentDir();
        }
        SeedAggregate aggregate = SeedAggregate.of(summaries);
        Path written = aggregate.write(experimentDir);
        out.println(aggregate.line() + " file=" + written);
        return 0;
    }

    private static List<Long> parseSeeds(String override) {
        String value = override.substring("seeds=".length());
        List<Long> seeds = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                seeds.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seeds=" + value + " is invalid; expected integers separated by "
                        + "commas, e.g. seeds=1,2,3");
            }
        }
        return seeds;
    }

    private static void print(PrintWriter out, ExperimentRunner.Result r) {
        Summary s = r.summary();
        out.printf(Locale.ROOT, "train experiment=%s seed=%d env_steps=%d steps_per_second=%.0f "
                        + "eval_mean_return=%.2f eval_std_return=%.2f run=%s%n", s.experiment(), s.seed(),
                s.envSteps(), s.stepsPerSecond(), s.eval().meanReturn(), s.eval().stdReturn(), r.run().path());
    }

    private static void listConfigs(PrintWriter out) throws IOException {
        Path dir = configDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no config given and no " + dir + " here; run from the rlx "
                    + "checkout or pass a config file");
        }
        out.println("Shipped configs (rlx train <config> [key=value ...]):");
        try (Stream<Path> files = Files.list(dir)) {
            Path cwd = Path.of("").toAbsolutePath();
            files.filter(p -> p.toString().endsWith(".conf")).sorted()
                    .map(p -> p.toAbsolutePath().normalize())
                    .map(p -> p.startsWith(cwd) ? cwd.relativize(p) : p)
                    .forEach(p -> out.println("  " + p));
        }
    }
}
