package rlx.networks.engine;

import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import rlx.networks.plain.DenseLayout;

/**
 * A graph of dense layers over one flat parameter vector in DL4J's layout: forward keeps every layer's output,
 * backward writes the gradient of every parameter into a flat vector of the same layout. A layer reads the network
 * input or the output of an earlier layer; several layers may read the same one (two towers on one input, two heads
 * on one torso), and their input gradients add up.
 *
 * <p>Per layer and pass: one {@code sgemm} forward; a fused pass for bias and activation; in backward a fused pass
 * for the activation's derivative and the bias gradient, one {@code sgemm} for the weight gradient and one for the
 * input gradient (none for layers that read the network input). Buffers are sized once for {@code maxBatch} rows;
 * nothing allocates per call. Not thread-safe.
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

    private final Node[] nodes;
    private final int inputSize;
    private final int numParams;
    private final NativeFloats params;
    private final NativeFloats grads;
    private int maxBatch;
    private NativeFloats input;
    private final NativeFloats[] out;
    private final NativeFloats[] delta;
    /** Whether W is stored as its transpose, {@code nOut x nIn} row-major (DL4J's 'f'-ordered {@code [nIn, nOut]}). */
    private final boolean[] wTransposed;
    private final FloatPointer[] w;
    private final FloatPointer[] dw;
    private final FloatPointer[] outView;
    private final FloatPointer[] deltaView;
    private FloatPointer inputView;
    private final boolean[] seeded;
    private final float[] scratch;

    public DenseGraph(List<Node> nodes, int inputSize, int numParams, int maxBatch) {
        this.nodes = nodes.toArray(new Node[0]);
        this.inputSize = inputSize;
        this.numParams = numParams;
        long covered = 0;
        int width = inputSize;
        for (int k = 0; k < this.nodes.length; k++) {
            Node n = this.nodes[k];
            int in = n.input() == NETWORK_INPUT ? inputSize : this.nodes[n.input()].layout().nOut();
            if (n.input() >= k || n.input() < NETWORK_INPUT) {
                throw new IllegalArgumentException("layer " + k + " reads " + n.input() + ": not an earlier layer");
            }
            if (n.layout().nIn() != in) {
                throw new IllegalArgumentException("layer " + k + " takes " + n.layout().nIn() + " inputs, gets " + in);
            }
            covered += n.layout().numParams();
            width = Math.max(width, n.layout().nOut());
        }
        if (covered != numParams) {
            throw new IllegalArgumentException("layers cover " + covered + " of " + numParams + " parameters");
        }
        this.params = new NativeFloats(numParams);
        this.grads = new NativeFloats(numParams);
        int n = this.nodes.length;
        out = new NativeFloats[n];
        delta = new NativeFloats[n];
        wTransposed = new boolean[n];
        w = new FloatPointer[n];
        dw = new FloatPointer[n];
        outView = new FloatPointer[n];
        deltaView = new FloatPointer[n];
        seeded = new boolean[n];
        scratch = new float[width];
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
            dw[k] = grads.view(d.wOffset());
        }
        allocate(Math.max(1, maxBatch));
    }

    /** (Re)allocates the per-row buffers for {@code rows} rows; their contents are not kept. */
    private void allocate(int rows) {
        if (input != null) {
            closeRowBuffers();
        }
        maxBatch = rows;
        input = new NativeFloats(rows * inputSize);
        inputView = input.view(0);
        for (int k = 0; k < nodes.length; k++) {
            int nOut = nodes[k].layout().nOut();
            out[k] = new NativeFloats(rows * nOut);
            delta[k] = new NativeFloats(rows * nOut);
            outView[k] = out[k].view(0);
            deltaView[k] = delta[k].view(0);
        }
    }

    /**
     * Makes room for {@code batch} rows (growing never shrinks; a larger batch than ever before reallocates, which
     * forgets the last forward pass): call before filling {@link #input()}.
     */
    public void ensureBatch(int batch) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch (" + batch + ") must be > 0");
        }
        if (batch > maxBatch) {
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

    /** Row-major network input, {@code batch x inputSize}; fill it before {@link #forward}. */
    public FloatBuffer input() {
        return input.buffer();
    }

    /** Layer {@code k}'s output ({@code batch x nOut}, row-major) after {@link #forward}. */
    public FloatBuffer output(int k) {
        return out[k].buffer();
    }

    /**
     * Layer {@code k}'s output gradient {@code dL/dy}: write it for the output layers before {@link #backward}
     * (layers whose gradient is not written get none, and neither do their parameters).
     */
    public FloatBuffer outputGrad(int k) {
        return delta[k].buffer();
    }

    /** Evaluates every layer on the first {@code batch} rows of {@link #input()}. */
    public void forward(int batch) {
        checkBatch(batch);
        long p = params.address();
        for (int k = 0; k < nodes.length; k++) {
            DenseLayout d = nodes[k].layout();
            int src = nodes[k].input();
            FloatPointer x = src == NETWORK_INPUT ? inputView : outView[src];
            if (wTransposed[k]) {
                Gemm.sgemm(false, true, batch, d.nOut(), d.nIn(), 1f, x, d.nIn(), w[k], d.nIn(), 0f, outView[k],
                        d.nOut());
            } else {
                Gemm.sgemm(false, false, batch, d.nOut(), d.nIn(), 1f, x, d.nIn(), w[k], d.nOut(), 0f, outView[k],
                        d.nOut());
            }
            Activations.biasActivate(d.activation(), out[k].address(), batch, d.nOut(), p, d.bOffset(), scratch);
        }
    }

    /** Marks layer {@code k}'s {@link #outputGrad} as written for the next {@link #backward}. */
    public void seed(int k) {
        seeded[k] = true;
    }

    /**
     * Backpropagates the seeded output gradients of the last {@link #forward} (same {@code batch}) and writes every
     * parameter's gradient to {@link #grads()}; parameters of layers no gradient reached get zero.
     */
    public void backward(int batch) {
        checkBatch(batch);
        long g = grads.address();
        for (int k = nodes.length - 1; k >= 0; k--) {
            DenseLayout d = nodes[k].layout();
            if (!seeded[k]) {
                grads.zero(d.wOffset(), d.nIn() * d.nOut());
                grads.zero(d.bOffset(), d.nOut());
                continue;
            }
            seeded[k] = false;
            Activations.backward(d.activation(), delta[k].address(), out[k].address(), batch, d.nOut(), g,
                    d.bOffset(), scratch);
            int src = nodes[k].input();
            FloatPointer x = src == NETWORK_INPUT ? inputView : outView[src];
            if (wTransposed[k]) {
                Gemm.sgemm(true, false, d.nOut(), d.nIn(), batch, 1f, deltaView[k], d.nOut(), x, d.nIn(), 0f, dw[k],
                        d.nIn());
            } else {
                Gemm.sgemm(true, false, d.nIn(), d.nOut(), batch, 1f, x, d.nIn(), deltaView[k], d.nOut(), 0f, dw[k],
                        d.nOut());
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
    }

    /** Multiply-adds of one forward pass over {@code batch} rows (a backward pass is about twice that). */
    public long forwardMacs(int batch) {
        long macs = 0;
        for (Node n : nodes) {
            macs += (long) batch * n.layout().nIn() * n.layout().nOut();
        }
        return macs;
    }

    private void checkBatch(int batch) {
        if (batch <= 0 || batch > maxBatch) {
            throw new IllegalArgumentException("batch (" + batch + ") must be in [1, " + maxBatch + "]");
        }
    }

    private void closeRowBuffers() {
        input.close();
        for (int k = 0; k < nodes.length; k++) {
            out[k].close();
            delta[k].close();
        }
    }

    @Override
    public void close() {
        params.close();
        grads.close();
        closeRowBuffers();
    }
}
