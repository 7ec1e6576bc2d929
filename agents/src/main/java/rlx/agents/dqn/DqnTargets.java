package rlx.agents.dqn;

/**
 * The pure arithmetic of DQN's learning targets, written out so each formula can be tested by hand. All arrays
 * are row-major {@code [batch, numActions]} where they hold Q-values.
 */
public final class DqnTargets {

    private DqnTargets() {
    }

    /**
     * TD targets {@code y = r + discount * Q_target(s', a*)}: {@code a* = argmax_a Q_target(s', a)} for DQN, or
     * {@code argmax_a Q_online(s', a)} for double DQN (van Hasselt et al. 2016) when {@code nextQOnline} is given.
     * {@code discount} is already 0 for terminal transitions and gamma^k for n-step ones.
     */
    public static void tdTargets(float[] rewards, float[] discounts, float[] nextQTarget, float[] nextQOnline,
                                 int batch, int numActions, float[] out) {
        for (int i = 0; i < batch; i++) {
            int row = i * numActions;
            int best = argmax(nextQOnline != null ? nextQOnline : nextQTarget, row, numActions);
            out[i] = rewards[i] + discounts[i] * nextQTarget[row + best];
        }
    }

    /**
     * Labels and per-output weights for a fit on the taken actions only: output {@code (i, a_i)} gets target
     * {@code y_i} and weight {@code w_i} (importance weight, 1 without prioritised replay); other outputs weight 0.
     */
    public static void takenActionLabels(int[] actions, float[] y, float[] weights, int batch, int numActions,
                                         float[] labels, float[] mask) {
        java.util.Arrays.fill(labels, 0, batch * numActions, 0f);
        java.util.Arrays.fill(mask, 0, batch * numActions, 0f);
        for (int i = 0; i < batch; i++) {
            int k = i * numActions + actions[i];
            labels[k] = y[i];
            mask[k] = weights[i];
        }
    }

    /** {@code td_i = y_i - Q(s_i, a_i)}; returns the mean of {@code Q(s_i, a_i)}. */
    public static double tdErrors(float[] q, int[] actions, float[] y, int batch, int numActions, float[] out) {
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            float taken = q[i * numActions + actions[i]];
            out[i] = y[i] - taken;
            sum += taken;
        }
        return sum / batch;
    }

    /** Polyak averaging {@code target = tau * online + (1 - tau) * target}, in place. */
    public static void polyak(float[] online, float[] target, double tau) {
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) (tau * online[i] + (1 - tau) * target[i]);
        }
    }

    static int argmax(float[] values, int offset, int n) {
        int best = 0;
        float bestValue = values[offset];
        for (int a = 1; a < n; a++) {
            if (values[offset + a] > bestValue) {
                bestValue = values[offset + a];
                best = a;
            }
        }
        return best;
    }
}
