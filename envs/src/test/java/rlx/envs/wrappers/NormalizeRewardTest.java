package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import rlx.envs.core.Step;
import rlx.envs.testing.FixedLengthEnv;

class NormalizeRewardTest {

    private static final double EPS = NormalizeReward.DEFAULT_EPSILON;

    @Test
    void accumulatesTheDiscountedReturnAndScalesByItsStd() {
        var env = new NormalizeReward<>(FixedLengthEnv.withRewards(1, 2, 3), 0.5, EPS);
        env.reset(0);
        // returns 1, 0.5*1+2 = 2.5, 0.5*2.5+3 = 4.25; expected rewards: Gymnasium's RunningMeanStd update on these
        // returns, evaluated in NumPy (float64)
        assertEquals(70.71421321062337, env.step(0).reward(), 1e-9);
        assertEquals(1.0, env.discountedReturn());
        assertEquals(2.6662519637921394, env.step(0).reward(), 1e-12);
        assertEquals(2.5, env.discountedReturn());
        Step<float[]> last = env.step(0);
        assertEquals(2.2587147781711456, last.reward(), 1e-12);
        assertTrue(last.terminated());
        assertEquals(0.0, env.discountedReturn(), "the return restarts after the episode's last step");

        env.reset();
        assertEquals(0.7467952591761772, env.step(0).reward(), 1e-12);
        assertEquals(1.0, env.discountedReturn(), "nothing of the previous episode leaks in");
        assertEquals(1.6608567619781105, env.step(0).reward(), 1e-12);
        assertEquals(2.258777830254534, env.step(0).reward(), 1e-12);
        assertEquals(2.583290278495358, env.statistics().mean(0), 1e-12);
        assertEquals(1.7639873807639783, env.statistics().var(0), 1e-12);
        assertEquals(6 + RunningMeanStd.DEFAULT_INITIAL_COUNT, env.statistics().count(), 1e-12);
    }

    @Test
    void truncationAndResetAlsoRestartTheReturn() {
        var env = new NormalizeReward<>(new TimeLimit<>(new FixedLengthEnv(10), 2), 1.0, EPS);
        env.reset();
        env.step(0);
        Step<float[]> truncated = env.step(0);
        assertTrue(truncated.truncated());
        assertFalse(truncated.terminated());
        assertEquals(0.0, env.discountedReturn());
        env.reset();
        env.step(0);
        assertEquals(1.0, env.discountedReturn());
        env.reset();
        assertEquals(0.0, env.discountedReturn(), "a reset mid-episode restarts it as well");
    }

    @Test
    void keepsTheSignOfRewards() {
        var env = new NormalizeReward<>(FixedLengthEnv.withRewards(-4, 0, 2, -1));
        env.reset();
        assertTrue(env.step(0).reward() < 0);
        assertEquals(0.0, env.step(0).reward());
        assertTrue(env.step(0).reward() > 0);
        assertTrue(env.step(0).reward() < 0);
    }

    @Test
    void frozenStatisticsStayPutWhileTheReturnStillAccumulates() {
        var env = new NormalizeReward<>(FixedLengthEnv.withRewards(1, 2, 3, 4), 0.9, EPS);
        env.reset();
        env.step(0);
        env.setFrozen(true);
        assertTrue(env.frozen());
        RunningMeanStd.State before = env.statistics().state();
        double scale = 1 / Math.sqrt(before.var()[0] + EPS);
        assertEquals(2 * scale, env.step(0).reward(), 1e-12);
        assertEquals(3 * scale, env.step(0).reward(), 1e-12);
        assertEquals(before, env.statistics().state());
        assertEquals(0.9 * (0.9 * 1 + 2) + 3, env.discountedReturn(), 1e-12);

        env.setFrozen(false);
        env.step(0);
        assertEquals(before.count() + 1, env.statistics().count(), 1e-12);
    }

    @Test
    void episodeStatisticsInsideSeeTheRawRewards() {
        var stats = new EpisodeStatistics<>(FixedLengthEnv.withRewards(3, 3));
        var env = new NormalizeReward<>(stats);
        env.reset();
        double normalizedSum = env.step(0).reward();
        Step<float[]> last = env.step(0);
        normalizedSum += last.reward();
        assertEquals(6.0, EpisodeStats.in(last.info()).orElseThrow().episodeReturn());
        assertTrue(Math.abs(normalizedSum - 6.0) > 1, "the caller sees scaled rewards: " + normalizedSum);
    }

    @Test
    void acceptsTheGammaBoundsAndRejectsBadParameters() {
        new NormalizeReward<>(new FixedLengthEnv(1), 0.0, EPS);
        new NormalizeReward<>(new FixedLengthEnv(1), 1.0, EPS);
        assertMessage("gamma (-0.1)", () -> new NormalizeReward<>(new FixedLengthEnv(1), -0.1, EPS));
        assertMessage("gamma (1.01)", () -> new NormalizeReward<>(new FixedLengthEnv(1), 1.01, EPS));
        assertMessage("gamma (NaN)", () -> new NormalizeReward<>(new FixedLengthEnv(1), Double.NaN, EPS));
        assertMessage("epsilon (0.0)", () -> new NormalizeReward<>(new FixedLengthEnv(1), 0.99, 0));
        assertMessage("epsilon (Infinity)",
                () -> new NormalizeReward<>(new FixedLengthEnv(1), 0.99, Double.POSITIVE_INFINITY));
    }

    private static void assertMessage(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks " + fragment);
    }
}
