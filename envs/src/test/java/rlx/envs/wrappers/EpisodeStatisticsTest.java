package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Step;
import rlx.envs.testing.FixedLengthEnv;
import rlx.envs.testing.MoveRightEnv;

class EpisodeStatisticsTest {

    /** A clock that advances 0.25 s every time it is read. */
    private static final class SteppingClock implements LongSupplier {
        private long nanos = 1_000_000_000L;

        @Override
        public long getAsLong() {
            long now = nanos;
            nanos += 250_000_000L;
            return now;
        }
    }

    @Test
    void lastStepCarriesReturnLengthAndTimeSummedByHand() {
        double[] rewards = {1, -2, 0.5, 4};
        var env = new EpisodeStatistics<>(FixedLengthEnv.withRewards(rewards), 10, new SteppingClock());
        env.reset(0);
        double handReturn = 0;
        Step<float[]> step = null;
        for (int t = 0; t < rewards.length; t++) {
            step = env.step(0);
            handReturn += step.reward();
            if (t < rewards.length - 1) {
                assertTrue(EpisodeStats.in(step.info()).isEmpty(), "no stats before the episode ends");
                assertEquals(handReturn, env.currentReturn());
                assertEquals(t + 1, env.currentLength());
            }
        }
        // the clock is read once at reset and once at the last step
        assertEquals(Optional.of(new EpisodeStats(handReturn, rewards.length, 0.25)), EpisodeStats.in(step.info()));
        assertEquals(3.5, handReturn);
        assertEquals(List.of(new EpisodeStats(3.5, 4, 0.25)), env.recentEpisodes());
    }

    @Test
    void truncatedEpisodesAreRecordedToo() {
        var env = new EpisodeStatistics<>(new TimeLimit<>(FixedLengthEnv.withRewards(1, 2, 3, 4), 2));
        env.reset(0);
        assertFalse(env.step(0).done());
        Step<float[]> last = env.step(0);
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        EpisodeStats stats = EpisodeStats.in(last.info()).orElseThrow();
        assertEquals(3.0, stats.episodeReturn());
        assertEquals(2, stats.length());
        assertTrue(stats.seconds() >= 0);
    }

    @Test
    void keepsTheLastBufferLengthEpisodesOldestFirst() {
        var env = new EpisodeStatistics<>(new MoveRightEnv(3), 2);
        // detours to the left make episodes of 2, 3 and 4 steps
        int[][] episodes = {{1, 1}, {0, 1, 1}, {0, 0, 1, 1}};
        for (int[] actions : episodes) {
            env.reset();
            for (int a : actions) {
                env.step(a);
            }
        }
        assertEquals(3, env.episodeCount());
        assertArrayEquals(new int[] {3, 4}, env.recentLengths());
        assertArrayEquals(new double[] {1, 1}, env.recentReturns());
        assertEquals(2, env.recentEpisodes().size());
    }

    @Test
    void resetDiscardsAnUnfinishedEpisode() {
        var env = new EpisodeStatistics<>(FixedLengthEnv.withRewards(5, 7));
        env.reset();
        env.step(0);
        env.reset();
        assertEquals(0.0, env.currentReturn());
        assertEquals(0, env.currentLength());
        env.step(0);
        EpisodeStats stats = EpisodeStats.in(env.step(0).info()).orElseThrow();
        assertEquals(12.0, stats.episodeReturn());
        assertEquals(2, stats.length());
        assertEquals(1, env.episodeCount());
    }

    @Test
    void refusesToBeAppliedTwice() {
        var twice = new EpisodeStatistics<>(new EpisodeStatistics<>(new FixedLengthEnv(1)));
        twice.reset();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> twice.step(0));
        assertTrue(e.getMessage().contains("applied twice"), e.getMessage());
    }

    @Test
    void rejectsANonPositiveBufferLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EpisodeStatistics<>(new FixedLengthEnv(1), 0));
        assertTrue(e.getMessage().contains("bufferLength (0)"), e.getMessage());
    }
}
