package rlx.networks.engine;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.networks.config.OptimizerConfig;

/**
 * DL4J's training step for a graph built by {@link rlx.networks.dl4j.Dl4jMapping#base}, as one fused pass over flat
 * buffers: the gradient of the summed loss is divided by the batch size, clipped per layer by its L2 norm
 * ({@code ClipL2PerLayer}), L2 decay added on weights, then DL4J's updater rule (its native {@code sgd_updater},
 * {@code nesterovs_updater}, {@code rms_prop_updater} and {@code adam_updater} ops) and {@code params -= update}.
 *
 * <p>The optimiser state is kept in the layout of DL4J's updater state view (per updater block: Adam's {@code m} then
 * {@code v}, RMSProp's mean square, Nesterov's velocity), so {@link #saveTo} and {@link #loadFrom} exchange it with a
 * graph that ModelSerializer saves and restores as before.
 */
public final class GraphOptimizer {

    /** A layer's parameters for clipping: its weight range (which gets L2) and its bias range. */
    public record LayerParams(int wOffset, int wLength, int bOffset, int bLength) {
    }

    private record Block(int paramStart, int paramEnd, int stateStart) {
    }

    /** A contiguous run of one layer's parameters inside one updater block. */
    private record Range(int layer, int offset, int length, boolean weight, int stateOffset, int blockSize) {
    }

    private final OptimizerConfig config;
    private final LayerParams[] layers;
    private final Range[] ranges;
    /** The updater's per-parameter state, indexed as the parameters: Adam's m (and v in {@link #second}), RMSProp's
     * mean square, Nesterov's velocity; mapped to DL4J's state view layout only on save and load. */
    private final float[] first;
    private final float[] second;
    private final int stateLength;
    private final double[] layerScale;
    private double learningRate;
    private float[] p = new float[0];
    private float[] g = new float[0];

    /** @param graph the graph whose updater's layout the state takes; its state is loaded */
    public GraphOptimizer(OptimizerConfig config, List<LayerParams> layers, ComputationGraph graph) {
        this.config = config;
        this.layers = layers.toArray(new LayerParams[0]);
        this.learningRate = config.learningRate();
        int numParams = (int) graph.numParams();
        List<Block> blocks = new ArrayList<>();
        ComputationGraphUpdater updater = graph.getUpdater(true);
        for (UpdaterBlock b : updater.getUpdaterBlocks()) {
            blocks.add(new Block(b.getParamOffsetStart(), b.getParamOffsetEnd(), b.getUpdaterViewOffsetStart()));
        }
        List<Range> found = new ArrayList<>();
        boolean[] covered = new boolean[numParams];
        for (int k = 0; k < this.layers.length; k++) {
            LayerParams l = this.layers[k];
            addRanges(found, blocks, k, l.wOffset(), l.wLength(), true, covered);
            addRanges(found, blocks, k, l.bOffset(), l.bLength(), false, covered);
        }
        for (int i = 0; i < numParams; i++) {
            if (!covered[i]) {
                throw new IllegalArgumentException("parameter " + i + " belongs to no layer");
            }
        }
        ranges = found.toArray(new Range[0]);
        layerScale = new double[this.layers.length];
        INDArray view = updater.getStateViewArray();
        stateLength = view == null ? 0 : (int) view.length();
        int perParam = switch (config.type()) {
            case SGD -> 0;
            case MOMENTUM, RMSPROP -> 1;
            case ADAM -> 2;
        };
        if (stateLength != perParam * numParams) {
            throw new IllegalStateException("DL4J's updater state has " + stateLength + " floats, expected "
                    + perParam * numParams);
        }
        first = new float[perParam >= 1 ? numParams : 0];
        second = new float[perParam >= 2 ? numParams : 0];
        loadFrom(graph);
    }

    /** Splits {@code [offset, offset + length)} at updater-block boundaries. */
    private static void addRanges(List<Range> out, List<Block> blocks, int layer, int offset, int length,
                                  boolean weight, boolean[] covered) {
        for (int i = offset; i < offset + length; i++) {
            if (covered[i]) {
                throw new IllegalArgumentException("parameter " + i + " belongs to two layers");
            }
            covered[i] = true;
        }
        int at = offset;
        while (at < offset + length) {
            Block b = null;
            for (Block c : blocks) {
                if (at >= c.paramStart() && at < c.paramEnd()) {
                    b = c;
                }
            }
            if (b == null) {
                throw new IllegalStateException("parameter " + at + " is in no updater block");
            }
            int n = Math.min(offset + length, b.paramEnd()) - at;
            out.add(new Range(layer, at, n, weight, b.stateStart() + at - b.paramStart(),
                    b.paramEnd() - b.paramStart()));
            at += n;
        }
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * One step: the parameters at address {@code params} updated in place from the gradient at {@code grads}, of the
     * loss summed over {@code batch} examples (left unchanged).
     *
     * @param iteration DL4J's iteration count before this step (Adam's bias correction uses {@code iteration + 1})
     */
    public void step(NativeFloats params, NativeFloats grads, int batch, long iteration) {
        // the update runs on Java copies: loops over arrays vectorise, loops over native memory do not, and the bulk
        // copies cost less than the difference (67k Adam parameters: about 0.5 ms in place, a tenth of that here)
        if (p.length != params.length()) {
            p = new float[params.length()];
            g = new float[params.length()];
        }
        params.get(p);
        grads.get(g);
        double clip = config.clipNorm();
        for (int k = 0; k < layers.length; k++) {
            double scale = 1.0 / batch;
            if (clip > 0) {
                LayerParams l = layers[k];
                double sq = sumSquares(g, l.wOffset(), l.wLength()) + sumSquares(g, l.bOffset(), l.bLength());
                double norm = Math.sqrt(sq) * scale;
                if (norm > clip) {
                    scale *= clip / norm;
                }
            }
            layerScale[k] = scale;
        }
        float lr = (float) learningRate;
        for (Range r : ranges) {
            float scale = (float) layerScale[r.layer()];
            float l2 = r.weight() ? (float) config.l2() : 0f;
            int from = r.offset();
            int n = r.length();
            switch (config.type()) {
                case SGD -> {
                    for (int j = 0; j < n; j++) {
                        float w = p[from + j];
                        float grad = g[from + j] * scale + l2 * w;
                        p[from + j] = w - lr * grad;
                    }
                }
                case MOMENTUM -> {
                    float mu = (float) config.momentum();
                    for (int j = 0; j < n; j++) {
                        float w = p[from + j];
                        float grad = g[from + j] * scale + l2 * w;
                        float prev = first[from + j];
                        float v = mu * prev - lr * grad;
                        first[from + j] = v;
                        p[from + j] = w - (mu * prev - (1f + mu) * v);
                    }
                }
                case RMSPROP -> {
                    float decay = (float) config.rmsDecay();
                    float eps = (float) config.epsilon();
                    for (int j = 0; j < n; j++) {
                        float w = p[from + j];
                        float grad = g[from + j] * scale + l2 * w;
                        float ms = first[from + j] * decay + grad * grad * (1f - decay);
                        first[from + j] = ms;
                        p[from + j] = w - lr * grad / ((float) Math.sqrt(ms) + eps);
                    }
                }
                case ADAM -> {
                    float beta1 = (float) config.beta1();
                    float beta2 = (float) config.beta2();
                    float eps = (float) config.epsilon();
                    float beta1t = (float) Math.pow(beta1, iteration + 1);
                    float beta2t = (float) Math.pow(beta2, iteration + 1);
                    float alpha = lr * (float) Math.sqrt(1f - beta2t) / (1f - beta1t);
                    if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0f) {
                        alpha = eps;
                    }
                    for (int j = 0; j < n; j++) {
                        float w = p[from + j];
                        float grad = g[from + j] * scale + l2 * w;
                        float m = beta1 * first[from + j] + grad * (1f - beta1);
                        float v = beta2 * second[from + j] + grad * grad * (1f - beta2);
                        first[from + j] = m;
                        second[from + j] = v;
                        p[from + j] = w - m * alpha / ((float) Math.sqrt(v) + eps);
                    }
                }
            }
        }
        params.put(p);
    }

    private static double sumSquares(float[] a, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            double v = a[i];
            s += v * v;
        }
        return s;
    }

    private static double sumSquares(long address, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            double v = Memory.get(address, i);
            s += v * v;
        }
        return s;
    }

    /** DL4J's L2 penalty {@code 0.5 * l2 * sum w^2} over the weights, which its score includes. */
    public double l2Penalty(NativeFloats params) {
        if (config.l2() <= 0) {
            return 0;
        }
        double sq = 0;
        for (LayerParams l : layers) {
            sq += sumSquares(params.address(), l.wOffset(), l.wLength());
        }
        return 0.5 * config.l2() * sq;
    }

    /** Writes the state into the graph's updater state view, for ModelSerializer. */
    public void saveTo(ComputationGraph graph) {
        if (stateLength > 0) {
            float[] view = new float[stateLength];
            for (Range r : ranges) {
                System.arraycopy(first, r.offset(), view, r.stateOffset(), r.length());
                if (second.length > 0) {
                    System.arraycopy(second, r.offset(), view, r.stateOffset() + r.blockSize(), r.length());
                }
            }
            INDArray target = stateView(graph);
            target.data().asNioFloat().put(0, view);
            java.lang.ref.Reference.reachabilityFence(target);
        }
        graph.setLearningRate(learningRate);
    }

    /** Reads the state from the graph's updater state view. */
    public void loadFrom(ComputationGraph graph) {
        if (stateLength > 0) {
            float[] view = new float[stateLength];
            INDArray source = stateView(graph);
            source.data().asNioFloat().get(0, view);
            java.lang.ref.Reference.reachabilityFence(source);
            for (Range r : ranges) {
                System.arraycopy(view, r.stateOffset(), first, r.offset(), r.length());
                if (second.length > 0) {
                    System.arraycopy(view, r.stateOffset() + r.blockSize(), second, r.offset(), r.length());
                }
            }
        }
    }

    private INDArray stateView(ComputationGraph graph) {
        INDArray view = graph.getUpdater(true).getStateViewArray();
        if (view.offset() != 0 || view.length() != stateLength || view.data().length() != stateLength
                || view.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            throw new IllegalStateException("DL4J's updater state is not a contiguous float vector of " + stateLength
                    + ": " + view.shapeInfoToString());
        }
        return view;
    }
}
