package rlx.experiments.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves as a PNG: return against env steps, one colour per run, training returns as a rolling-mean line
 * and evaluations as markers. Renders headless.
 */
public final class LearningCurvePlot {

    /** Image width in pixels. */
    public static final int WIDTH = 1000;
    /** Image height in pixels. */
    public static final int HEIGHT = 600;
    /** Episodes in the rolling mean of training returns. */
    public static final int DEFAULT_WINDOW = 20;
    /** Points per line beyond which a curve is thinned; the smoothed curve loses nothing visible. */
    static final int MAX_POINTS = 2000;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    static {
        // set before AWT initialises; a display is never needed to draw into an image
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** How a curve is drawn. */
    public enum Style { LINE, MARKERS }

    /**
     * One series. A {@link Style#MARKERS} curve takes the colour of the {@link Style#LINE} curve before it in the
     * list, so a run's evaluations match its training curve, and stays out of the legend; each line takes the next
     * colour.
     */
    public record Curve(String label, double[] steps, double[] returns, Style style) {

        public Curve {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(style, "style");
            if (steps.length != returns.length) {
                throw new IllegalArgumentException("curve '" + label + "' has " + steps.length + " steps but "
                        + returns.length + " returns");
            }
        }

        /** A line. */
        public Curve(String label, double[] steps, double[] returns) {
            this(label, steps, returns, Style.LINE);
        }

        public int size() {
            return steps.length;
        }
    }

    private LearningCurvePlot() {
    }

    /**
     * Draws {@code curves} into {@code png} (replacing it). Empty curves are left out.
     *
     * @throws IllegalArgumentException if no curve has a point
     */
    public static void write(List<Curve> curves, Path png, String title) {
        if (curves.stream().allMatch(c -> c.size() == 0)) {
            throw new IllegalArgumentException("nothing to plot for " + png + ": every curve is empty");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title == null ? "" : title)
                .xAxisTitle("env steps").yAxisTitle("return (lines: training, rolling mean; dots: evaluation)").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        // learning curves rise to the right, so the lower right corner is usually empty
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setAntiAlias(true);
        chart.getStyler().setMarkerSize(7);

        Set<String> names = new HashSet<>();
        int colour = -1;
        for (Curve curve : curves) {
            if (curve.style() == Style.LINE || colour < 0) {
                colour++;
            }
            if (curve.size() == 0) {
                continue;
            }
            Color c = PALETTE[colour % PALETTE.length];
            String name = curve.label().isEmpty() ? " " : curve.label();
            for (int k = 2; !names.add(name); k++) {
                name = curve.label() + " (" + k + ")";
            }
            if (curve.style() == Style.LINE) {
                double[][] thin = thin(curve.steps(), curve.returns(), MAX_POINTS);
                XYSeries series = chart.addSeries(name, thin[0], thin[1]);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(c);
                series.setLineStyle(new BasicStroke(1.5f));
            } else {
                XYSeries series = chart.addSeries(name, curve.steps(), curve.returns());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(c);
                series.setShowInLegend(false); // same colour as its line; the axis title says what dots are
            }
        }
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // the OutputStream overload: the file-name overload appends ".png" to names without it
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    /** The learning curves of one run with the default window. */
    public static List<Curve> curves(RunDirectory run, String label) {
        return curves(run, label, DEFAULT_WINDOW);
    }

    /**
     * The learning curves of one run: the rolling mean over {@code window} episodes of {@code episode_return}
     * in {@code metrics.csv}, then, when {@code eval.csv} exists, its {@code mean_return} as markers labelled
     * {@code "<label> eval"}. Both are indexed by {@code env_steps}; empty fields are skipped.
     *
     * @throws IllegalArgumentException if metrics.csv is missing or lacks a column
     */
    public static List<Curve> curves(RunDirectory run, String label, int window) {
        double[][] train = columns(run.metrics(), "env_steps", "episode_return");
        Curve line = new Curve(label, train[0], rollingMean(train[1], window), Style.LINE);
        if (!Files.isRegularFile(run.eval())) {
            return List.of(line);
        }
        double[][] eval = columns(run.eval(), "env_steps", "mean_return");
        return List.of(line, new Curve(label + " eval", eval[0], eval[1], Style.MARKERS));
    }

    /** The trailing mean over the last {@code window} values (fewer at the start). */
    public static double[] rollingMean(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window (" + window + ") must be >= 1");
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** Two numeric columns of a CSV, rows with an empty or non-finite field in either left out. */
    private static double[][] columns(Path csv, String x, String y) {
        List<Map<String, String>> rows = CsvLog.read(csv);
        if (!rows.isEmpty() && (!rows.get(0).containsKey(x) || !rows.get(0).containsKey(y))) {
            throw new IllegalArgumentException(csv + ": needs columns " + x + " and " + y + ", has "
                    + rows.get(0).keySet());
        }
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            double a = number(rows.get(i).get(x), csv, i, x);
            double b = number(rows.get(i).get(y), csv, i, y);
            if (Double.isFinite(a) && Double.isFinite(b)) {
                xs[n] = a;
                ys[n] = b;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    private static double number(String field, Path csv, int row, String column) {
        if (field == null || field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return switch (field) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(field);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(csv + ": row " + (row + 1) + " " + column + " = '" + field
                    + "' is not a number");
        }
    }

    /** Every k-th point so at most about {@code max} remain, always keeping the last. */
    private static double[][] thin(double[] xs, double[] ys, int max) {
        if (xs.length <= max) {
            return new double[][] {xs, ys};
        }
        int stride = (xs.length + max - 1) / max;
        int n = (xs.length - 1) / stride + 1;
        boolean lastKept = (xs.length - 1) % stride == 0;
        int size = lastKept ? n : n + 1;
        double[] tx = new double[size];
        double[] ty = new double[size];
        for (int i = 0; i < n; i++) {
            tx[i] = xs[i * stride];
            ty[i] = ys[i * stride];
        }
        if (!lastKept) {
            tx[size - 1] = xs[xs.length - 1];
            ty[size - 1] = ys[ys.length - 1];
        }
        return new double[][] {tx, ty};
    }
}
