package rlx.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.experiments.run.RunDirectory;
import rlx.experiments.run.SeedAggregate;
import rlx.experiments.run.Summary;

/** {@code rlx compare}: the summaries of several runs side by side, and the seed aggregate of each experiment. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Tabulate run summaries; aggregate each experiment over its seeds.", description = {
    "Compare runs: a table row per run from its summary.json ('-' for a run",
    "without one), then a line per experiment with several evaluated seeds:",
    "  aggregate experiment=<e> n=<n> mean_return=<m> std=<s>",
    "    ci95_low=<l> ci95_high=<h>",
    "eval_return is the final eval's mean +/- std over its episodes; the",
    "aggregate is over seeds (sample std, Student t 95%% interval)."})
final class CompareCommand implements Callable<Integer> {

    private static final String MISSING = "-";
    private static final List<String> HEADER =
            List.of("run", "seed", "env_steps", "wall_seconds", "steps_per_second", "eval_return");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<dir>", description = "Run, experiment or results directories.")
    List<Path> dirs;

    @Override
    public Integer call() {
        List<RunDirectory> runs = RunArguments.expand(dirs);
        List<String> labels = RunArguments.labels(runs);
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        Map<String, List<Summary>> byExperiment = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunDirectory run = runs.get(i);
            Summary s = Files.isRegularFile(run.summary()) ? Summary.read(run.summary()) : null;
            table.add(row(labels.get(i), s));
            if (s != null && s.eval() != null) {
                String key = run.experimentDir() + "\u0000" + s.experiment();
                byExperiment.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        printTable(out, table);
        for (List<Summary> seeds : byExperiment.values()) {
            if (seeds.size() > 1) {
                out.println(SeedAggregate.of(seeds).line());
            }
        }
        return 0;
    }

    private static List<String> row(String label, Summary s) {
        if (s == null) {
            return List.of(label, MISSING, MISSING, MISSING, MISSING, MISSING);
        }
        String eval = s.eval() == null ? MISSING : String.format(Locale.ROOT, "%.2f +/- %.2f",
                s.eval().meanReturn(), s.eval().stdReturn());
        return List.of(label, Long.toString(s.seed()), Long.toString(s.envSteps()),
                String.format(Locale.ROOT, "%.1f", s.wallSeconds()),
                String.format(Locale.ROOT, "%.0f", s.stepsPerSecond()), eval);
    }

    /** Columns two spaces apart; the run column left-aligned, numbers right-aligned. */
    private static void printTable(PrintWriter out, List<List<String>> table) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                if (c == 0) {
                    line.append(cell).append(" ".repeat(widths[c] - cell.length()));
                } else {
                    line.append("  ").append(" ".repeat(widths[c] - cell.length())).append(cell);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
