package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Step;
import rlx.envs.testing.FixedLengthEnv;

class ScaleRewardTest {

    @Test
    void multipliesRewardsAndPassesTheRestThrough() {
        var env = new ScaleReward<>(FixedLengthEnv.withRewards(2, -4), 0.25);
        env.reset();
        Step<float[]> first = env.step(0);
        assertEquals(0.5, first.reward());
        assertArrayEquals(new float[] {1}, first.observation());
        Step<float[]> last = env.step(0);
        assertEquals(-1.0, last.reward());
        assertTrue(last.terminated());
    }

    @Test
    void rejectsNonFiniteFactors() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ScaleReward<>(new FixedLengthEnv(1), bad));
            assertTrue(e.getMessage().contains("factor (" + bad + ")"), e.getMessage());
        }
    }
}
