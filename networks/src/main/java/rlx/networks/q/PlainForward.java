package rlx.networks.q;

import java.util.List;
import rlx.networks.config.ActivationKind;

/**
 * Evaluates a {@link QNetwork}'s MLP (and dueling head) in plain Java, for acting without ND4J's fixed per-op cost.
 * Parameters come from the network's flat vector in DL4J's layout ({@link QNetwork#params()}); where each weight and
 * bias sits in that vector was read off the DL4J graph's own parameter views when the network was built, not
 * assumed. {@link #load} copies them into a private row-major copy, so the caller's array may be reused.
 *
 * <p>After construction nothing allocates: {@link #load}, {@link #forward} and {@link #argmax} only use preallocated
 * scratch arrays. An instance is therefore not thread-safe; give each acting thread its own
 * ({@link QNetwork#plainForward()} returns a new one per call).
 */
public final class PlainForward {

    /**
     * Where one dense layer's parameters sit in the flat DL4J vector: {@code W[i][j]} at
     * {@code wOffset + i * wStrideIn + j * wStrideOut}, {@code b[j]} at {@code bOffset + j * bStride}.
     */
    record Dense(int nIn, int nOut, int wOffset, int wStrideIn, int wStrideOut, int bOffset, int bStride,
                 ActivationKind activation) {
    }

    /** The layers of a network in evaluation order; {@code value} is null without a dueling head. */
    record Layout(int numParams, int inputSize, int numActions, List<Dense> hidden, Dense head, Dense value) {
    }

    private final Layout layout;
    private final Dense[] hidden;
    private final float[][] hiddenW;
    private final float[][] hiddenB;
    private final float[] headW;
    private final float[] headB;
    private final float[] valueW;
    private final float[] valueB;
    private final float[] bufA;
    private final float[] bufB;
    private final float[] adv;
    private final float[] q;
    private final float[] v = new float[1];

    PlainForward(Layout layout) {
        this.layout = layout;
        this.hidden = layout.hidden().toArray(new Dense[0]);
        hiddenW = new float[hidden.length][];
        hiddenB = new float[hidden.length][];
        int width = 1;
        for (int k = 0; k < hidden.length; k++) {
            hiddenW[k] = new float[hidden[k].nIn() * hidden[k].nOut()];
            hiddenB[k] = new float[hidden[k].nOut()];
            width = Math.max(width, hidden[k].nOut());
        }
        headW = new float[layout.head().nIn() * layout.head().nOut()];
        headB = new float[layout.head().nOut()];
        if (layout.value() != null) {
            valueW = new float[layout.value().nIn()];
            valueB = new float[1];
        } else {
            valueW = null;
            valueB = null;
        }
        bufA = new float[width];
        bufB = new float[width];
        adv = new float[layout.numActions()];
        q = new float[layout.numActions()];
    }

    /** Length of the flat parameter vector this evaluator loads. */
    public int numParams() {
        return layout.numParams();
    }

    /** Floats per observation. */
    public int inputSize() {
        return layout.inputSize();
    }

    /** Number of Q-values per observation. */
    public int numActions() {
        return layout.numActions();
    }

    /** Copies a flat parameter vector (DL4J layout, as {@link QNetwork#params()}) into this evaluator. */
    public void load(float[] flatParams) {
        if (flatParams.length != layout.numParams()) {
            throw new IllegalArgumentException("flatParams.length (" + flatParams.length + ") must equal numParams ("
                    + layout.numParams() + ")");
        }
        for (int k = 0; k < hidden.length; k++) {
            copy(hidden[k], flatParams, hiddenW[k], hiddenB[k]);
        }
        copy(layout.head(), flatParams, headW, headB);
        if (layout.value() != null) {
            copy(layout.value(), flatParams, valueW, valueB);
        }
    }

    private static void copy(Dense d, float[] flat, float[] w, float[] b) {
        int nIn = d.nIn();
        int nOut = d.nOut();
        for (int i = 0; i < nIn; i++) {
            int src = d.wOffset() + i * d.wStrideIn();
            int dst = i * nOut;
            for (int j = 0; j < nOut; j++) {
                w[dst + j] = flat[src + j * d.wStrideOut()];
            }
        }
        for (int j = 0; j < nOut; j++) {
            b[j] = flat[d.bOffset() + j * d.bStride()];
        }
    }

    /**
     * Q-values of a batch: {@code obs} holds {@code batchSize * inputSize()} floats row-major, {@code out} receives
     * {@code batchSize * numActions()}.
     */
    public void forward(float[] obs, int batchSize, float[] out) {
        int in = layout.inputSize();
        int nA = layout.numActions();
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize (" + batchSize + ") must be > 0");
        }
        if (obs.length < (long) batchSize * in) {
            throw new IllegalArgumentException("obs.length (" + obs.length + ") must be >= batchSize * inputSize ("
                    + (long) batchSize * in + ")");
        }
        if (out.length < (long) batchSize * nA) {
            throw new IllegalArgumentException("out.length (" + out.length + ") must be >= batchSize * numActions ("
                    + (long) batchSize * nA + ")");
        }
        for (int r = 0; r < batchSize; r++) {
            row(obs, r * in, out, r * nA);
        }
    }

    /**
     * The greedy action for the observation at {@code obs[offset .. offset + inputSize())}: the index of the largest
     * Q-value, the lowest index among ties.
     */
    public int argmax(float[] obs, int offset) {
        if (offset < 0 || offset + layout.inputSize() > obs.length) {
            throw new IllegalArgumentException("offset (" + offset + ") + inputSize (" + layout.inputSize()
                    + ") must fit obs.length (" + obs.length + ")");
        }
        row(obs, offset, q, 0);
        int best = 0;
        float bestQ = q[0];
        for (int a = 1; a < q.length; a++) {
            if (q[a] > bestQ) {
                bestQ = q[a];
                best = a;
            }
        }
        return best;
    }

    private void row(float[] x, int xOff, float[] out, int outOff) {
        float[] in = x;
        int inOff = xOff;
        float[] next = bufA;
        for (int k = 0; k < hidden.length; k++) {
            Dense d = hidden[k];
            dense(d.nIn(), d.nOut(), hiddenW[k], hiddenB[k], in, inOff, next, 0);
            activate(d.activation(), next, d.nOut());
            in = next;
            inOff = 0;
            next = next == bufA ? bufB : bufA;
        }
        Dense head = layout.head();
        if (layout.value() == null) {
            dense(head.nIn(), head.nOut(), headW, headB, in, inOff, out, outOff);
            return;
        }
        dense(head.nIn(), head.nOut(), headW, headB, in, inOff, adv, 0);
        dense(layout.value().nIn(), 1, valueW, valueB, in, inOff, v, 0);
        float sum = 0;
        for (float a : adv) {
            sum += a;
        }
        float mean = sum / adv.length;
        for (int a = 0; a < adv.length; a++) {
            out[outOff + a] = (adv[a] - mean) + v[0];
        }
    }

    private static void dense(int nIn, int nOut, float[] w, float[] b, float[] x, int xOff, float[] y, int yOff) {
        System.arraycopy(b, 0, y, yOff, nOut);
        for (int i = 0; i < nIn; i++) {
            float xi = x[xOff + i];
            if (xi == 0f) {
                // ReLU zeroes about half the units: skipping them halves the work
                continue;
            }
            int row = i * nOut;
            // contiguous axpy over the outputs, which the JIT vectorises (a dot-product loop it would not)
            for (int j = 0; j < nOut; j++) {
                y[yOff + j] += xi * w[row + j];
            }
        }
    }

    private static void activate(ActivationKind kind, float[] a, int n) {
        switch (kind) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = a[i] > 0f ? a[i] : 0f;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) Math.tanh(a[i]);
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = a[i] > 0f ? a[i] : (float) Math.expm1(a[i]);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = a[i] >= 0f ? a[i] : 0.01f * a[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
                }
            }
            case IDENTITY -> {
            }
        }
    }
}
