package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Env;
import rlx.envs.core.Step;
import rlx.envs.testing.FixedLengthEnv;
import rlx.envs.testing.MoveRightEnv;

class ActionRepeatTest {

    @Test
    void repeatsTheActionKTimes() {
        MoveRightEnv chain = new MoveRightEnv(10);
        var env = new ActionRepeat<>(chain, 3);
        env.reset();
        Step<float[]> step = env.step(1);
        assertEquals(3, chain.position());
        assertEquals(3, chain.stepCount());
        assertEquals(1f, step.observation()[3], "the last observation is returned");
        env.step(0);
        assertEquals(0, chain.position(), "left three times from cell 3");
    }

    @Test
    void sumsRewardsAndStopsAtTermination() {
        FixedLengthEnv inner = FixedLengthEnv.withRewards(1, 2, 4, 8, 16);
        var env = new ActionRepeat<>(inner, 2);
        env.reset();
        assertEquals(3.0, env.step(0).reward());
        assertEquals(12.0, env.step(0).reward());
        Step<float[]> last = env.step(0);
        assertEquals(16.0, last.reward(), "only the one step left in the episode");
        assertTrue(last.terminated());
        assertFalse(last.truncated());
        assertArrayEquals(new float[] {5}, last.observation());
        assertEquals(5, inner.stepCount(), "no step after termination");
    }

    @Test
    void stopsAtATruncationInsideAndCarriesTheFlag() {
        FixedLengthEnv inner = new FixedLengthEnv(10);
        var env = new ActionRepeat<>(new TimeLimit<>(inner, 4), 3);
        env.reset();
        assertEquals(3.0, env.step(0).reward());
        Step<float[]> last = env.step(0);
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertEquals(1.0, last.reward());
        assertEquals(4, inner.stepCount());
    }

    @Test
    void timeLimitOutsideCountsDecisions() {
        FixedLengthEnv inner = new FixedLengthEnv(100);
        var env = new TimeLimit<>(new ActionRepeat<>(inner, 3), 2);
        env.reset();
        assertFalse(env.step(0).done());
        Step<float[]> last = env.step(0);
        assertTrue(last.truncated());
        assertEquals(3.0, last.reward());
        assertArrayEquals(new float[] {6}, last.observation());
        assertEquals(6, inner.stepCount());
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void episodeStatisticsCountPrimitiveStepsInsideAndDecisionsOutside() {
        var inside = new EpisodeStatistics<>(new FixedLengthEnv(7));
        runEpisode(new ActionRepeat<>(inside, 3));
        var outside = new EpisodeStatistics<>(new ActionRepeat<>(new FixedLengthEnv(7), 3));
        runEpisode(outside);
        assertArrayEquals(new int[] {7}, inside.recentLengths());
        assertArrayEquals(new int[] {3}, outside.recentLengths(), "3 + 3 + 1 primitive steps");
        assertArrayEquals(new double[] {7}, inside.recentReturns());
        assertArrayEquals(new double[] {7}, outside.recentReturns(), "the summed rewards add up to the same return");
    }

    private static void runEpisode(Env<float[], Integer> env) {
        env.reset();
        Step<float[]> step;
        do {
            step = env.step(1);
        } while (!step.done());
    }

    @Test
    void convertsTheSpecTimeLimitToDecisions() {
        assertEquals(4, new ActionRepeat<>(new FixedLengthEnv(10, 10), 3).spec().maxEpisodeSteps());
        assertEquals(2, new ActionRepeat<>(new FixedLengthEnv(10, 10), 5).spec().maxEpisodeSteps());
        assertEquals(10, new ActionRepeat<>(new FixedLengthEnv(10, 10), 1).spec().maxEpisodeSteps());
        assertEquals(0, new ActionRepeat<>(new FixedLengthEnv(10), 3).spec().maxEpisodeSteps(), "no limit stays none");
        var spec = new ActionRepeat<>(new MoveRightEnv(4), 2).spec();
        assertEquals(new MoveRightEnv(4).spec(), spec, "spaces and the rest pass through");
    }

    @Test
    void rejectsNonPositiveK() {
        for (int k : new int[] {0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ActionRepeat<>(new FixedLengthEnv(3), k));
            assertTrue(e.getMessage().contains("k (" + k + ")"), e.getMessage());
        }
    }
}
