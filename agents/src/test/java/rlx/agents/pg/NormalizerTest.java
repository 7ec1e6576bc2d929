package rlx.agents.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import rlx.envs.wrappers.RunningMeanStd;

class NormalizerTest {

    private static RunningMeanStd.State state(double mean, double var, double count) {
        return new RunningMeanStd.State(new double[] {mean}, new double[] {var}, count);
    }

    @Test
    void shiftsScalesAndClips() {
        Normalizer n = new Normalizer(3, 2, new RunningMeanStd.State(new double[] {1, -2}, new double[] {4, 0.25}, 10),
                state(0, 9, 10));
        float[] out = new float[4];
        n.normalize(new float[] {3, -2, 100, -3}, 2, 2, out);
        assertArrayEquals(new float[] {1, 0, 3, -2}, out, 1e-6f);
        assertEquals(1.0 / 3, n.scaleReward(1), 1e-9);
        assertEquals(-2, n.scaleReward(-30), 1e-9, "clipped");
        Normalizer rewardsOnly = new Normalizer(3, 2, null, state(0, 9, 10));
        rewardsOnly.normalize(new float[] {3, -2, 100, -3}, 2, 2, out);
        assertArrayEquals(new float[] {3, -2, 100, -3}, out, "observations pass through");
    }

    @Test
    void updatesMergeWhatRunnersSawIntoTheStatistics() {
        Normalizer n = Normalizer.initial(new NormalizeConfig(true, false, 10, 10), 1);
        assertNull(n.returns());
        // two runners saw {1, 3} and {5}: the union {1, 3, 5} has mean 3 and variance 8/3
        Normalizer after = n.update(RunningMeanStd.moments(new float[] {1, 3}, 0, 2, 1), null)
                .update(RunningMeanStd.moments(new float[] {5}, 0, 1, 1), null);
        double prior = RunningMeanStd.DEFAULT_INITIAL_COUNT;
        assertEquals(3 + prior, after.observations().count(), 1e-12);
        assertEquals(3, after.observations().mean()[0], 1e-3);
        assertEquals(8.0 / 3, after.observations().var()[0], 1e-3);
        assertEquals(n.observations(), n.update(null, null).observations(), "nothing seen changes nothing");
    }
}
