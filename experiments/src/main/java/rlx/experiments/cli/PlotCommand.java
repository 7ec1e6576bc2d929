package rlx.experiments.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.experiments.run.LearningCurvePlot;
import rlx.experiments.run.RunDirectory;

/** {@code rlx plot}: the learning curves of several runs overlaid in one PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        header = "Overlay the learning curves of runs in one PNG.", description = {
    "Overlay learning curves in one PNG: the rolling mean of training episode",
    "returns (metrics.csv) as lines, evaluations (eval.csv) as dots. The last",
    "line printed is the PNG's path. Runs without metrics.csv are skipped",
    "with a note on stderr."})
final class PlotCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<dir>", description = "Run, experiment or results directories.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "<file.png>",
            description = "Where to write the PNG (default results/plot-<utc time>.png).")
    Path out;

    @Option(names = "--window", defaultValue = "" + LearningCurvePlot.DEFAULT_WINDOW,
            description = "Episodes in the rolling mean (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--title", description = "Chart title (default: the experiment names).")
    String title;

    @Override
    public Integer call() {
        if (window < 1) {
            throw new IllegalArgumentException("--window (" + window + ") must be >= 1");
        }
        List<RunDirectory> runs = RunArguments.expand(dirs);
        List<String> labels = RunArguments.labels(runs);
        List<LearningCurvePlot.Curve> curves = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < runs.size(); i++) {
            RunDirectory run = runs.get(i);
            if (!Files.isRegularFile(run.metrics())) {
                err.println("skipped " + run.path() + ": no " + RunDirectory.METRICS);
                continue;
            }
            curves.addAll(LearningCurvePlot.curves(run, labels.get(i), window));
        }
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot: none of the runs has a " + RunDirectory.METRICS);
        }
        Path png = out != null ? out : Path.of("results", "plot-" + STAMP.format(Instant.now()) + ".png");
        String chartTitle = title != null ? title
                : String.join(", ", runs.stream().map(RunDirectory::experiment).distinct().toList());
        try {
            LearningCurvePlot.write(curves, png, chartTitle);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // an unwritable --out is bad input
        }
        spec.commandLine().getOut().println(png);
        return 0;
    }
}
