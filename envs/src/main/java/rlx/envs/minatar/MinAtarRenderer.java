package rlx.envs.minatar;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pictures of MinAtar observations: a channels-first {@code [C,10,10]} observation becomes a square image of
 * {@code 10 * cellPixels} pixels, written as PNG or, for a sequence of frames, as a looping animated GIF.
 *
 * <p>Colours follow the reference's {@code Environment.display_state}: the background is black and channel
 * {@code k} gets colour {@code k} of seaborn's {@code color_palette("cubehelix", C)}, which samples matplotlib's
 * "cubehelix" colour map (Green 2011; gamma 1, start 0.5, rotations -1.5, hue 1) at {@code (k + 1) / (C + 1)}
 * through its 256-entry table; components are truncated to 8 bits as matplotlib does. Where several channels are
 * set in one cell the <em>highest-numbered</em> one wins, as in the reference ({@code amax} over
 * {@code state * (channel + 1)}); note that the text {@link MinAtarEnv#render()} shows the lowest-numbered one.
 * Unlike the reference's plot, cells are separated by a thin grid (one pixel of dark grey on each cell's top and
 * left edge and the image's bottom and right edge), drawn only when cells are at least {@value #MIN_GRID_CELL}
 * pixels wide.
 *
 * <p>Images are {@link BufferedImage#TYPE_BYTE_INDEXED} with exactly these colours, so PNG and GIF files keep them
 * exactly. Only {@code java.awt.image} and {@code javax.imageio} are used: nothing needs a display, so this works
 * in a headless JVM.
 */
public final class MinAtarRenderer {

    public static final int DEFAULT_CELL_PIXELS = 32;
    /** Upper bound of {@code cellPixels}: a 2560-pixel square image. */
    public static final int MAX_CELL_PIXELS = 256;
    /** Frame delay of {@link #writeGif(List, Path)}: the reference's {@code display_state(time=50)}. */
    public static final int DEFAULT_FRAME_MILLIS = 50;
    /** The background, an empty cell: black. */
    public static final int BACKGROUND_RGB = 0x000000;
    /** The grid lines. */
    public static final int GRID_RGB = 0x404040;
    static final int MIN_GRID_CELL = 4;

    private static final int SIZE = MinAtarEnv.SIZE;
    private static final int CELLS = SIZE * SIZE;
    private static final int BACKGROUND_INDEX = 0;
    private static final int GRID_INDEX = 1;
    private static final int FIRST_CHANNEL_INDEX = 2;

    private final int channels;
    private final int cellPixels;
    private final int[] palette;
    private final IndexColorModel colorModel;

    /**
     * @param channels the observation's channel count (4 to 10 for the shipped games; at most 254)
     * @param cellPixels the side of one cell in pixels, 1 to {@value #MAX_CELL_PIXELS}
     */
    public MinAtarRenderer(int channels, int cellPixels) {
        if (channels < 1 || channels > 256 - FIRST_CHANNEL_INDEX) {
            throw new IllegalArgumentException("channels (" + channels + ") must be between 1 and "
                    + (256 - FIRST_CHANNEL_INDEX));
        }
        if (cellPixels < 1 || cellPixels > MAX_CELL_PIXELS) {
            throw new IllegalArgumentException("cell pixels (" + cellPixels + ") must be between 1 and "
                    + MAX_CELL_PIXELS);
        }
        this.channels = channels;
        this.cellPixels = cellPixels;
        this.palette = cubehelixPalette(channels);
        int n = FIRST_CHANNEL_INDEX + channels;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int rgb = i == BACKGROUND_INDEX ? BACKGROUND_RGB : i == GRID_INDEX ? GRID_RGB
                    : palette[i - FIRST_CHANNEL_INDEX];
            r[i] = (byte) (rgb >>> 16);
            g[i] = (byte) (rgb >>> 8);
            b[i] = (byte) rgb;
        }
        this.colorModel = new IndexColorModel(8, n, r, g, b);
    }

    /** A renderer for an env's observations with cells of {@value #DEFAULT_CELL_PIXELS} pixels. */
    public static MinAtarRenderer forEnv(MinAtarEnv env) {
        return new MinAtarRenderer(env.channels(), DEFAULT_CELL_PIXELS);
    }

    /** A renderer for an env's observations. */
    public static MinAtarRenderer forEnv(MinAtarEnv env, int cellPixels) {
        return new MinAtarRenderer(env.channels(), cellPixels);
    }

    public int channels() {
        return channels;
    }

    public int cellPixels() {
        return cellPixels;
    }

    /** The side of a rendered image in pixels: {@code 10 * cellPixels}. */
    public int imageSize() {
        return SIZE * cellPixels;
    }

    /** The 0xRRGGBB colour of a channel. */
    public int channelRgb(int channel) {
        return palette[channel];
    }

    /**
     * The reference's colour per channel: seaborn's {@code color_palette("cubehelix", n)}, i.e. matplotlib's
     * "cubehelix" map at {@code (k + 1) / (n + 1)}, as 0xRRGGBB.
     */
    public static int[] cubehelixPalette(int n) {
        int[] rgb = new int[n];
        for (int k = 0; k < n; k++) {
            double x = (k + 1) / (double) (n + 1);
            // matplotlib's colour maps are 256-entry tables: x picks entry floor(256 x), entry i holds f(i / 255)
            int entry = Math.min(255, (int) (x * 256));
            double t = entry / 255.0;
            rgb[k] = byteOf(cubehelix(t, -0.14861, 1.78277)) << 16 | byteOf(cubehelix(t, -0.29227, -0.90649)) << 8
                    | byteOf(cubehelix(t, 1.97294, 0.0));
        }
        return rgb;
    }

    /** One component of matplotlib's default cubehelix (gamma 1, s 0.5, r -1.5, h 1) at {@code x}. */
    private static double cubehelix(double x, double p0, double p1) {
        double amplitude = x * (1 - x) / 2;
        double phi = 2 * Math.PI * (0.5 / 3 - 1.5 * x);
        return x + amplitude * (p0 * Math.cos(phi) + p1 * Math.sin(phi));
    }

    private static int byteOf(double v) {
        return (int) (Math.max(0, Math.min(1, v)) * 255);
    }

    /**
     * Draws one channels-first observation ({@code channels * 100} values, a cell's channel set when non-zero).
     */
    public BufferedImage render(float[] obs) {
        return render(obs, 0);
    }

    /** Draws the observation that starts at {@code offset} of {@code obs}. */
    public BufferedImage render(float[] obs, int offset) {
        if (offset < 0 || obs.length - offset < channels * CELLS) {
            throw new IllegalArgumentException("observation has " + (obs.length - offset) + " values from offset "
                    + offset + "; a " + channels + "-channel MinAtar frame needs " + channels * CELLS);
        }
        int side = imageSize();
        boolean grid = cellPixels >= MIN_GRID_CELL;
        byte[] line = new byte[side];
        byte[] gridLine = new byte[side];
        Arrays.fill(gridLine, (byte) GRID_INDEX);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_INDEXED, colorModel);
        WritableRaster raster = image.getRaster();
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                int index = BACKGROUND_INDEX;
                for (int ch = channels - 1; ch >= 0; ch--) {
                    if (obs[offset + ch * CELLS + row * SIZE + col] != 0f) {
                        index = FIRST_CHANNEL_INDEX + ch;
                        break;
                    }
                }
                for (int x = col * cellPixels; x < (col + 1) * cellPixels; x++) {
                    line[x] = (byte) (grid && (x % cellPixels == 0 || x == side - 1) ? GRID_INDEX : index);
                }
            }
            for (int y = row * cellPixels; y < (row + 1) * cellPixels; y++) {
                boolean gridRow = grid && (y % cellPixels == 0 || y == side - 1);
                raster.setDataElements(0, y, side, 1, gridRow ? gridLine : line);
            }
        }
        return image;
    }

    /** Draws each observation. */
    public List<BufferedImage> render(List<float[]> frames) {
        List<BufferedImage> images = new ArrayList<>(frames.size());
        for (float[] frame : frames) {
            images.add(render(frame));
        }
        return images;
    }

    /** Writes one observation as a PNG file, replacing the file if it exists. */
    public void writePng(float[] obs, Path file) throws IOException {
        writePng(render(obs), file);
    }

    /** Writes observations as a GIF that loops forever, {@value #DEFAULT_FRAME_MILLIS} ms per frame. */
    public void writeGif(List<float[]> frames, Path file) throws IOException {
        writeGif(render(frames), file, DEFAULT_FRAME_MILLIS, 0);
    }

    /** Writes an image as a PNG file, replacing the file if it exists. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JVM has no PNG image writer");
            }
        }
    }

    /**
     * Writes images as an animated GIF, replacing the file if it exists, with the JDK's GIF writer: each frame
     * carries a graphic control extension with its delay (GIF counts in hundredths of a second, so
     * {@code frameMillis} is rounded to those, at least 1), and the first frame the Netscape 2.0 application
     * extension that makes viewers loop.
     *
     * @param loops how many times to play the animation; 0 is forever
     */
    public static void writeGif(List<BufferedImage> images, Path file, int frameMillis, int loops)
            throws IOException {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        if (frameMillis < 0) {
            throw new IllegalArgumentException("frame delay (" + frameMillis + " ms) must be >= 0");
        }
        if (loops < 0 || loops > 0xFFFF) {
            throw new IllegalArgumentException("loops (" + loops + ") must be between 0 (forever) and 65535");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this JVM has no GIF image writer");
        }
        for (BufferedImage image : images) {
            if (!(image.getColorModel() instanceof IndexColorModel)) {
                throw new IllegalArgumentException("an animated GIF is written from indexed-colour images "
                        + "(TYPE_BYTE_INDEXED, as render() makes), got image type " + image.getType());
            }
        }
        ImageWriter writer = writers.next();
        int delayCentis = Math.max(1, Math.round(frameMillis / 10f));
        // Files.newOutputStream truncates an existing file, which a FileImageOutputStream would not; closing the
        // cache stream does not close the file stream, hence the two resources
        try (OutputStream fileOut = Files.newOutputStream(file);
             ImageOutputStream out = new MemoryCacheImageOutputStream(fileOut)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.prepareWriteSequence(null);
            for (int i = 0; i < images.size(); i++) {
                BufferedImage image = images.get(i);
                IIOMetadata metadata = writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(image), param);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);

                // the default metadata carries the writer's stock 256-colour table, not the image's, and the
                // writer would store the image's indices against it: give each frame its own palette instead
                IIOMetadataNode stock = child(root, "LocalColorTable");
                root.replaceChild(colorTable((IndexColorModel) image.getColorModel()), stock);

                child(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");

                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(delayCentis));
                control.setAttribute("transparentColorIndex", "0");

                if (i == 0) {
                    IIOMetadataNode extension = new IIOMetadataNode("ApplicationExtension");
                    extension.setAttribute("applicationID", "NETSCAPE");
                    extension.setAttribute("authenticationCode", "2.0");
                    // sub-block 1: the loop count, little-endian
                    extension.setUserObject(new byte[] {1, (byte) (loops & 0xFF), (byte) ((loops >>> 8) & 0xFF)});
                    child(root, "ApplicationExtensions").appendChild(extension);
                }
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(image, null, metadata), param);
            }
            writer.endWriteSequence();
            out.flush();
        } finally {
            writer.dispose();
        }
    }

    /** A GIF local colour table node holding a colour model's entries, padded to a power of two (2 to 256). */
    private static IIOMetadataNode colorTable(IndexColorModel model) {
        int size = 2;
        while (size < model.getMapSize()) {
            size <<= 1;
        }
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            int rgb = i < model.getMapSize() ? model.getRGB(i) : 0;
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((rgb >>> 16) & 0xFF));
            entry.setAttribute("green", Integer.toString((rgb >>> 8) & 0xFF));
            entry.setAttribute("blue", Integer.toString(rgb & 0xFF));
            table.appendChild(entry);
        }
        return table;
    }

    /** The child of {@code parent} with this name, appended if there is none. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
