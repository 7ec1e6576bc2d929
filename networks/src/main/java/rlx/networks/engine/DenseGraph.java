package rlx.networks.engine;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import rlx.networks.plain.ConvLayout;
import rlx.networks.plain.DenseLayout;

/**
 * A graph of dense layers over one flat parameter vector in DL4J's layout: forward keeps every layer's output,
 * backward writes the gradient of every parameter into a flat vector of the same layout. A layer reads the network
 * input or the output of an earlier layer; several layers may read the same one (two towers on one input, two heads
 * on one torso), and their input gradients add up.
 *
 * <p>Per layer and pass, forward: {@code sgemm} for the product, {@code sger} for the bias, the activation as a
 * vectorised loop over a Java copy of the output; backward: the activation's derivative on the Java side, then
 * {@code sgemv} for the bias gradient and one {@code sgemm} each for the weight and input gradients (none for the input
 * gradient of layers that read the network input). Outputs and output gradients live twice, in native memory for the
 * BLAS and in Java arrays for the loops, and are copied in bulk between the two. Buffers are sized for the largest
 * batch seen; nothing allocates per call once that has been reached. Not thread-safe.
 *
 * <p>A stack of convolutions ({@link ConvStage}) may come first: the dense layers that read the network input then
 * read its channels-first output, as DL4J's {@code CnnToFeedForwardPreProcessor} flattens it.
 */
public final class DenseGraph implements AutoCloseable {

    /** A layer: where its parameters sit, and what it reads ({@link #NETWORK_INPUT} or an earlier layer's index). */
    public record Node(DenseLayout layout, int input) {
        public Node {
            if (layout.bStride() != 1 && layout.nOut() > 1) {
                throw new IllegalArgumentException("bias must be contiguous, stride " + layout.bStride());
            }
        }
    }

    /** {@link Node#input} of a layer that reads the network input. */
    public static final int NETWORK_INPUT = -1;
    /** Layers with at least this many inputs compute their product transposed (see {@link #forward}). */
    private static final int WIDE_INPUT = 256;

    private final Node[] nodes;
    private final ConvStage[] conv;
    /** Floats per row that the dense layers reading the network input get: the conv stack's output, or the input. */
    private final int denseInputSize;
    private final int inputSize;
    private final int numParams;
    private final NativeFloats params;
    private final NativeFloats grads;
    /** Whether W is stored as its transpose, {@code nOut x nIn} row-major (DL4J's 'f'-ordered {@code [nIn, nOut]}). */
    private final boolean[] wTransposed;
    private final FloatPointer[] w;
    private final FloatPointer[] b;
    private final FloatPointer[] dw;
    private final FloatPointer[] db;
    /** Whether layer k's output gradient has been written (by the caller or by a layer that reads it). */
    private final boolean[] seeded;

    // per-row buffers, reallocated when a larger batch comes
    private int maxBatch;
    private NativeFloats input;
    private FloatPointer inputView;
    /** With convolutions: the network input as Java rows, and the gradient of the dense layers' input. */
    private float[] inputJava;
    private NativeFloats inputGrad;
    private FloatPointer inputGradView;
    private float[] inputGradJava;
    private float[][] convGradJava;
    private boolean inputGradWritten;
    private NativeFloats ones;
    private FloatPointer onesView;
    private final NativeFloats[] out;
    private final FloatPointer[] outView;
    private final NativeFloats[] delta;
    private final FloatPointer[] deltaView;
    private final float[][] outJava;
    private final float[][] deltaJava;
    /** A layer's transposed output, before it is turned round into {@link #outJava}. */
    private float[] transposed;

    public DenseGraph(List<Node> nodes, int inputSize, int numParams, int maxBatch) {
        this(List.of(), nodes, inputSize, numParams, maxBatch);
    }

    /** A graph whose dense layers follow a stack of convolutions ({@code convs} may be empty). */
    public DenseGraph(List<ConvLayout> convs, List<Node> nodes, int inputSize, int numParams, int maxBatch) {
        this.nodes = nodes.toArray(new Node[0]);
        this.inputSize = inputSize;
        this.numParams = numParams;
        this.denseInputSize = convs.isEmpty() ? inputSize : convs.get(convs.size() - 1).outputSize();
        if (!convs.isEmpty() && convs.get(0).inputSize() != inputSize) {
            throw new IllegalArgumentException("the first convolution reads " + convs.get(0).inputSize()
                    + " floats, the input has " + inputSize);
        }
        long covered = 0;
        for (ConvLayout c : convs) {
            covered += c.numParams();
        }
        for (int k = 0; k < this.nodes.length; k++) {
            Node n = this.nodes[k];
            if (n.input() >= k || n.input() < NETWORK_INPUT) {
                throw new IllegalArgumentException("layer " + k + " reads " + n.input() + ": not an earlier layer");
            }
            int in = n.input() == NETWORK_INPUT ? denseInputSize : this.nodes[n.input()].layout().nOut();
            if (n.layout().nIn() != in) {
                throw new IllegalArgumentException("layer " + k + " takes " + n.layout().nIn() + " inputs, gets " + in);
            }
            covered += n.layout().numParams();
        }
        if (covered != numParams) {
            throw new IllegalArgumentException("layers cover " + covered + " of " + numParams + " parameters");
        }
        int n = this.nodes.length;
        params = new NativeFloats(numParams);
        grads = new NativeFloats(numParams);
        conv = new ConvStage[convs.size()];
        for (int c = 0; c < conv.length; c++) {
            conv[c] = new ConvStage(convs.get(c), params, grads);
        }
        wTransposed = new boolean[n];
        w = new FloatPointer[n];
        b = new FloatPointer[n];
        dw = new FloatPointer[n];
        db = new FloatPointer[n];
        seeded = new boolean[n];
        out = new NativeFloats[n];
        outView = new FloatPointer[n];
        delta = new NativeFloats[n];
        deltaView = new FloatPointer[n];
        outJava = new float[n][];
        deltaJava = new float[n][];
        for (int k = 0; k < n; k++) {
            DenseLayout d = this.nodes[k].layout();
            if (d.wStrideIn() == 1 && (d.wStrideOut() == d.nIn() || d.nOut() == 1)) {
                wTransposed[k] = true;
            } else if ((d.wStrideIn() == d.nOut() || d.nIn() == 1) && (d.wStrideOut() == 1 || d.nOut() == 1)) {
                wTransposed[k] = false;
            } else {
                throw new IllegalArgumentException("layer " + k + ": W strides " + d.wStrideIn() + ", "
                        + d.wStrideOut() + " are neither row- nor column-major");
            }
            w[k] = params.view(d.wOffset());
            b[k] = params.view(d.bOffset());
            dw[k] = grads.view(d.wOffset());
            db[k] = grads.view(d.bOffset());
        }
        allocate(Math.max(1, maxBatch));
    }

    private void allocate(int rows) {
        // no batch fits until every buffer exists: an allocation that fails leaves no view on freed memory usable
        maxBatch = 0;
        if (input != null) {
            closeRowBuffers();
        }
        input = new NativeFloats(rows * denseInputSize);
        inputView = input.view(0);
        if (conv.length > 0) {
            inputJava = new float[rows * inputSize];
            inputGrad = new NativeFloats(rows * denseInputSize);
            inputGradView = inputGrad.view(0);
            inputGradJava = new float[rows * denseInputSize];
            convGradJava = new float[conv.length][];
            for (int c = 0; c < conv.length; c++) {
                conv[c].allocate(rows);
                convGradJava[c] = new float[rows * conv[c].layout().inputSize()];
            }
        }
        int widest = 1;
        for (Node node : nodes) {
            widest = Math.max(widest, node.layout().nOut());
        }
        transposed = new float[rows * widest];
        ones = new NativeFloats(rows);
        for (int i = 0; i < rows; i++) {
            Memory.put(ones.address(), i, 1f);
        }
        onesView = ones.view(0);
        for (int k = 0; k < nodes.length; k++) {
            int size = rows * nodes[k].layout().nOut();
            out[k] = new NativeFloats(size);
            outView[k] = out[k].view(0);
            delta[k] = new NativeFloats(size);
            deltaView[k] = delta[k].view(0);
            outJava[k] = new float[size];
            deltaJava[k] = new float[size];
        }
        maxBatch = rows;
    }

    /**
     * Makes room for {@code batch} rows: call before filling {@link #input}. A batch larger than any before
     * reallocates the per-row buffers (forgetting the last forward pass); growing never shrinks.
     */
    public void ensureBatch(int batch) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch (" + batch + ") must be > 0");
        }
        if (batch > maxBatch) {
            params.address(); // fails on a closed graph
            allocate(Math.max(batch, 2 * maxBatch));
        }
    }

    public int maxBatch() {
        return maxBatch;
    }

    public int inputSize() {
        return inputSize;
    }

    public int numParams() {
        return numParams;
    }

    /** The flat parameters, in DL4J's layout. */
    public NativeFloats params() {
        return params;
    }

    /** The flat gradient of the last {@link #backward}, in the parameters' layout. */
    public NativeFloats grads() {
        return grads;
    }

    /** Copies {@code batch} row-major rows of network input from {@code obs}. */
    public void setInput(float[] obs, int batch) {
        ensureBatch(batch);
        if (conv.length > 0) {
            System.arraycopy(obs, 0, inputJava, 0, batch * inputSize);
        } else {
            input.buffer().put(0, obs, 0, batch * inputSize);
        }
    }

    /** Layer {@code k}'s output after {@link #forward}: row-major {@code batch x nOut} at the front of the array. */
    public float[] output(int k) {
        return outJava[k];
    }

    /**
     * Layer {@code k}'s output gradient {@code dL/dy}, row-major at the front of the array: write it for an output
     * layer, then {@link #seed} it, before {@link #backward}.
     */
    public float[] outputGrad(int k) {
        return deltaJava[k];
    }

    /** Evaluates every layer on the first {@code batch} rows of the input. */
    public void forward(int batch) {
        checkBatch(batch);
        if (conv.length > 0) {
            float[] x = inputJava;
            for (ConvStage c : conv) {
                c.forward(x, batch);
                x = c.output();
            }
            input.buffer().put(0, x, 0, batch * denseInputSize);
        }
        for (int k = 0; k < nodes.length; k++) {
            DenseLayout d = nodes[k].layout();
            int src = nodes[k].input();
            FloatPointer x = src == NETWORK_INPUT ? inputView : outView[src];
            int n = batch * d.nOut();
            if (wTransposed[k] && d.nIn() >= WIDE_INPUT && batch >= 8) {
                // Y^T = Wt X^T, then transposed on the Java side: OpenBLAS computes the product this way round
                // 1.3-1.8x faster when the input is wide (batch 32, 1024 -> 128: 140 vs 249 us; 64, 256 -> 256:
                // 91 vs 115 us), and as fast or slightly slower for narrow ones (256, 64 -> 64: 26 vs 23 us)
                Gemm.sgemm(false, true, d.nOut(), batch, d.nIn(), 1f, w[k], d.nIn(), x, d.nIn(), 0f, outView[k],
                        batch);
                Gemm.sger(d.nOut(), batch, b[k], onesView, outView[k], batch);
                out[k].buffer().get(0, transposed, 0, n);
                float[] y = outJava[k];
                int cols = d.nOut();
                for (int o = 0; o < cols; o++) {
                    for (int r = 0; r < batch; r++) {
                        y[r * cols + o] = transposed[o * batch + r];
                    }
                }
                Activations.activate(d.activation(), y, n);
                out[k].buffer().put(0, y, 0, n);
                continue;
            }
            if (wTransposed[k]) {
                Gemm.sgemm(false, true, batch, d.nOut(), d.nIn(), 1f, x, d.nIn(), w[k], d.nIn(), 0f, outView[k],
                        d.nOut());
            } else {
                Gemm.sgemm(false, false, batch, d.nOut(), d.nIn(), 1f, x, d.nIn(), w[k], d.nOut(), 0f, outView[k],
                        d.nOut());
            }
            Gemm.sger(batch, d.nOut(), onesView, b[k], outView[k], d.nOut());
            out[k].buffer().get(0, outJava[k], 0, n);
            if (d.activation() != rlx.networks.config.ActivationKind.IDENTITY) {
                Activations.activate(d.activation(), outJava[k], n);
                out[k].buffer().put(0, outJava[k], 0, n);
            }
        }
    }

    /** Marks layer {@code k}'s {@link #outputGrad} (its first {@code batch} rows) as written. */
    public void seed(int k, int batch) {
        delta[k].buffer().put(0, deltaJava[k], 0, batch * nodes[k].layout().nOut());
        seeded[k] = true;
    }

    /**
     * Backpropagates the seeded output gradients of the last {@link #forward} (same {@code batch}) and writes every
     * parameter's gradient to {@link #grads()}; parameters of layers no gradient reached get zero.
     */
    public void backward(int batch) {
        checkBatch(batch);
        inputGradWritten = false;
        for (int k = nodes.length - 1; k >= 0; k--) {
            DenseLayout d = nodes[k].layout();
            if (!seeded[k]) {
                grads.zero(d.wOffset(), d.nIn() * d.nOut());
                grads.zero(d.bOffset(), d.nOut());
                continue;
            }
            seeded[k] = false;
            int n = batch * d.nOut();
            if (d.activation() != rlx.networks.config.ActivationKind.IDENTITY) {
                delta[k].buffer().get(0, deltaJava[k], 0, n);
                Activations.derivative(d.activation(), deltaJava[k], outJava[k], n);
                delta[k].buffer().put(0, deltaJava[k], 0, n);
            }
            Gemm.sgemvTransposed(batch, d.nOut(), deltaView[k], d.nOut(), onesView, db[k]);
            int src = nodes[k].input();
            FloatPointer x = src == NETWORK_INPUT ? inputView : outView[src];
            if (wTransposed[k]) {
                Gemm.sgemm(true, false, d.nOut(), d.nIn(), batch, 1f, deltaView[k], d.nOut(), x, d.nIn(), 0f, dw[k],
                        d.nIn());
            } else {
                Gemm.sgemm(true, false, d.nIn(), d.nOut(), batch, 1f, x, d.nIn(), deltaView[k], d.nOut(), 0f, dw[k],
                        d.nOut());
            }
            if (src == NETWORK_INPUT && conv.length > 0) {
                // the convolutions need the gradient of their output: the dense input's
                float beta = inputGradWritten ? 1f : 0f;
                if (wTransposed[k]) {
                    Gemm.sgemm(false, false, batch, d.nIn(), d.nOut(), 1f, deltaView[k], d.nOut(), w[k], d.nIn(), beta,
                            inputGradView, d.nIn());
                } else {
                    Gemm.sgemm(false, true, batch, d.nIn(), d.nOut(), 1f, deltaView[k], d.nOut(), w[k], d.nOut(), beta,
                            inputGradView, d.nIn());
                }
                inputGradWritten = true;
            }
            if (src != NETWORK_INPUT) {
                float beta = seeded[src] ? 1f : 0f;
                if (wTransposed[k]) {
                    Gemm.sgemm(false, false, batch, d.nIn(), d.nOut(), 1f, deltaView[k], d.nOut(), w[k], d.nIn(), beta,
                            deltaView[src], d.nIn());
                } else {
                    Gemm.sgemm(false, true, batch, d.nIn(), d.nOut(), 1f, deltaView[k], d.nOut(), w[k], d.nOut(), beta,
                            deltaView[src], d.nIn());
                }
                seeded[src] = true;
            }
        }
        if (conv.length > 0) {
            if (!inputGradWritten) {
                java.util.Arrays.fill(inputGradJava, 0, batch * denseInputSize, 0f);
            } else {
                inputGrad.buffer().get(0, inputGradJava, 0, batch * denseInputSize);
            }
            float[] dOut = inputGradJava;
            for (int c = conv.length - 1; c >= 0; c--) {
                float[] dx = c > 0 ? convGradJava[c] : null;
                conv[c].backward(dOut, batch, dx);
                dOut = dx;
            }
        }
    }

    private void checkBatch(int batch) {
        if (batch <= 0 || batch > maxBatch) {
            throw new IllegalArgumentException("batch (" + batch + ") must be in [1, " + maxBatch + "]");
        }
    }

    private void closeRowBuffers() {
        input.close();
        ones.close();
        if (inputGrad != null) {
            inputGrad.close();
        }
        for (ConvStage c : conv) {
            c.close();
        }
        for (int k = 0; k < nodes.length; k++) {
            out[k].close();
            delta[k].close();
        }
    }

    @Override
    public void close() {
        // no batch fits a closed graph, so nothing reaches the freed buffers through the cached views
        maxBatch = 0;
        params.close();
        grads.close();
        closeRowBuffers();
    }
}
