package rlx.trainers.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.dqn.DqnConfig;
import rlx.envs.core.EnvRegistry;
import rlx.envs.testing.MoveRightEnv;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

class LocalDqnTrainerTest {

    private static final int CHAIN = 8;

    private static EnvRegistry chainRegistry() {
        return new EnvRegistry().register(MoveRightEnv.ID, k -> new MoveRightEnv(CHAIN, 40));
    }

    private static TrainSettings settings(long totalSteps, long checkpointInterval, int numEnvs) {
        return new TrainSettings(MoveRightEnv.ID, Map.of(), numEnvs, totalSteps, 7, 0, 5, 10, 5, checkpointInterval);
    }

    /** Records what the trainer reports; can simulate a kill after a given step. */
    private static final class Recorder implements TrainingListener {
        final List<EpisodeRecord> episodes = new ArrayList<>();
        final List<EvalRecord> evals = new ArrayList<>();
        final List<Long> checkpoints = new ArrayList<>();
        final long killAfter;

        Recorder(long killAfter) {
            this.killAfter = killAfter;
        }

        @Override
        public void onEpisode(EpisodeRecord e) {
            episodes.add(e);
        }

        @Override
        public void onEval(EvalRecord e) {
            evals.add(e);
        }

        @Override
        public void onCheckpoint(long envSteps, Path dir) {
            checkpoints.add(envSteps);
        }

        @Override
        public void onProgress(long envSteps, long episodes, double stepsPerSecond) {
            if (envSteps > killAfter) {
                throw new IllegalStateException("simulated kill at " + envSteps + " env steps");
            }
        }
    }

    @Test
    void learnsTheOptimalPolicyOnADeterministicChain(@TempDir Path dir) throws Exception {
        DqnConfig config = TestConfigs.dqn(List.of(32), 5e-3, 32, 200, 1, 200, 0.5, 1, false);
        Recorder recorder = new Recorder(Long.MAX_VALUE);

        TrainOutcome outcome = new LocalDqnTrainer(config, settings(4000, 0, 1), chainRegistry(), dir, recorder)
                .run(false);

        EvalRecord eval = outcome.finalEval();
        assertTrue(eval.isFinal());
        assertEquals(10, eval.episodes());
        // the optimum walks right: CHAIN - 1 steps for a return of 1; a random walk rarely finishes in 40 steps
        assertEquals(1.0, eval.meanReturn(), 1e-9);
        assertEquals(CHAIN - 1, eval.meanLength(), 1e-9);
        assertEquals(4000, outcome.envSteps());
    }

    @Test
    void keepsThePolicyOfTheBestPeriodicEvaluationAndEvaluatesItAtTheEnd(@TempDir Path dir) throws Exception {
        DqnConfig config = TestConfigs.dqn(List.of(32), 5e-3, 32, 200, 1, 200, 0.5, 1, false);
        Recorder recorder = new Recorder(Long.MAX_VALUE);
        TrainSettings evaluated = new TrainSettings(MoveRightEnv.ID, Map.of(), 1, 4000, 7, 250, 5, 10, 5, 0);

        TrainOutcome outcome = new LocalDqnTrainer(config, evaluated, chainRegistry(), dir, recorder).run(false);

        EvalRecord firstBest = recorder.evals.stream().filter(e -> !e.isFinal())
                .reduce((a, b) -> b.meanReturn() > a.meanReturn() ? b : a).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) outcome.extra().get("best_eval");
        assertEquals(firstBest.envSteps(), best.get("env_steps"), "the earliest of the best evaluations is kept");
        assertEquals(firstBest.meanReturn(), best.get("periodic_mean_return"));
        assertEquals(10, best.get("episodes"));
        // the chain is deterministic: the kept parameters walk the same walk again
        assertEquals(firstBest.meanReturn(), (Double) best.get("mean_return"), 1e-9);
        assertTrue(Files.isRegularFile(dir.resolve("best").resolve("params.bin")));
    }

    @Test
    void reportsEveryEpisodeWithConsistentCounters(@TempDir Path dir) throws Exception {
        DqnConfig config = TestConfigs.dqn(List.of(16), 1e-3, 32, 100, 2, 100, 0.3, 3, true);
        Recorder recorder = new Recorder(Long.MAX_VALUE);

        TrainOutcome outcome = new LocalDqnTrainer(config, settings(1500, 500, 3), chainRegistry(), dir, recorder)
                .run(false);

        assertEquals(outcome.episodes(), recorder.episodes.size());
        for (int i = 0; i < recorder.episodes.size(); i++) {
            EpisodeRecord e = recorder.episodes.get(i);
            assertEquals(i + 1, e.episodes());
            assertTrue(e.episodeLength() >= CHAIN - 1 && e.episodeLength() <= 40, "length " + e.episodeLength());
            assertTrue(e.episodeReturn() == 0.0 || e.episodeReturn() == 1.0);
            if (i > 0) {
                assertTrue(e.envSteps() >= recorder.episodes.get(i - 1).envSteps());
            }
        }
        // three copies: total steps are a multiple of 3 at or just past the budget
        assertEquals(1500, outcome.envSteps());
        assertEquals(List.of(501L, 1002L, 1500L), recorder.checkpoints);
    }

    @Test
    void resumesAfterAKillFromTheLastCheckpointWithoutLosingOrRepeatingEpisodes(@TempDir Path dir) throws Exception {
        DqnConfig config = TestConfigs.dqn(List.of(16), 1e-3, 32, 100, 1, 100, 0.5, 1, false);
        Recorder killed = new Recorder(1700);
        LocalDqnTrainer first = new LocalDqnTrainer(config, settings(3000, 1000, 1), chainRegistry(), dir, killed);
        assertThrows(IllegalStateException.class, () -> first.run(false));
        assertEquals(List.of(1000L), killed.checkpoints);
        Path checkpoint = new Checkpoints(dir, 2).latest().orElseThrow();
        assertTrue(Files.isRegularFile(checkpoint.resolve("replay.bin")));
        assertTrue(Files.isDirectory(checkpoint.resolve("learner")));
        long episodesAtCheckpoint = killed.episodes.stream().filter(e -> e.envSteps() <= 1000).count();

        Recorder resumed = new Recorder(Long.MAX_VALUE);
        TrainOutcome outcome = new LocalDqnTrainer(config, settings(3000, 1000, 1), chainRegistry(), dir, resumed)
                .run(true);

        assertEquals(3000, outcome.envSteps());
        // numbering continues right after the checkpoint: nothing counted twice, nothing skipped
        assertEquals(episodesAtCheckpoint + 1, resumed.episodes.get(0).episodes());
        assertTrue(resumed.episodes.get(0).envSteps() > 1000);
        assertEquals(outcome.episodes(), episodesAtCheckpoint + resumed.episodes.size());
        assertEquals(List.of(2000L, 3000L), resumed.checkpoints);
    }

    @Test
    void refusesAContinuousActionSpace(@TempDir Path dir) {
        DqnConfig config = TestConfigs.dqn(List.of(8), 1e-3, 32, 100, 1, 100, 0.5, 1, false);
        TrainSettings pendulum = new TrainSettings("Pendulum-v1", Map.of(), 1, 100, 1, 0, 1, 1, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LocalDqnTrainer(config, pendulum, EnvRegistry.standard(), dir, new Recorder(0)).run(false));
        assertTrue(e.getMessage().contains("discrete action space"), e.getMessage());
    }
}
