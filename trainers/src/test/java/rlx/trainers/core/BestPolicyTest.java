package rlx.trainers.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestPolicyTest {

    @TempDir
    Path checkpoints;

    private static EvalRecord eval(long steps, double mean) {
        return new EvalRecord(steps, 10, mean, 1.0, 100, false);
    }

    @Test
    void keepsOnlyEvaluationsThatBeatEveryEarlierOne() throws IOException {
        BestPolicy best = new BestPolicy(checkpoints);
        assertTrue(best.record().isEmpty());
        assertTrue(best.offer(eval(1000, 50), new float[] {1, 2}, dir -> Files.writeString(dir.resolve("x"), "a")));
        assertTrue(best.offer(eval(2000, 80), new float[] {3, 4}, dir -> Files.writeString(dir.resolve("x"), "b")));
        assertFalse(best.offer(eval(3000, 80), new float[] {5, 6}, dir -> { }), "a tie is not an improvement");
        assertFalse(best.offer(eval(4000, 20), new float[] {7, 8}, dir -> { }), "a collapse keeps the best");
        assertFalse(best.offer(eval(5000, Double.NaN), new float[] {9, 9}, dir -> { }));
        assertEquals(2000, best.record().orElseThrow().envSteps());
        assertArrayEquals(new float[] {3, 4}, best.params());
        assertEquals("b", Files.readString(best.dir().resolve("x")));
        try (var left = Files.list(checkpoints)) {
            assertEquals(1, left.count(), "only best/ remains, no temporary directory");
        }
    }

    @Test
    void aResumedRunKeepsTheBestOfEarlierSessions() throws IOException {
        new BestPolicy(checkpoints).offer(eval(1000, 300), new float[] {0.5f, -1.5f}, dir -> { });
        BestPolicy resumed = new BestPolicy(checkpoints);
        assertEquals(300, resumed.record().orElseThrow().meanReturn());
        assertArrayEquals(new float[] {0.5f, -1.5f}, resumed.params());
        assertFalse(resumed.offer(eval(2000, 250), new float[] {1, 1}, dir -> { }));
        var summary = resumed.summary(new EvalRecord(2000, 100, 280, 12, 200, true));
        assertEquals(1000L, summary.get("env_steps"));
        assertEquals(300.0, summary.get("periodic_mean_return"));
        assertEquals(280.0, summary.get("mean_return"));
        assertEquals(100, summary.get("episodes"));
    }

    @Test
    void aPolicyKeptAfterTheCheckpointARunRestartsFromIsDropped() throws IOException {
        new BestPolicy(checkpoints).offer(eval(3000, 300), new float[] {1}, dir -> { });
        BestPolicy resumed = new BestPolicy(checkpoints);
        resumed.startAt(3000);
        assertEquals(3000, resumed.record().orElseThrow().envSteps(), "kept at the checkpoint: stays");
        resumed.startAt(2000);
        assertTrue(resumed.record().isEmpty(), "kept after the checkpoint: its evaluation is cut from eval.csv");
        assertFalse(Files.exists(resumed.dir()));
        assertTrue(new BestPolicy(checkpoints).record().isEmpty());
        assertTrue(resumed.offer(eval(2500, 10), new float[] {2}, dir -> { }), "the next evaluation chooses again");
    }

    @Test
    void checkpointListingIgnoresTheBestPolicy() throws IOException {
        new BestPolicy(checkpoints).offer(eval(1000, 1), new float[] {1}, dir -> { });
        assertTrue(new Checkpoints(checkpoints, 2).latest().isEmpty());
    }
}
