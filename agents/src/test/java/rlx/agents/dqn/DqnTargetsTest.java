package rlx.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DqnTargetsTest {

    private static final float EPS = 1e-6f;

    @Test
    void dqnTargetBootstrapsFromTheMaxOfTheTargetNetwork() {
        float[] rewards = {1f, -1f};
        float[] discounts = {0.9f, 0.5f};
        float[] nextQTarget = {
            2f, 5f, 3f,    // max 5 at action 1
            4f, -2f, 1f};  // max 4 at action 0
        float[] y = {Float.NaN, Float.NaN, 77f};
        DqnTargets.tdTargets(rewards, discounts, nextQTarget, null, 2, 3, y);
        assertEquals(1 + 0.9 * 5, y[0], EPS);   // 5.5
        assertEquals(-1 + 0.5 * 4, y[1], EPS);  // 1.0
        assertEquals(77f, y[2], "rows past the batch are not written");
    }

    @Test
    void doubleDqnEvaluatesTheTargetNetworkAtTheOnlineArgmax() {
        float[] rewards = {1f, -1f};
        float[] discounts = {0.9f, 0.5f};
        float[] nextQTarget = {
            2f, 5f, 3f,
            4f, -2f, 1f};
        // the online network prefers other actions than the target network: 0 in row 0, 2 in row 1
        float[] nextQOnline = {
            9f, 0f, 1f,
            0f, 0f, 7f};
        float[] y = new float[2];
        DqnTargets.tdTargets(rewards, discounts, nextQTarget, nextQOnline, 2, 3, y);
        assertEquals(1 + 0.9 * 2, y[0], EPS);   // 2.8, not DQN's 5.5
        assertEquals(-1 + 0.5 * 1, y[1], EPS);  // -0.5, not DQN's 1.0
    }

    @Test
    void terminalTransitionIgnoresNextStateValues() {
        float[] y = new float[2];
        DqnTargets.tdTargets(new float[] {2f, -3f}, new float[] {0f, 0f},
                new float[] {1e6f, 2e6f, -5e6f, -1e6f}, null, 2, 2, y);
        assertEquals(2f, y[0]);
        assertEquals(-3f, y[1]);
        DqnTargets.tdTargets(new float[] {2f, -3f}, new float[] {0f, 0f},
                new float[] {1e6f, 2e6f, -5e6f, -1e6f}, new float[] {0f, 1f, 1f, 0f}, 2, 2, y);
        assertEquals(2f, y[0]);
        assertEquals(-3f, y[1]);
    }

    @Test
    void nStepDiscountIsUsedAsGiven() {
        // a 3-step transition with gamma 0.9 arrives with discount 0.729; it must not be multiplied by gamma again
        float[] y = new float[1];
        DqnTargets.tdTargets(new float[] {0.5f}, new float[] {0.729f}, new float[] {10f, 0f}, null, 1, 2, y);
        assertEquals(0.5 + 7.29, y[0], 1e-5);
    }

    @Test
    void takenActionLabelsMarkOnlyTheTakenActionAndClearStaleEntries() {
        float[] labels = new float[6];
        float[] mask = new float[6];
        java.util.Arrays.fill(labels, 9f);
        java.util.Arrays.fill(mask, 7f);
        DqnTargets.takenActionLabels(new int[] {2, 0}, new float[] {1.5f, -2f}, new float[] {1f, 0.25f}, 2, 3,
                labels, mask);
        assertArrayEquals(new float[] {0f, 0f, 1.5f, -2f, 0f, 0f}, labels);
        assertArrayEquals(new float[] {0f, 0f, 1f, 0.25f, 0f, 0f}, mask);

        // a second call with other actions leaves nothing of the first behind
        DqnTargets.takenActionLabels(new int[] {0, 1}, new float[] {3f, 4f}, new float[] {0.5f, 1f}, 2, 3,
                labels, mask);
        assertArrayEquals(new float[] {3f, 0f, 0f, 0f, 4f, 0f}, labels);
        assertArrayEquals(new float[] {0.5f, 0f, 0f, 0f, 1f, 0f}, mask);
    }

    @Test
    void tdErrorsAreTargetMinusTakenQAndTheMeanIsOverTakenQ() {
        float[] q = {
            1f, 2f, 3f,
            4f, 5f, 6f};
        float[] td = new float[2];
        double meanQ = DqnTargets.tdErrors(q, new int[] {1, 2}, new float[] {5f, 0f}, 2, 3, td);
        assertArrayEquals(new float[] {5f - 2f, 0f - 6f}, td);
        assertEquals((2.0 + 6.0) / 2, meanQ);
    }

    @Test
    void polyakBlendsWithTau() {
        float[] online = {1f, 2f, -4f};

        float[] target = {3f, -2f, 0f};
        DqnTargets.polyak(online, target, 1.0);
        assertArrayEquals(new float[] {1f, 2f, -4f}, target, "tau 1 copies");

        target = new float[] {3f, -2f, 0f};
        DqnTargets.polyak(online, target, 0.5);
        assertArrayEquals(new float[] {2f, 0f, -2f}, target, "tau 0.5 is the midpoint");

        target = new float[] {3f, -2f, 0f};
        DqnTargets.polyak(online, target, 0.005);
        // 0.005 * 1 + 0.995 * 3, 0.005 * 2 + 0.995 * -2, 0.005 * -4 + 0.995 * 0
        assertArrayEquals(new float[] {2.99f, -1.98f, -0.02f}, target, EPS);
        assertArrayEquals(new float[] {1f, 2f, -4f}, online, "online is not touched");
    }
}
