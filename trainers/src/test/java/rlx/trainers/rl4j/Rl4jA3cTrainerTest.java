package rlx.trainers.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deeplearning4j.rl4j.learning.configuration.A3CLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.ActorCriticDenseNetworkConfiguration;
import org.nd4j.linalg.learning.config.Adam;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.envs.testing.MoveRightEnv;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.eval.EvalResult;
import rlx.trainers.eval.Evaluator;

class Rl4jA3cTrainerTest {

    static final Rl4jA3cConfig SMALL = Rl4jA3cConfig.defaults().withNSteps(5).withNetwork(2, 16, 1e-2, 0);

    @Test
    void cartPoleRunReportsOnTheCallingThreadAndSavesAReloadablePolicy(@TempDir Path tmp) throws IOException {
        long seed = 4;
        TrainSettings settings = new TrainSettings("CartPole-v1", Map.of(), 1, 2_000, seed, 1_000, 2, 4, 2, 0);
        RecordingListener rec = new RecordingListener();
        TrainOutcome outcome = new Rl4jA3cTrainer(SMALL, settings, EnvRegistry.standard(), tmp, rec).run();

        Thread caller = Thread.currentThread();
        for (Thread t : rec.threads) {
            assertSame(caller, t, "every report comes on the thread that called run()");
        }
        int slack = (SMALL.numThreads() + 1) * SMALL.nSteps();
        assertTrue(outcome.envSteps() >= 2_000 && outcome.envSteps() <= 2_000 + slack, "steps " + outcome.envSteps());

        List<EpisodeRecord> episodes = rec.episodes;
        assertTrue(episodes.size() >= 10, "episodes " + episodes.size());
        long sum = 0;
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeRecord e = episodes.get(i);
            sum += e.episodeLength();
            assertEquals(i + 1, e.episodes());
            assertEquals(e.episodeLength(), e.episodeReturn(), 1e-9, "CartPole pays 1 per step: " + e);
            assertTrue(e.envSteps() >= sum, "all workers' steps include the reported episodes': " + e);
            assertTrue(Double.isNaN(e.epsilon()) && Double.isNaN(e.meanQ()));
            if (i > 0) {
                assertTrue(e.envSteps() >= episodes.get(i - 1).envSteps(), "env steps never go back");
            }
        }
        assertTrue(sum <= outcome.envSteps());
        assertEquals(episodes.size(), outcome.episodes());
        assertTrue(episodes.stream().anyMatch(e -> Double.isFinite(e.loss())), "some episode has a loss");

        assertEquals(2, rec.evals.size(), rec.evals.toString());
        EvalRecord periodic = rec.evals.get(0);
        assertFalse(periodic.isFinal());
        assertEquals(2, periodic.episodes());
        assertTrue(periodic.envSteps() >= 1_000);
        EvalRecord finalEval = outcome.finalEval();
        assertEquals(finalEval, rec.evals.get(1));
        assertTrue(finalEval.isFinal());
        assertEquals(4, finalEval.episodes());
        assertEquals(outcome.envSteps(), finalEval.envSteps());

        assertEquals(1, rec.checkpoints.size());
        Path dir = rec.checkpoints.get(0).dir();
        assertTrue(Files.size(dir.resolve(Rl4jA3cTrainer.VALUE_FILE)) > 0);
        assertTrue(Files.size(dir.resolve(Rl4jA3cTrainer.POLICY_FILE)) > 0);
        DiscretePolicy loaded = Rl4jA3cTrainer.loadPolicy(dir);
        EvalResult again = new Evaluator(EnvRegistry.standard(), "CartPole-v1", Map.of(), 2)
                .run(loaded, 4, Seeds.derive(Seeds.derive(seed, "eval"), outcome.envSteps()));
        assertEquals(finalEval.meanReturn(), again.meanReturn(), 0.0);
        assertEquals(finalEval.meanLength(), again.meanLength(), 0.0);
        assertThrows(IOException.class, () -> Rl4jDqnTrainer.loadPolicy(dir), "an A3C checkpoint is no DQN one");
    }

    @Test
    void eachWorkerStepsItsOwnEnvCopyWithADerivedSeed(@TempDir Path tmp) throws IOException {
        List<MoveRightEnv> made = new CopyOnWriteArrayList<>();
        EnvRegistry registry = new EnvRegistry().register(MoveRightEnv.ID, args -> {
            MoveRightEnv env = new MoveRightEnv(4, 12);
            made.add(env);
            return env;
        });
        long seed = 21;
        TrainSettings settings = new TrainSettings(MoveRightEnv.ID, Map.of(), 1, 300, seed, 0, 1, 2, 2, 0);
        TrainOutcome outcome = new Rl4jA3cTrainer(SMALL, settings, registry, tmp, new RecordingListener()).run();

        // the template env, one copy per worker, then one per evaluation copy
        assertEquals(1 + SMALL.numThreads() + 2, made.size());
        long envSeed = Seeds.derive(seed, "env");
        assertEquals(0, made.get(0).stepCount(), "the template is never stepped");
        Set<Long> trainSeeds = new HashSet<>();
        long trainSteps = 0;
        for (int i = 0; i < SMALL.numThreads(); i++) {
            MoveRightEnv worker = made.get(1 + i);
            assertEquals(Seeds.derive(envSeed, i), worker.lastSeed().orElseThrow());
            assertTrue(worker.stepCount() > 0, "worker " + i + " stepped");
            trainSeeds.add(worker.lastSeed().orElseThrow());
            trainSteps += worker.stepCount();
        }
        assertEquals(outcome.envSteps(), trainSteps, "reported steps are the workers' steps");
        long evalRoot = Seeds.derive(Seeds.derive(seed, "eval"), outcome.envSteps());
        for (int i = 0; i < 2; i++) {
            long s = made.get(1 + SMALL.numThreads() + i).lastSeed().orElseThrow();
            assertEquals(Seeds.derive(evalRoot, i), s);
            assertFalse(trainSeeds.contains(s));
        }
        assertNotEquals(Seeds.derive(envSeed, 0), Seeds.derive(envSeed, 1));
    }

    @Test
    void rejectsSettingsAndConfigsRl4jCannotRun(@TempDir Path tmp) {
        TrainSettings vector = new TrainSettings("CartPole-v1", Map.of(), 4, 100, 1, 0, 1, 1, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Rl4jA3cTrainer(SMALL, vector, EnvRegistry.standard(), tmp, new RecordingListener()));
        assertTrue(e.getMessage().contains("env.num-envs (4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SMALL.withNumThreads(0));
        assertTrue(e.getMessage().startsWith("agent.num-threads (0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SMALL.withNSteps(-2));
        assertTrue(e.getMessage().startsWith("agent.n-steps (-2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SMALL.withMaxEpisodeSteps(-1));
        assertTrue(e.getMessage().startsWith("agent.max-episode-steps (-1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SMALL.withNetwork(2, 16, Double.NaN, 0));
        assertTrue(e.getMessage().startsWith("agent.network.learning-rate (NaN)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Rl4jA3cConfig(1.01, 5, 2, 1, 0, 1, 8, 1e-3, 0));
        assertTrue(e.getMessage().startsWith("agent.gamma (1.01)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Rl4jA3cConfig(0.9, 5, 2, -1, 0, 1, 8, 1e-3, 0));
        assertTrue(e.getMessage().startsWith("agent.reward-factor (-1.0)"), e.getMessage());
    }

    @Test
    void mapsOntoRl4jsConfigurations() {
        A3CLearningConfiguration c = SMALL.withMaxEpisodeSteps(200).toA3cLearningConfiguration(9, 5_000);
        assertEquals(9L, c.getSeed());
        assertEquals(5_000, c.getMaxStep());
        assertEquals(200, c.getMaxEpochStep());
        assertEquals(2, c.getNumThreads());
        assertEquals(5, c.getNStep());
        assertEquals(0.99, c.getGamma());
        assertEquals(0.01, c.getRewardFactor());
        assertEquals(-1, c.getLearnerUpdateFrequency(), "workers always start from the latest global weights");
        assertEquals(Integer.MAX_VALUE, SMALL.toA3cLearningConfiguration(9, 5_000).getMaxEpochStep());
        ActorCriticDenseNetworkConfiguration n = SMALL.toNetworkConfiguration();
        assertEquals(2, n.getNumLayers());
        assertEquals(16, n.getNumHiddenNodes());
        assertFalse(n.isUseLSTM());
        assertEquals(1e-2, ((Adam) n.getUpdater()).getLearningRate());
    }
}
