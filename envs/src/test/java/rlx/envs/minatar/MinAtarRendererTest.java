package rlx.envs.minatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinAtarRendererTest {

    @TempDir
    Path dir;

    /** The colour at the centre of a cell. */
    private static int cell(BufferedImage image, int cellPixels, int row, int col) {
        return image.getRGB(col * cellPixels + cellPixels / 2, row * cellPixels + cellPixels / 2) & 0xFFFFFF;
    }

    /** Breakout after a reset whose ball starts in the left column: bricks on rows 1-3, ball and trail on (3,0). */
    private static float[] breakoutStart(Breakout env) {
        for (long seed = 0; ; seed++) {
            float[] obs = env.reset(seed).observation();
            if (Boards.at(obs, Breakout.BALL, 3, 0)) {
                return obs;
            }
        }
    }

    @Test
    void paletteIsTheCubehelixOfTheReferenceDisplay() {
        // matplotlib's "cubehelix" at 1/5 .. 4/5 through its 256-entry table, truncated to bytes; computed from the
        // colour map's formula (no matplotlib run here), so this pins the implementation
        assertArrayEquals(new int[] {0x153C4D, 0x53792E, 0xCF7E92, 0xC1CAF3}, MinAtarRenderer.cubehelixPalette(4));
        for (int n : new int[] {4, 6, 7, 10}) {
            int[] palette = MinAtarRenderer.cubehelixPalette(n);
            Set<Integer> distinct = new HashSet<>();
            for (int rgb : palette) {
                distinct.add(rgb);
                assertNotEquals(MinAtarRenderer.BACKGROUND_RGB, rgb);
                assertNotEquals(MinAtarRenderer.GRID_RGB, rgb);
            }
            assertEquals(n, distinct.size(), "one colour per channel for " + n + " channels");
        }
    }

    @Test
    void eachCellHasTheColourOfItsHighestSetChannelOnABlackBackground() {
        Breakout env = new Breakout(MinAtarOptions.deterministic());
        float[] obs = breakoutStart(env);
        MinAtarRenderer renderer = MinAtarRenderer.forEnv(env);
        BufferedImage image = renderer.render(obs);
        int p = MinAtarRenderer.DEFAULT_CELL_PIXELS;
        assertEquals(10 * p, image.getWidth());
        assertEquals(10 * p, image.getHeight());

        assertEquals(renderer.channelRgb(Breakout.PADDLE), cell(image, p, 9, 4));
        assertEquals(renderer.channelRgb(Breakout.BRICK), cell(image, p, 1, 5));
        assertEquals(MinAtarRenderer.BACKGROUND_RGB, cell(image, p, 5, 5));
        assertEquals(MinAtarRenderer.BACKGROUND_RGB, cell(image, p, 0, 0));
        // ball, trail and brick share (3,0): the brick, the highest channel, wins as in the reference's display
        assertEquals(renderer.channelRgb(Breakout.BRICK), cell(image, p, 3, 0));

        // one step later the ball is alone on (4,1), the trail alone nowhere (it is on a brick at (3,0))
        float[] next = env.step(0).observation();
        assertTrue(Boards.at(next, Breakout.BALL, 4, 1));
        assertEquals(renderer.channelRgb(Breakout.BALL), cell(renderer.render(next), p, 4, 1));
    }

    @Test
    void everyChannelGetsItsOwnColourAndTheGridSeparatesCells() {
        int channels = 10;
        int p = 8;
        float[] obs = new float[channels * 100];
        for (int ch = 0; ch < channels; ch++) {
            obs[ch * 100 + ch * 10 + ch] = 1f; // channel k alone on (k, k)
        }
        obs[2 * 100 + 9] = 1f;
        obs[7 * 100 + 9] = 1f; // channels 2 and 7 on (0, 9)
        MinAtarRenderer renderer = new MinAtarRenderer(channels, p);
        BufferedImage image = renderer.render(obs);
        assertEquals(80, image.getWidth());
        for (int ch = 0; ch < channels; ch++) {
            assertEquals(renderer.channelRgb(ch), cell(image, p, ch, ch), "channel " + ch);
            assertEquals(MinAtarRenderer.cubehelixPalette(channels)[ch], renderer.channelRgb(ch));
        }
        assertEquals(renderer.channelRgb(7), cell(image, p, 0, 9));
        assertEquals(MinAtarRenderer.BACKGROUND_RGB, cell(image, p, 0, 1));
        // grid: each cell's top and left pixel lines, and the image's last row and column
        assertEquals(MinAtarRenderer.GRID_RGB, image.getRGB(3 * p, 3 * p + 3) & 0xFFFFFF);
        assertEquals(MinAtarRenderer.GRID_RGB, image.getRGB(3 * p + 3, 3 * p) & 0xFFFFFF);
        assertEquals(MinAtarRenderer.GRID_RGB, image.getRGB(79, 40) & 0xFFFFFF);
        assertEquals(MinAtarRenderer.GRID_RGB, image.getRGB(40, 79) & 0xFFFFFF);
        assertEquals(renderer.channelRgb(3), image.getRGB(3 * p + 1, 3 * p + 1) & 0xFFFFFF);

        // cells too small for a grid are filled completely
        BufferedImage tiny = new MinAtarRenderer(channels, 1).render(obs);
        assertEquals(10, tiny.getWidth());
        assertEquals(renderer.channelRgb(0), tiny.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(MinAtarRenderer.BACKGROUND_RGB, tiny.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void badSizesAndShortObservationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MinAtarRenderer(4, 0));
        assertThrows(IllegalArgumentException.class, () -> new MinAtarRenderer(4, MinAtarRenderer.MAX_CELL_PIXELS + 1));
        assertThrows(IllegalArgumentException.class, () -> new MinAtarRenderer(0, 32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MinAtarRenderer(7, 4).render(new float[400]));
        assertTrue(e.getMessage().contains("needs 700"), e.getMessage());
    }

    @Test
    void pngReadsBackWithTheSameSizeAndColours() throws IOException {
        Freeway env = new Freeway(MinAtarOptions.deterministic());
        float[] obs = env.reset(3).observation();
        MinAtarRenderer renderer = MinAtarRenderer.forEnv(env, 16);
        Path png = dir.resolve("frame.png");
        renderer.writePng(obs, png);
        BufferedImage back = ImageIO.read(png.toFile());
        BufferedImage drawn = renderer.render(obs);
        assertEquals(160, back.getWidth());
        assertEquals(160, back.getHeight());
        for (int y = 0; y < 160; y += 3) {
            for (int x = 0; x < 160; x += 3) {
                assertEquals(drawn.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void gifOfThreeFramesReadsBackAsThreeLoopingFrames() throws IOException {
        Breakout env = new Breakout(MinAtarOptions.deterministic());
        float[] first = breakoutStart(env);
        List<float[]> frames = List.of(first, env.step(0).observation(), env.step(0).observation());
        MinAtarRenderer renderer = MinAtarRenderer.forEnv(env, 8);
        Path gif = dir.resolve("episode.gif");
        Files.write(gif, new byte[1 << 20]); // an existing, larger file is replaced, not overwritten in place
        renderer.writeGif(frames, gif);
        assertTrue(Files.size(gif) < 1 << 20, "file truncated: " + Files.size(gif));

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            for (int i = 0; i < 3; i++) {
                BufferedImage frame = reader.read(i);
                assertEquals(80, frame.getWidth());
                assertEquals(80, frame.getHeight());
                BufferedImage drawn = renderer.render(frames.get(i));
                for (int y = 0; y < 80; y += 2) {
                    for (int x = 0; x < 80; x += 2) {
                        assertEquals(drawn.getRGB(x, y) & 0xFFFFFF, frame.getRGB(x, y) & 0xFFFFFF,
                                "frame " + i + " pixel " + x + "," + y);
                    }
                }
                IIOMetadata metadata = reader.getImageMetadata(i);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(metadata.getNativeMetadataFormatName());
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("5", control.getAttribute("delayTime")); // 50 ms in hundredths of a second
                if (i == 0) {
                    IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
                    assertEquals("NETSCAPE", app.getAttribute("applicationID"));
                    assertEquals("2.0", app.getAttribute("authenticationCode"));
                    assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject()); // loop forever
                }
            }
        } finally {
            reader.dispose();
        }
    }
}
