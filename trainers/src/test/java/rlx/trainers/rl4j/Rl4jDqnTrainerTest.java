package rlx.trainers.rl4j;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.envs.testing.FakeEnv;
import rlx.envs.testing.FixedLengthEnv;
import rlx.envs.testing.MoveRightEnv;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.eval.EvalResult;
import rlx.trainers.eval.Evaluator;

class Rl4jDqnTrainerTest {

    /** A small, fast learner: learning from the first batch, epsilon down to 0.1 over 1,000 steps. */
    static final Rl4jDqnConfig SMALL = Rl4jDqnConfig.defaults().toBuilder()
            .bufferSize(1_000).batchSize(32).learningStarts(0).targetUpdateInterval(100)
            .explorationEnd(0.1).explorationSteps(1_000).numLayers(2).numHiddenNodes(32).learningRate(1e-3)
            .build();

    static TrainSettings settings(String envId, long totalSteps, long seed, long evalInterval, int evalEpisodes,
                                  int finalEpisodes, int evalEnvs) {
        return new TrainSettings(envId, Map.of(), 1, totalSteps, seed, evalInterval, evalEpisodes, finalEpisodes,
                evalEnvs, 0);
    }

    @Test
    void cartPoleRunReportsEpisodesEvaluatesAndSavesAReloadablePolicy(@TempDir Path tmp) throws IOException {
        long seed = 7;
        TrainSettings settings = settings("CartPole-v1", 2_000, seed, 1_000, 2, 5, 2);
        RecordingListener rec = new RecordingListener();
        Path checkpointDir = tmp.resolve("checkpoints");

        TrainOutcome outcome = new Rl4jDqnTrainer(SMALL, settings, EnvRegistry.standard(), checkpointDir, rec).run();

        List<EpisodeRecord> episodes = rec.episodes;
        assertTrue(episodes.size() >= 10, "2,000 CartPole steps hold many episodes: " + episodes.size());
        long sum = 0;
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeRecord e = episodes.get(i);
            sum += e.episodeLength();
            assertEquals(i + 1, e.episodes(), "episodes are numbered in order");
            assertEquals(sum, e.envSteps(), "env steps at episode " + (i + 1) + " are the lengths so far");
            // CartPole pays 1 per step: the reported return is the env's, not RL4J's scaled one
            assertEquals(e.episodeLength(), e.episodeReturn(), 1e-9);
            assertTrue(e.episodeReturn() > 0 && e.episodeLength() <= 500, e.toString());
            assertTrue(e.epsilon() >= 0.1 - 1e-12 && e.epsilon() <= 1, e.toString());
            assertTrue(e.stepsPerSecond() > 0 && e.wallSeconds() > 0, e.toString());
            if (i > 0) {
                assertTrue(e.envSteps() > episodes.get(i - 1).envSteps(), "env steps increase");
                assertTrue(e.epsilon() <= episodes.get(i - 1).epsilon(), "epsilon never rises");
            }
        }
        EpisodeRecord last = episodes.get(episodes.size() - 1);
        assertTrue(last.envSteps() <= 2_000);
        assertTrue(episodes.get(0).epsilon() > last.epsilon(), "epsilon decays");
        assertTrue(Double.isFinite(last.loss()) && last.loss() >= 0, "learning ran: loss " + last.loss());
        assertTrue(Double.isFinite(last.meanQ()), "meanQ " + last.meanQ());

        assertEquals(2_000, outcome.envSteps(), "exactly the step budget, the cut last episode included");
        assertEquals(episodes.size(), outcome.episodes());
        assertTrue(outcome.stepsPerSecond() > 0 && outcome.wallSeconds() > 0);

        assertFalse(rec.progress.isEmpty(), "progress is reported");
        for (int i = 1; i < rec.progress.size(); i++) {
            assertTrue(rec.progress.get(i).envSteps() - rec.progress.get(i - 1).envSteps() >= Rl4jRun.PROGRESS_STEPS);
        }

        // one evaluation at the first episode end past 1,000 steps, then the final one, last of all reports
        assertEquals(2, rec.evals.size(), rec.evals.toString());
        EvalRecord periodic = rec.evals.get(0);
        assertFalse(periodic.isFinal());
        assertEquals(2, periodic.episodes());
        assertTrue(periodic.envSteps() >= 1_000 && periodic.envSteps() < 2_000);
        EvalRecord finalEval = outcome.finalEval();
        assertEquals(finalEval, rec.evals.get(1));
        assertTrue(finalEval.isFinal());
        assertEquals(5, finalEval.episodes());
        assertEquals(2_000, finalEval.envSteps());
        assertTrue(finalEval.meanReturn() > 0 && finalEval.meanLength() > 0);

        // the final checkpoint, laid out by Checkpoints
        assertEquals(1, rec.checkpoints.size());
        Path dir = rec.checkpoints.get(0).dir();
        assertEquals(2_000, rec.checkpoints.get(0).envSteps());
        assertEquals(dir, new Checkpoints(checkpointDir, 1).latest().orElseThrow());
        assertEquals(2_000, Checkpoints.envSteps(dir));
        assertTrue(Files.size(dir.resolve(Rl4jDqnTrainer.NETWORK_FILE)) > 0);

        // the saved policy plays the final evaluation again, episode for episode
        DiscretePolicy loaded = Rl4jDqnTrainer.loadPolicy(dir);
        EvalResult again = new Evaluator(EnvRegistry.standard(), "CartPole-v1", Map.of(), 2)
                .run(loaded, 5, Seeds.derive(Seeds.derive(seed, "eval"), 2_000));
        assertEquals(finalEval.meanReturn(), again.meanReturn(), 0.0);
        assertEquals(finalEval.meanLength(), again.meanLength(), 0.0);
        assertEquals(finalEval.stdReturn(), again.stdReturn(), 0.0);
    }

    @Test
    void theBudgetCutsTheLastEpisodeWhichIsNotReported(@TempDir Path tmp) throws IOException {
        EnvRegistry registry = new EnvRegistry().register(FixedLengthEnv.ID, args -> new FixedLengthEnv(7));
        RecordingListener rec = new RecordingListener();
        TrainOutcome outcome = new Rl4jDqnTrainer(SMALL, settings(FixedLengthEnv.ID, 20, 1, 0, 1, 2, 1), registry,
                tmp, rec).run();
        assertEquals(List.of(7L, 14L), rec.episodes.stream().map(EpisodeRecord::envSteps).toList());
        assertEquals(List.of(7.0, 7.0), rec.episodes.stream().map(EpisodeRecord::episodeReturn).toList());
        assertEquals(20, outcome.envSteps());
        assertEquals(2, outcome.episodes());
        assertEquals(7.0, outcome.finalEval().meanLength(), 0.0);
    }

    @Test
    void maxEpisodeStepsIsRl4jsOwnEpisodeCutOff(@TempDir Path tmp) throws IOException {
        EnvRegistry registry = new EnvRegistry().register(FixedLengthEnv.ID, args -> new FixedLengthEnv(7));
        RecordingListener rec = new RecordingListener();
        Rl4jDqnConfig config = SMALL.toBuilder().maxEpisodeSteps(5).build();
        new Rl4jDqnTrainer(config, settings(FixedLengthEnv.ID, 22, 1, 0, 1, 1, 1), registry, tmp, rec).run();
        assertEquals(List.of(5, 5, 5, 5), rec.episodes.stream().map(EpisodeRecord::episodeLength).toList());
        assertEquals(List.of(5L, 10L, 15L, 20L), rec.episodes.stream().map(EpisodeRecord::envSteps).toList());
    }

    @Test
    void trainingAndEvaluationSeedsAreDerivedFromTheRunSeedAndDisjoint(@TempDir Path tmp) throws IOException {
        List<FakeEnv> made = new ArrayList<>();
        EnvRegistry registry = new EnvRegistry().register(MoveRightEnv.ID, args -> {
            MoveRightEnv env = new MoveRightEnv(4, 12);
            made.add(env);
            return env;
        });
        long seed = 99;
        RecordingListener rec = new RecordingListener();
        TrainOutcome outcome = new Rl4jDqnTrainer(SMALL, settings(MoveRightEnv.ID, 200, seed, 0, 1, 3, 3), registry,
                tmp, rec).run();

        assertEquals(4, made.size(), "one training env, then one per evaluation copy");
        long trainSeed = made.get(0).lastSeed().orElseThrow();
        assertEquals(Seeds.derive(seed, "env"), trainSeed);
        long evalRoot = Seeds.derive(Seeds.derive(seed, "eval"), outcome.envSteps());
        Set<Long> evalSeeds = new HashSet<>();
        for (int i = 1; i < 4; i++) {
            long s = made.get(i).lastSeed().orElseThrow();
            assertEquals(Seeds.derive(evalRoot, i - 1), s);
            assertNotEquals(trainSeed, s);
            evalSeeds.add(s);
        }
        assertEquals(3, evalSeeds.size());
        assertEquals(3, outcome.finalEval().episodes());
        assertTrue(made.get(0).stepCount() == 200, "training stepped only its own env: " + made.get(0).stepCount());
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun(@TempDir Path tmp) throws IOException {
        List<Integer> a = lengths(tmp.resolve("a"), 5);
        List<Integer> b = lengths(tmp.resolve("b"), 5);
        List<Integer> c = lengths(tmp.resolve("c"), 6);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static List<Integer> lengths(Path dir, long seed) throws IOException {
        RecordingListener rec = new RecordingListener();
        new Rl4jDqnTrainer(SMALL, settings("CartPole-v1", 600, seed, 0, 1, 1, 1), EnvRegistry.standard(), dir, rec)
                .run();
        return rec.episodes.stream().map(EpisodeRecord::episodeLength).toList();
    }

    @Test
    void rejectsSettingsRl4jCannotRun(@TempDir Path tmp) {
        TrainSettings vector = new TrainSettings("CartPole-v1", Map.of(), 2, 100, 1, 0, 1, 1, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Rl4jDqnTrainer(SMALL, vector, EnvRegistry.standard(), tmp, new RecordingListener()));
        assertTrue(e.getMessage().contains("env.num-envs (2)"), e.getMessage());
        TrainSettings huge = settings("CartPole-v1", 1L << 32, 1, 0, 1, 1, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Rl4jDqnTrainer(SMALL, huge, EnvRegistry.standard(), tmp, new RecordingListener()));
        assertTrue(e.getMessage().contains("train.total-steps"), e.getMessage());
    }

    @Test
    void loadPolicyRejectsADirectoryThatIsNoDqnCheckpoint(@TempDir Path tmp) {
        IOException e = assertThrows(IOException.class, () -> Rl4jDqnTrainer.loadPolicy(tmp));
        assertTrue(e.getMessage().contains(PolicySpec.FILE), e.getMessage());
    }

    @Test
    void networksDifferBySeedOnly() {
        var a = Rl4jDqnTrainer.buildNetwork(SMALL, new int[] {4}, 2, 1);
        var b = Rl4jDqnTrainer.buildNetwork(SMALL, new int[] {4}, 2, 1);
        var c = Rl4jDqnTrainer.buildNetwork(SMALL, new int[] {4}, 2, 2);
        var pa = ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) a.getNeuralNetworks()[0]).params();
        var pb = ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) b.getNeuralNetworks()[0]).params();
        var pc = ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) c.getNeuralNetworks()[0]).params();
        assertAll(
                () -> assertEquals(pa, pb),
                () -> assertNotEquals(pa, pc),
                // 4 -> 32 -> 32 -> 2 with biases
                () -> assertEquals(4 * 32 + 32 + 32 * 32 + 32 + 32 * 2 + 2, pa.length()));
    }
}
