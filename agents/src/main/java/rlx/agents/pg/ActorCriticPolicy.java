package rlx.agents.pg;

import java.util.random.RandomGenerator;
import rlx.agents.core.ParamsSnapshot;
import rlx.networks.ac.ActorCriticForward;

/**
 * Acting with an actor-critic network in plain Java: sample from the softmax of the logits (training) or take the
 * most probable action (evaluation). Not thread-safe.
 */
public final class ActorCriticPolicy {

    private final ActorCriticForward forward;
    private final float[] logits;
    private long version = -1;

    public ActorCriticPolicy(ActorCriticForward forward) {
        this.forward = forward;
        this.logits = new float[forward.numActions()];
    }

    public void load(ParamsSnapshot params) {
        forward.load(params.flat());
        version = params.version();
    }

    /** Version of the loaded parameters (-1 before the first load). */
    public long version() {
        return version;
    }

    public int inputSize() {
        return forward.inputSize();
    }

    /**
     * Samples one action per observation; writes its log-probability and the observation's value estimate at
     * {@code out*[outOffset + i]}.
     */
    public void sample(float[] obs, int numEnvs, RandomGenerator rng, int[] actions, float[] logProbs, float[] values,
                       int outOffset) {
        int in = forward.inputSize();
        for (int i = 0; i < numEnvs; i++) {
            float v = forward.forward(obs, i * in, logits, 0);
            double max = Double.NEGATIVE_INFINITY;
            for (float z : logits) {
                max = Math.max(max, z);
            }
            double sum = 0;
            for (float z : logits) {
                sum += Math.exp(z - max);
            }
            double u = rng.nextDouble() * sum;
            int a = 0;
            double acc = Math.exp(logits[0] - max);
            while (acc < u && a < logits.length - 1) {
                a++;
                acc += Math.exp(logits[a] - max);
            }
            actions[i] = a;
            logProbs[outOffset + i] = (float) (logits[a] - max - Math.log(sum));
            values[outOffset + i] = v;
        }
    }

    /** The value estimate of the observation at {@code obs[offset ..]}. */
    public float value(float[] obs, int offset) {
        return forward.forward(obs, offset, logits, 0);
    }

    /** The most probable action for each observation (lowest index among ties). */
    public void greedy(float[] obs, int numEnvs, int[] actions) {
        int in = forward.inputSize();
        for (int i = 0; i < numEnvs; i++) {
            forward.forward(obs, i * in, logits, 0);
            int best = 0;
            for (int a = 1; a < logits.length; a++) {
                if (logits[a] > logits[best]) {
                    best = a;
                }
            }
            actions[i] = best;
        }
    }
}
