package rlx.agents.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaeTest {

    /** Two copies, three steps; copy 0's episode ends at t = 1. */
    private static Rollout rollout() {
        float[] rewards = {1, 2, 3, 4, 5, 6};
        boolean[] dones = {false, false, true, false, false, false};
        float[] values = {0.5f, 1f, 1.5f, 2f, 2.5f, 3f};
        return new Rollout(2, 3, 1, new float[6], new int[6], rewards, dones, values, new float[6],
                new float[] {10f, 20f}, 0, new double[0], new int[0], 0);
    }

    @Test
    void lambdaOneGivesDiscountedReturnsCutAtEpisodeEnds() {
        float[] adv = new float[6];
        float[] ret = new float[6];
        double g = 0.9;
        Gae.compute(rollout(), g, 1.0, adv, ret);
        // copy 0: t=1 ends its episode (reward 3); t=2 bootstraps from lastValues[0] = 10
        assertEquals(1 + g * 3, ret[0], 1e-5);
        assertEquals(3, ret[2], 1e-5);
        assertEquals(5 + g * 10, ret[4], 1e-5);
        // copy 1 runs on: 2 + g 4 + g^2 6 + g^3 20
        assertEquals(2 + g * 4 + g * g * 6 + g * g * g * 20, ret[1], 1e-4);
        for (int k = 0; k < 6; k++) {
            assertEquals(ret[k] - rollout().values()[k], adv[k], 1e-5, "advantage = return - value at " + k);
        }
    }

    @Test
    void lambdaZeroGivesOneStepTdErrors() {
        float[] adv = new float[6];
        float[] ret = new float[6];
        double g = 0.9;
        Gae.compute(rollout(), g, 0.0, adv, ret);
        assertEquals(1 + g * 1.5 - 0.5, adv[0], 1e-5);
        assertEquals(3 - 1.5, adv[2], 1e-5, "terminal: no bootstrap");
        assertEquals(6 + g * 20 - 3, adv[5], 1e-5);
        assertEquals(4 + g * 3 - 2, adv[3], 1e-5);
    }

    @Test
    void intermediateLambdaMixesTdErrors() {
        float[] adv = new float[6];
        float[] ret = new float[6];
        double g = 0.9;
        double l = 0.5;
        Gae.compute(rollout(), g, l, adv, ret);
        double d5 = 6 + g * 20 - 3;
        double d3 = 4 + g * 3 - 2;
        double d1 = 2 + g * 2 - 1;
        assertEquals(d1 + g * l * (d3 + g * l * d5), adv[1], 1e-4);
    }
}
