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
    private final float[] state;
    private final double[] layerScale;
    private double learningRate;

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
        state = new float[view == null ? 0 : (int) view.length()];
        int perParam = switch (config.type()) {
            case SGD -> 0;
            case MOMENTUM, RMSPROP -> 1;
            case ADAM -> 2;
        };
        if (state.length != perParam * numParams) {
            throw new IllegalStateException("DL4J's updater state has " + state.length + " floats, expected "
                    + perParam * numParams);
        }
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
        long p = params.address();
        long g = grads.address();
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
            int end = r.offset() + r.length();
            switch (config.type()) {
                case SGD -> {
                    for (int i = r.offset(); i < end; i++) {
                        float w = Memory.get(p, i);
                        float grad = Memory.get(g, i) * scale + l2 * w;
                        Memory.put(p, i, w - lr * grad);
                    }
                }
                case MOMENTUM -> {
                    float mu = (float) config.momentum();
                    for (int i = r.offset(), s = r.stateOffset(); i < end; i++, s++) {
                        float w = Memory.get(p, i);
                        float grad = Memory.get(g, i) * scale + l2 * w;
                        float prev = state[s];
                        float v = mu * prev - lr * grad;
                        state[s] = v;
                        Memory.put(p, i, w - (mu * prev - (1f + mu) * v));
                    }
                }
                case RMSPROP -> {
                    float decay = (float) config.rmsDecay();
                    float eps = (float) config.epsilon();
                    for (int i = r.offset(), s = r.stateOffset(); i < end; i++, s++) {
                        float w = Memory.get(p, i);
                        float grad = Memory.get(g, i) * scale + l2 * w;
                        float ms = state[s] * decay + grad * grad * (1f - decay);
                        state[s] = ms;
                        Memory.put(p, i, w - lr * grad / ((float) Math.sqrt(ms) + eps));
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
                    int vOff = r.blockSize();
                    for (int i = r.offset(), s = r.stateOffset(); i < end; i++, s++) {
                        float w = Memory.get(p, i);
                        float grad = Memory.get(g, i) * scale + l2 * w;
                        float m = beta1 * state[s] + grad * (1f - beta1);
                        float v = beta2 * state[s + vOff] + grad * grad * (1f - beta2);
                        state[s] = m;
                        state[s + vOff] = v;
                        Memory.put(p, i, w - m * alpha / ((float) Math.sqrt(v) + eps));
                    }
                }
            }
        }
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
        if (state.length > 0) {
            INDArray view = stateView(graph);
            view.data().asNioFloat().put(0, state);
            java.lang.ref.Reference.reachabilityFence(view);
        }
        graph.setLearningRate(learningRate);
    }

    /** Reads the state from the graph's updater state view. */
    public void loadFrom(ComputationGraph graph) {
        if (state.length > 0) {
            INDArray view = stateView(graph);
            view.data().asNioFloat().get(0, state);
            java.lang.ref.Reference.reachabilityFence(view);
        }
    }

    private INDArray stateView(ComputationGraph graph) {
        INDArray view = graph.getUpdater(true).getStateViewArray();
        if (view.offset() != 0 || view.length() != state.length || view.data().length() != state.length
                || view.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            throw new IllegalStateException("DL4J's updater state is not a contiguous float vector of " + state.length
                    + ": " + view.shapeInfoToString());
        }
        return view;
    }
}
