package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.experiments.cli.CliTest.rlx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.experiments.cli.CliTest.Run;
import rlx.experiments.run.EvalSummary;
import rlx.experiments.run.LearningCurvePlot;
import rlx.experiments.run.RunDirectory;
import rlx.experiments.run.Summary;

/** {@code rlx compare} and {@code rlx plot} on run directories written by hand. */
class CompareAndPlotTest {

    private static final Instant START = Instant.parse("2024-03-05T07:08:09Z");

    @TempDir
    Path results;

    private Path dqn;
    private RunDirectory ppo;
    private RunDirectory unfinished;

    @BeforeEach
    void writeRuns() throws IOException {
        double[] evalReturns = {10, 20, 30};
        for (int seed = 1; seed <= 3; seed++) {
            RunDirectory run = RunDirectory.create(results, "cartpole-dqn", seed, START.plusSeconds(seed));
            new Summary("cartpole-dqn", "dqn", "CartPole-v1", seed, 50_000, 25.0 * seed, 2000.0 / seed,
                    new EvalSummary(10, evalReturns[seed - 1], 1.5)).write(run.summary());
            StringBuilder metrics = new StringBuilder("env_steps,episode,episode_return\n");
            for (int episode = 1; episode <= 30; episode++) {
                metrics.append(episode * 20).append(',').append(episode).append(',').append(episode * seed).append('\n');
            }
            Files.writeString(run.metrics(), metrics);
            Files.writeString(run.eval(), "env_steps,episodes,mean_return,std_return\n300,10,12.5,2\n600,10,25,1\n");
            dqn = run.experimentDir();
        }
        ppo = RunDirectory.create(results, "cartpole-ppo", 1, START);
        new Summary("cartpole-ppo", "ppo", "CartPole-v1", 1, 40_000, 10, 4000, new EvalSummary(5, 500, 0))
                .write(ppo.summary());
        Files.writeString(ppo.metrics(), "env_steps,episode_return\n100,20\n200,40\n");
        unfinished = RunDirectory.create(results, "cartpole-ppo", 2, START);
        Files.writeString(unfinished.config(), "algorithm = ppo\n");
    }

    private static String[] cells(String line) {
        return line.trim().split("\\s{2,}");
    }

    @Test
    void compareTabulatesEveryRunAndAggregatesExperimentsWithSeveralSeeds() {
        Run run = rlx("compare", dqn.toString(), ppo.experimentDir().toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        assertEquals(List.of("run", "seed", "env_steps", "wall_seconds", "steps_per_second", "eval_return"),
                List.of(cells(lines.get(0))));
        assertEquals(List.of("cartpole-dqn/20240305T070810Z-seed1", "1", "50000", "25.0", "2000", "10.00 +/- 1.50"),
                List.of(cells(lines.get(1))));
        assertEquals(List.of("cartpole-dqn/20240305T070812Z-seed3", "3", "50000", "75.0", "667", "30.00 +/- 1.50"),
                List.of(cells(lines.get(3))));
        assertEquals(List.of("cartpole-ppo/20240305T070809Z-seed1", "1", "40000", "10.0", "4000", "500.00 +/- 0.00"),
                List.of(cells(lines.get(4))));
        assertEquals(List.of("cartpole-ppo/20240305T070809Z-seed2", "-", "-", "-", "-", "-"),
                List.of(cells(lines.get(5))), "a run without summary.json is listed, not dropped");
        // mean 20, sample std 10, t_{0.975,2} = 4.302652729911275: half-width 24.841
        assertEquals("aggregate experiment=cartpole-dqn n=3 mean_return=20.000 std=10.000 ci95_low=-4.841 "
                + "ci95_high=44.841", lines.get(6));
        assertEquals(7, lines.size(), "no aggregate for the single evaluated ppo seed: " + run.out());
        assertEquals(lines.get(0).indexOf("seed") + 4, lines.get(1).indexOf(" 1 ") + 2, "numbers right-aligned");
    }

    @Test
    void compareOfAResultsRootCoversEveryExperiment() {
        Run run = rlx("compare", results.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(7, run.lines().size(), run.out());
        assertTrue(run.lines().get(6).startsWith("aggregate experiment=cartpole-dqn n=3 "), run.out());
    }

    @Test
    void compareOfOneRunDirectoryHasNoAggregateAndShortLabels() {
        Run run = rlx("compare", ppo.path().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.lines().size(), run.out());
        assertTrue(run.lines().get(1).startsWith("20240305T070809Z-seed1 "), run.out());
    }

    @Test
    void missingOrNonRunDirectoriesAreOneLineUsageErrors() throws IOException {
        Path missing = results.resolve("nope");
        for (String command : List.of("compare", "plot")) {
            Run run = rlx(command, dqn.toString(), missing.toString());
            assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
            assertEquals("error: no such directory: " + missing + "\n", run.err());

            Path empty = Files.createDirectories(results.resolve("empty-" + command));
            run = rlx(command, empty.toString());
            assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
            assertTrue(run.err().startsWith("error: not a run or experiment directory: " + empty), run.err());
            assertEquals(1, run.err().lines().count(), run.err());

            run = rlx(command);
            assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
            assertTrue(run.err().startsWith("error: "), run.err());
        }
    }

    @Test
    void plotOverlaysEveryRunInOnePngAndPrintsItsPath() throws IOException {
        Path png = results.resolve("plots/all.png");
        Run run = rlx("plot", dqn.toString(), ppo.experimentDir().toString(), "--out", png.toString(),
                "--window", "5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(png.toString(), run.lastLine());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(LearningCurvePlot.WIDTH, image.getWidth());
        assertEquals(LearningCurvePlot.HEIGHT, image.getHeight());
        assertEquals("skipped " + unfinished.path() + ": no metrics.csv\n", run.err());
    }

    @Test
    void plotDefaultsToAResultsFileNamedByTheTime() throws IOException {
        Path resultsDir = Path.of("results");
        boolean existed = Files.exists(resultsDir);
        Run run = rlx("plot", ppo.path().toString());
        try {
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(Pattern.matches("results/plot-\\d{8}T\\d{6}Z\\.png", run.lastLine()), run.lastLine());
            assertTrue(Files.size(Path.of(run.lastLine())) > 0);
        } finally {
            Files.deleteIfExists(Path.of(run.lastLine()));
            if (!existed) {
                try (Stream<Path> left = Files.list(resultsDir)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(resultsDir);
                    }
                }
            }
        }
    }

    @Test
    void plotRefusesRunsWithNothingToPlotAndABadWindow() {
        Run run = rlx("plot", unfinished.path().toString(), "--out", results.resolve("x.png").toString());
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("error: nothing to plot"), run.err());
        assertFalse(Files.exists(results.resolve("x.png")));
        Run window = rlx("plot", dqn.toString(), "--window", "0");
        assertEquals(RlxCommand.EXIT_USAGE, window.exitCode());
        assertTrue(window.err().startsWith("error: --window (0) must be >= 1"), window.err());
    }

    @Test
    void helpListsCompareAndPlot() {
        Run help = rlx("--help");
        for (String command : List.of("compare", "plot")) {
            assertTrue(Pattern.compile("^\\s+" + command + "\\s", Pattern.MULTILINE).matcher(help.out()).find(),
                    help.out());
        }
        Run compare = rlx("compare", "--help");
        assertTrue(compare.out().contains("Student t 95% interval") && !compare.out().contains("%%"), compare.out());
    }
}
