package rlx.networks.ac;

import java.util.List;
import rlx.networks.plain.DenseLayout;
import rlx.networks.plain.DenseMath;
import rlx.networks.plain.PlainConv;
import rlx.networks.plain.PlainMlp;

/**
 * Evaluates an {@link ActorCriticNetwork} (convolutions included) in plain Java from a private copy of its flat
 * parameters: runners act with this instead of paying ND4J's fixed per-op cost on a handful of observations. Nothing
 * allocates after construction; an instance is not thread-safe.
 */
public final class ActorCriticForward {

    private final int numParams;
    private final int inputSize;
    private final int numActions;
    /** The convolutions both heads read, or null without a conv torso. */
    private final PlainConv conv;
    private final PlainMlp torso;
    /** The value tower, or null when the value head reads the policy's torso. */
    private final PlainMlp valueTorso;
    private final DenseLayout policy;
    private final DenseLayout value;
    private final float[] policyW;
    private final float[] policyB;
    private final float[] valueW;
    private final float[] valueB = new float[1];
    private final float[] v = new float[1];

    ActorCriticForward(int numParams, int inputSize, PlainConv conv, List<DenseLayout> hidden, DenseLayout policy,
                       List<DenseLayout> valueHidden, DenseLayout value) {
        if (conv != null && conv.inputSize() != inputSize) {
            throw new IllegalArgumentException("the convolutions read " + conv.inputSize()
                    + " floats per observation, not inputSize (" + inputSize + ")");
        }
        this.numParams = numParams;
        this.inputSize = inputSize;
        this.numActions = policy.nOut();
        this.conv = conv;
        this.torso = new PlainMlp(hidden);
        this.valueTorso = valueHidden == null ? null : new PlainMlp(valueHidden);
        this.policy = policy;
        this.value = value;
        this.policyW = new float[policy.nIn() * policy.nOut()];
        this.policyB = new float[policy.nOut()];
        this.valueW = new float[value.nIn()];
    }

    public int numParams() {
        return numParams;
    }

    public int inputSize() {
        return inputSize;
    }

    public int numActions() {
        return numActions;
    }

    /** Copies a flat parameter vector (as {@link ActorCriticNetwork#params()}) into this evaluator. */
    public void load(float[] flat) {
        if (flat.length != numParams) {
            throw new IllegalArgumentException("flat.length (" + flat.length + ") must equal numParams (" + numParams
                    + ")");
        }
        if (conv != null) {
            conv.load(flat);
        }
        torso.load(flat);
        if (valueTorso != null) {
            valueTorso.load(flat);
        }
        policy.copy(flat, policyW, policyB);
        value.copy(flat, valueW, valueB);
    }

    /**
     * Writes the action logits of the observation at {@code obs[obsOffset ..]} to {@code logits[logitsOffset ..]}
     * and returns its value estimate.
     */
    public float forward(float[] obs, int obsOffset, float[] logits, int logitsOffset) {
        float[] x = obs;
        int xOff = obsOffset;
        if (conv != null) {
            // flattened (c, h, w) as DL4J feeds it to the dense layers; computed once for both towers, and the
            // towers' own scratch arrays leave it intact
            x = conv.forward(obs, obsOffset);
            xOff = 0;
        }
        float[] h = torso.forward(x, xOff);
        int hOff = torso.resultOffset(xOff);
        DenseMath.dense(policy.nIn(), numActions, policyW, policyB, h, hOff, logits, logitsOffset);
        if (valueTorso != null) {
            h = valueTorso.forward(x, xOff);
            hOff = valueTorso.resultOffset(xOff);
        }
        DenseMath.dense(value.nIn(), 1, valueW, valueB, h, hOff, v, 0);
        return v[0];
    }
}
