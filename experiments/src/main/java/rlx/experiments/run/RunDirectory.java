package rlx.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One run's directory, {@code <resultsRoot>/runs/<experiment>/<yyyyMMdd'T'HHmmss'Z'>-seed<k>/}, and the names of
 * the files in it. The experiment directory above it holds the runs of every seed and their {@code aggregate.json}.
 */
public final class RunDirectory {

    public static final String CONFIG = "config.conf";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String EVAL = "eval.csv";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String SUMMARY = "summary.json";
    public static final String LEARNING_CURVE = "learning-curve.png";
    /** Folder under the results root that holds one folder per experiment. */
    public static final String RUNS = "runs";

    /** Files any one of which marks a directory as a run directory (a run killed early may have only some). */
    private static final List<String> MARKERS = List.of(CONFIG, PROVENANCE, METRICS, SUMMARY);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates a new, empty run directory with its {@code checkpoints} folder. When the name is taken (two runs of
     * one seed started in the same second) a suffix {@code -2}, {@code -3}, ... makes it unique; creation is atomic,
     * so concurrent runs never share a directory.
     *
     * @throws IllegalArgumentException if {@code experiment} is not usable as a single folder name
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static RunDirectory create(Path resultsRoot, String experiment, long seed, Instant startTime) {
        Objects.requireNonNull(resultsRoot, "resultsRoot");
        Objects.requireNonNull(startTime, "startTime");
        checkExperimentName(experiment);
        Path experimentDir = resultsRoot.resolve(RUNS).resolve(experiment);
        String base = STAMP.format(startTime) + "-seed" + seed;
        try {
            Files.createDirectories(experimentDir);
            for (int attempt = 1; ; attempt++) {
                Path candidate = experimentDir.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                RunDirectory run = new RunDirectory(candidate);
                Files.createDirectory(run.checkpoints());
                return run;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + experimentDir + ": " + e, e);
        }
    }

    /**
     * Opens an existing run directory (to resume it, compare or plot it).
     *
     * @throws IllegalArgumentException if {@code existing} is missing or holds none of the run files
     */
    public static RunDirectory open(Path existing) {
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("no such run directory: " + existing);
        }
        if (!isRunDirectory(existing)) {
            throw new IllegalArgumentException("not a run directory: " + existing + " (it has none of "
                    + String.join(", ", MARKERS) + ")");
        }
        return new RunDirectory(existing);
    }

    /** Whether {@code dir} is a directory with at least one of config.conf, provenance.json, metrics.csv, summary.json. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir) && MARKERS.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }

    /** The run directories directly inside an experiment directory, sorted by name (so by start time). */
    public static List<RunDirectory> list(Path experimentDir) {
        if (!Files.isDirectory(experimentDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(experimentDir)) {
            return children.filter(RunDirectory::isRunDirectory).sorted().map(RunDirectory::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + experimentDir + ": " + e, e);
        }
    }

    /**
     * The runs a directory stands for: a run directory itself; an experiment directory its runs; a directory of
     * experiment directories ({@code results/runs}) or a results root (which has {@code runs/}) the runs of every
     * experiment, experiments in name order.
     *
     * @throws IllegalArgumentException if {@code dir} is missing or holds no runs at these depths
     */
    public static List<RunDirectory> expand(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir);
        }
        if (isRunDirectory(dir)) {
            return List.of(new RunDirectory(dir));
        }
        List<RunDirectory> runs = list(dir);
        if (runs.isEmpty()) {
            Path experiments = Files.isDirectory(dir.resolve(RUNS)) ? dir.resolve(RUNS) : dir;
            try (Stream<Path> children = Files.list(experiments)) {
                runs = children.filter(Files::isDirectory).sorted().flatMap(e -> list(e).stream()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + experiments + ": " + e, e);
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("not a run or experiment directory: " + dir
                    + " (no " + String.join(", ", MARKERS) + " in it or in its subdirectories)");
        }
        return runs;
    }

    private static void checkExperimentName(String experiment) {
        if (experiment == null || experiment.isBlank() || experiment.equals(".") || experiment.equals("..")
                || experiment.contains("/") || experiment.contains("\\") || experiment.strip().length() != experiment.length()) {
            throw new IllegalArgumentException("experiment name '" + experiment
                    + "' must be a non-blank folder name without slashes or surrounding spaces");
        }
    }

    /** The run directory itself. */
    public Path path() {
        return path;
    }

    /** The experiment directory holding this run and its sibling seeds. */
    public Path experimentDir() {
        Path parent = path.toAbsolutePath().getParent();
        return parent != null ? parent : path.toAbsolutePath();
    }

    /** The experiment name: the experiment directory's name. */
    public String experiment() {
        Path name = experimentDir().getFileName();
        return name != null ? name.toString() : "";
    }

    /** The directory name, {@code <yyyyMMdd'T'HHmmss'Z'>-seed<k>[-n]}. */
    public String name() {
        return path.toAbsolutePath().getFileName().toString();
    }

    /** {@code config.conf}: the resolved config the run used. */
    public Path config() {
        return path.resolve(CONFIG);
    }

    /** {@code provenance.json}: code version, libraries, machine and seeds. */
    public Path provenance() {
        return path.resolve(PROVENANCE);
    }

    /** {@code metrics.csv}: one row per training episode. */
    public Path metrics() {
        return path.resolve(METRICS);
    }

    /** {@code eval.csv}: one row per evaluation. */
    public Path eval() {
        return path.resolve(EVAL);
    }

    /** {@code checkpoints/}: saved agent states for resuming. */
    public Path checkpoints() {
        return path.resolve(CHECKPOINTS);
    }

    /** {@code summary.json}: the final numbers, written when the run ends. */
    public Path summary() {
        return path.resolve(SUMMARY);
    }

    /** {@code learning-curve.png}. */
    public Path learningCurve() {
        return path.resolve(LEARNING_CURVE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunDirectory other && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
