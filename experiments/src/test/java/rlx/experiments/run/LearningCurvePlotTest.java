package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.experiments.run.LearningCurvePlot.Curve;
import rlx.experiments.run.LearningCurvePlot.Style;

class LearningCurvePlotTest {

    @TempDir
    Path dir;

    @Test
    void writesAReadablePngOfTheDeclaredSize() throws IOException {
        Path png = dir.resolve("curves").resolve("learning-curve");
        double[] steps = {0, 100, 200, 300};
        LearningCurvePlot.write(List.of(
                new Curve("seed 1", steps, new double[] {10, 20, 40, 80}),
                new Curve("seed 1 eval", new double[] {150, 300}, new double[] {30, 90}, Style.MARKERS),
                new Curve("seed 2", steps, new double[] {12, 18, 35, 60})), png, "CartPole-v1 dqn");
        assertTrue(Files.size(png) > 0);
        assertTrue(Files.notExists(dir.resolve("curves/learning-curve.png")), "no extension appended");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(LearningCurvePlot.WIDTH, image.getWidth());
        assertEquals(LearningCurvePlot.HEIGHT, image.getHeight());
        assertTrue("true".equals(System.getProperty("java.awt.headless")));
    }

    @Test
    void aPlotWithNothingInItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LearningCurvePlot.write(
                List.of(new Curve("x", new double[0], new double[0])), dir.resolve("x.png"), "t"));
        assertThrows(IllegalArgumentException.class, () -> new Curve("x", new double[2], new double[1]));
    }

    @Test
    void rollingMeanIsTrailingAndShorterAtTheStart() {
        assertArrayEquals(new double[] {1, 1.5, 2, 3, 4}, LearningCurvePlot.rollingMean(new double[] {1, 2, 3, 4, 5}, 3),
                1e-12);
        assertArrayEquals(new double[] {1, 2}, LearningCurvePlot.rollingMean(new double[] {1, 2}, 1));
    }

    @Test
    void aRunsCurvesAreItsSmoothedReturnsAndItsEvalMarkers() throws IOException {
        RunDirectory run = RunDirectory.create(dir, "e", 1, Instant.EPOCH);
        try (CsvLog metrics = CsvLog.create(run.metrics(), List.of("env_steps", "episode", "episode_return"))) {
            metrics.row(10, 1, 2.0);
            metrics.row(20, 2, 4.0);
            metrics.row(30, 3, Double.NaN);
            metrics.row(40, 4, 9.0);
        }
        List<Curve> lineOnly = LearningCurvePlot.curves(run, "run", 2);
        assertEquals(1, lineOnly.size(), "no eval.csv, no markers");
        Curve line = lineOnly.get(0);
        assertArrayEquals(new double[] {10, 20, 40}, line.steps(), "the empty return is skipped");
        assertArrayEquals(new double[] {2, 3, 6.5}, line.returns(), 1e-12);
        assertEquals(Style.LINE, line.style());

        try (CsvLog eval = CsvLog.create(run.eval(), List.of("env_steps", "episodes", "mean_return", "std_return"))) {
            eval.row(25, 5, 7.5, 1.0);
        }
        List<Curve> both = LearningCurvePlot.curves(run, "run");
        assertEquals(2, both.size());
        assertEquals("run eval", both.get(1).label());
        assertEquals(Style.MARKERS, both.get(1).style());
        assertArrayEquals(new double[] {25}, both.get(1).steps());
        assertArrayEquals(new double[] {7.5}, both.get(1).returns());
        LearningCurvePlot.write(both, run.learningCurve(), "e");
        assertTrue(Files.size(run.learningCurve()) > 0);
    }

    @Test
    void aMetricsFileWithoutTheColumnsIsNamed() throws IOException {
        RunDirectory run = RunDirectory.create(dir, "e", 1, Instant.EPOCH);
        Files.writeString(run.metrics(), "step,reward\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurvePlot.curves(run, "r"));
        assertTrue(e.getMessage().contains("needs columns env_steps and episode_return"), e.getMessage());
    }
}
