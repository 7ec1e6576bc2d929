package rlx.networks.q;

import java.util.List;
import rlx.networks.plain.ConvLayout;
import rlx.networks.plain.DenseLayout;
import rlx.networks.plain.DenseMath;
import rlx.networks.plain.PlainConv;
import rlx.networks.plain.PlainMlp;

/**
 * Evaluates a {@link QNetwork}'s convolutions (if any), MLP and dueling head in plain Java, for acting without ND4J's fixed per-op cost.
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
     * The layers of a network in evaluation order; {@code conv} is empty without a conv torso, {@code value} null
     * without a dueling head.
     */
    record Layout(int numParams, int inputSize, int numActions, List<ConvLayout> conv, List<DenseLayout> hidden,
                  DenseLayout head, DenseLayout value) {
        Layout {
            conv = List.copyOf(conv);
        }
    }

    private final Layout layout;
    private final PlainConv conv;
    private final PlainMlp torso;
    private final float[] headW;
    private final float[] headB;
    private final float[] valueW;
    private final float[] valueB;
    private final float[] adv;
    private final float[] q;
    private final float[] v = new float[1];

    PlainForward(Layout layout) {
        this.layout = layout;
        this.conv = layout.conv().isEmpty() ? null : new PlainConv(layout.conv());
        this.torso = new PlainMlp(layout.hidden());
        headW = new float[layout.head().nIn() * layout.head().nOut()];
        headB = new float[layout.head().nOut()];
        if (layout.value() != null) {
            valueW = new float[layout.value().nIn()];
            valueB = new float[1];
        } else {
            valueW = null;
            valueB = null;
        }
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
        if (conv != null) {
            conv.load(flatParams);
        }
        torso.load(flatParams);
        layout.head().copy(flatParams, headW, headB);
        if (layout.value() != null) {
            layout.value().copy(flatParams, valueW, valueB);
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
        if (conv != null) {
            // the conv output is already flattened as DL4J feeds it to the first dense layer
            x = conv.forward(x, xOff);
            xOff = 0;
        }
        float[] h = torso.forward(x, xOff);
        int hOff = torso.resultOffset(xOff);
        DenseLayout head = layout.head();
        if (layout.value() == null) {
            DenseMath.dense(head.nIn(), head.nOut(), headW, headB, h, hOff, out, outOff);
            return;
        }
        DenseMath.dense(head.nIn(), head.nOut(), headW, headB, h, hOff, adv, 0);
        DenseMath.dense(layout.value().nIn(), 1, valueW, valueB, h, hOff, v, 0);
        float sum = 0;
        for (float a : adv) {
            sum += a;
        }
        float mean = sum / adv.length;
        for (int a = 0; a < adv.length; a++) {
            out[outOff + a] = (adv[a] - mean) + v[0];
        }
    }
}
