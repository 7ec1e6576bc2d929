package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.experiments.cli.CliTest.rlx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.experiments.cli.CliTest.Run;

/** {@code rlx env render}: MinAtar episodes as PNG and animated GIF, and its one-line usage errors. */
class EnvRenderCommandTest {

    @TempDir
    Path dir;

    private static int gifFrames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void gifHoldsTheResetFrameAndOneFramePerStep() throws Exception {
        Path gif = dir.resolve("f.gif");
        Run run = rlx("env", "render", "MinAtar/Breakout-v1", "--out", gif.toString(), "--steps", "20");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Matcher m = Pattern.compile("render env=MinAtar/Breakout-v1 frames=(\\d+) file=(.+)").matcher(run.lastLine());
        assertTrue(m.matches(), run.lastLine());
        int frames = Integer.parseInt(m.group(1));
        assertEquals(gif.toString(), m.group(2));
        // the reset frame and at most 20 steps; the ball needs six steps to reach the bottom row, so at least 7
        assertTrue(frames >= 7 && frames <= 21, run.lastLine());
        assertEquals(frames, gifFrames(gif));
        BufferedImage first = ImageIO.read(gif.toFile());
        assertEquals(320, first.getWidth());
        assertEquals(320, first.getHeight());

        // the same seed (default 0) gives the same file
        Path again = dir.resolve("again.gif");
        rlx("env", "render", "MinAtar/Breakout-v1", "--out", again.toString(), "--steps", "20");
        assertEquals(-1L, Files.mismatch(gif, again));
    }

    @Test
    void pngHoldsTheFirstFrameAtTheRequestedCellSize() throws Exception {
        Path png = dir.resolve("seaquest.PNG");
        Run run = rlx("env", "render", "MinAtar/Seaquest-v1", "--out", png.toString(), "--cell-pixels", "8",
                "--seed", "3");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("render env=MinAtar/Seaquest-v1 frames=1 file=" + png, run.lastLine());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(80, image.getWidth());
        assertEquals(80, image.getHeight());
    }

    @Test
    void everyGameRendersAShortGif() throws Exception {
        for (String id : rlx.envs.minatar.MinAtarGames.IDS) {
            Path gif = dir.resolve(id.replace('/', '_') + ".gif");
            Run run = rlx("env", "render", id, "--out", gif.toString(), "--steps", "3", "--cell-pixels", "4");
            assertEquals(0, run.exitCode(), id + ": " + run.err());
            assertTrue(run.lastLine().startsWith("render env=" + id + " frames="), run.lastLine());
            assertTrue(gifFrames(gif) >= 2, id);
        }
    }

    @Test
    void aTrainedRunsGreedyPolicyPlaysTheRenderedEpisode() throws Exception {
        Path results = dir.resolve("results");
        Run train = rlx("train", "../experiments/configs/minatar-breakout-dqn.conf", "train.total-steps=300",
                "agent.learning-starts=100", "eval.interval=0", "eval.final-episodes=1", "eval.num-envs=1",
                "train.checkpoint-interval=0", "--results", results.toString(), "--no-progress");
        assertEquals(0, train.exitCode(), train.err());
        Matcher m = Pattern.compile(".* run=(.+)$").matcher(train.lastLine());
        assertTrue(m.matches(), train.lastLine());
        Path gif = dir.resolve("greedy.gif");
        Run run = rlx("env", "render", "MinAtar/Breakout-v1", "--out", gif.toString(), "--steps", "30", "--run",
                m.group(1));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().startsWith("render env=MinAtar/Breakout-v1 frames="), run.lastLine());
        assertTrue(Files.size(gif) > 0);
        Run other = rlx("env", "render", "MinAtar/Freeway-v1", "--out", dir.resolve("x.gif").toString(), "--run",
                m.group(1));
        assertUsageError(other, "trained on MinAtar/Breakout-v1, not on MinAtar/Freeway-v1");
    }

    @Test
    void badIdExtensionStepsOrCellSizeIsAOneLineUsageError() {
        Path gif = dir.resolve("x.gif");
        Run cartPole = rlx("env", "render", "CartPole-v1", "--out", gif.toString());
        assertUsageError(cartPole, "'CartPole-v1'", "MinAtar/Breakout-v1");

        Run unknown = rlx("env", "render", "MinAtar/Pong-v1", "--out", gif.toString());
        assertUsageError(unknown, "unknown env id 'MinAtar/Pong-v1'", "known ids");

        Run jpeg = rlx("env", "render", "MinAtar/Breakout-v1", "--out", dir.resolve("x.jpg").toString());
        assertUsageError(jpeg, "x.jpg", ".png or .gif");

        Run zero = rlx("env", "render", "MinAtar/Breakout-v1", "--out", gif.toString(), "--steps", "0");
        assertUsageError(zero, "--steps (0)", "must be > 0");
        Run negative = rlx("env", "render", "MinAtar/Breakout-v1", "--out", gif.toString(), "--steps", "-5");
        assertUsageError(negative, "--steps (-5)", "must be > 0");

        Run cells = rlx("env", "render", "MinAtar/Breakout-v1", "--out", gif.toString(), "--cell-pixels", "0");
        assertUsageError(cells, "--cell-pixels (0)", "between 1 and 256");

        Run noDir = rlx("env", "render", "MinAtar/Breakout-v1", "--out", dir.resolve("no/such/x.gif").toString());
        assertUsageError(noDir, "no/such", "does not exist");

        Run noOut = rlx("env", "render", "MinAtar/Breakout-v1");
        assertEquals(RlxCommand.EXIT_USAGE, noOut.exitCode());
        assertTrue(noOut.err().contains("--out"), noOut.err());

        assertFalse(Files.exists(gif), "no file is written on a usage error");
    }

    private static void assertUsageError(Run run, String... parts) {
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), "'" + part + "' in: " + run.err());
        }
    }
}
