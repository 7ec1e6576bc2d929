package rlx.experiments.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rlx.experiments.run.LearningCurvePlot;
import rlx.experiments.run.RunDirectory;
import rlx.experiments.run.SeedAggregate;
import rlx.experiments.run.Summary;
import rlx.experiments.train.ExperimentRunner;

/**
 * Runs a {@link Benchmark}: every config for every seed, at a fraction of its steps; a finished run (one with
 * {@code summary.json}) is skipped and a killed one resumed, so the command can be run again until it completes.
 * Runs live in {@code results/reproduce/<benchmark>/budget-<f>/runs/}; the report and one learning-curve PNG per env
 * in {@code results/reproduce/<benchmark>/}.
 */
public final class Reproduction {

    /** One benchmark line's outcome. */
    public record Row(BenchmarkRun run, String experiment, long steps, List<Summary> summaries,
                      List<RunDirectory> dirs) {

        public SeedAggregate aggregate() {
            return SeedAggregate.of(summaries);
        }

        /** Whether our mean falls in the published range; empty without a reference. */
        public Optional<Boolean> inside() {
            return run.reference() == null ? Optional.empty()
                    : Optional.of(run.reference().contains(aggregate().mean()));
        }
    }

    public record Report(Path file, List<Row> rows) {

        public long inside() {
            return rows.stream().filter(r -> r.inside().orElse(false)).count();
        }

        public long withReference() {
            return rows.stream().filter(r -> r.run().reference() != null).count();
        }
    }

    private final Path home;
    private final Path resultsRoot;
    private final PrintWriter err;

    public Reproduction(Path home, Path resultsRoot, PrintWriter err) {
        this.home = home;
        this.resultsRoot = resultsRoot;
        this.err = err;
    }

    public Report run(Benchmark benchmark, int seeds, double budget) throws IOException {
        if (seeds <= 0) {
            throw new IllegalArgumentException("seeds=" + seeds + " must be > 0");
        }
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget=" + budget + " must be in (0, 1]: the fraction of each run's"
                    + " steps");
        }
        Path benchmarkDir = resultsRoot.resolve("reproduce").resolve(benchmark.name());
        Path budgetDir = benchmarkDir.resolve("budget-" + format(budget));
        ExperimentRunner runner = new ExperimentRunner(budgetDir, false, err);
        // plan every run before the first starts: a bad config fails here, not an hour in
        List<List<ExperimentRunner.Plan>> plans = new ArrayList<>();
        List<Long> stepsPerRun = new ArrayList<>();
        for (BenchmarkRun run : benchmark.runs()) {
            Path config = home.resolve(run.config());
            long full = run.steps() > 0 ? run.steps()
                    : runner.plan(config, List.of()).experiment().train().totalSteps();
            long steps = Math.max(1, Math.round(full * budget));
            List<ExperimentRunner.Plan> seedPlans = new ArrayList<>();
            for (int s = 1; s <= seeds; s++) {
                seedPlans.add(runner.plan(config, List.of("seed=" + s, "train.total-steps=" + steps)));
            }
            plans.add(seedPlans);
            stepsPerRun.add(steps);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            List<Summary> summaries = new ArrayList<>();
            List<RunDirectory> dirs = new ArrayList<>();
            String experiment = plans.get(i).get(0).experiment().experiment();
            for (ExperimentRunner.Plan plan : plans.get(i)) {
                long seed = plan.experiment().seed();
                Path experimentDir = budgetDir.resolve(RunDirectory.RUNS).resolve(experiment);
                Optional<RunDirectory> existing = latestOfSeed(experimentDir, seed);
                ExperimentRunner.Result result;
                if (existing.isPresent() && Files.isRegularFile(existing.get().summary())) {
                    err.println("reproduce: " + experiment + " seed " + seed + " finished already: "
                            + existing.get().path());
                    summaries.add(Summary.read(existing.get().summary()));
                    dirs.add(existing.get());
                    continue;
                }
                if (existing.isPresent() && hasCheckpoint(existing.get())) {
                    result = runner.resume(existing.get().path());
                } else {
                    result = runner.train(plan);
                }
                summaries.add(result.summary());
                dirs.add(result.run());
            }
            rows.add(new Row(benchmark.runs().get(i), experiment, stepsPerRun.get(i), summaries, dirs));
        }
        Files.createDirectories(benchmarkDir);
        writeCurves(benchmarkDir, rows);
        Path report = benchmarkDir.resolve("report.md");
        Files.writeString(report, markdown(benchmark, seeds, budget, rows), StandardCharsets.UTF_8);
        return new Report(report, rows);
    }

    private static Optional<RunDirectory> latestOfSeed(Path experimentDir, long seed) {
        RunDirectory found = null;
        RunDirectory finished = null;
        for (RunDirectory run : RunDirectory.list(experimentDir)) {
            String name = run.path().getFileName().toString();
            if (name.matches(".*-seed" + seed + "(-\\d+)?")) {
                found = run;
                if (Files.isRegularFile(run.summary())) {
                    finished = run;
                }
            }
        }
        return Optional.ofNullable(finished != null ? finished : found);
    }

    private static boolean hasCheckpoint(RunDirectory run) {
        try (var children = Files.list(run.checkpoints())) {
            return children.anyMatch(p -> p.getFileName().toString().startsWith("step-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** One PNG per env with every algorithm's seeds. */
    private static void writeCurves(Path dir, List<Row> rows) {
        Map<String, List<LearningCurvePlot.Curve>> byEnv = new LinkedHashMap<>();
        for (Row row : rows) {
            List<LearningCurvePlot.Curve> curves = byEnv.computeIfAbsent(row.run().env(), k -> new ArrayList<>());
            for (int s = 0; s < row.dirs().size(); s++) {
                curves.addAll(LearningCurvePlot.curves(row.dirs().get(s),
                        row.run().algorithm() + " seed " + row.summaries().get(s).seed()));
            }
        }
        for (var e : byEnv.entrySet()) {
            LearningCurvePlot.write(e.getValue(), dir.resolve(fileName(e.getKey()) + ".png"),
                    e.getKey() + ": episode return (rolling mean) and evaluations");
        }
    }

    static String fileName(String env) {
        return env.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String markdown(Benchmark b, int seeds, double budget, List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction: ").append(b.name()).append("\n\n");
        if (!b.description().isBlank()) {
            md.append(b.description().strip()).append("\n\n");
        }
        md.append(String.format(Locale.ROOT, "Seeds 1-%d, budget %s of each run's steps (`./rlx reproduce %s seeds=%d"
                + " budget=%s`). Ours: the mean over seeds of each run's final greedy evaluation, with a 95%% Student t"
                + " interval over seeds. Inside: our mean lies in the published range.%n%n", seeds, format(budget),
                b.name(), seeds, format(budget)));
        md.append("| env | algorithm | env steps | ours: mean [95% CI] | per seed | published | range | inside |\n");
        md.append("|---|---|---:|---|---|---:|---|---|\n");
        for (Row r : rows) {
            SeedAggregate a = r.aggregate();
            StringBuilder perSeed = new StringBuilder();
            for (double x : a.returns()) {
                perSeed.append(perSeed.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", x));
            }
            PublishedResult p = r.run().reference();
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f [%s, %s] | %s | %s | %s | %s |%n",
                    r.run().env(), r.run().algorithm(), r.steps(), a.mean(), ci(a.ciLow()), ci(a.ciHigh()), perSeed,
                    p == null || Double.isNaN(p.value()) ? "-" : String.format(Locale.ROOT, "%.2f", p.value()),
                    p == null ? "none transcribed" : String.format(Locale.ROOT, "%.1f .. %.1f", p.low(), p.high()),
                    r.inside().map(in -> in ? "yes" : "no").orElse("-")));
        }
        md.append("\nSources:\n");
        for (Row r : rows) {
            if (r.run().reference() != null) {
                md.append("- ").append(r.run().env()).append(" ").append(r.run().algorithm()).append(": ")
                        .append(r.run().reference().source()).append('\n');
            }
        }
        md.append("\nLearning curves: ");
        rows.stream().map(r -> r.run().env()).distinct().forEach(env -> md.append("[").append(env).append("](")
                .append(fileName(env)).append(".png) "));
        md.append('\n');
        return md.toString();
    }

    private static String ci(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
    }

    static String format(double budget) {
        String s = String.format(Locale.ROOT, "%.4f", budget).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
