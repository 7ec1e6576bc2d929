package rlx.trainers.actors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.core.DiscretePolicy;
import rlx.agents.pg.NormalizeConfig;
import rlx.agents.pg.Normalizer;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.envs.wrappers.RunningMeanStd;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.eval.Evaluator;
import rlx.trainers.pg.LocalPgTrainer;
import rlx.trainers.pg.PgAlgorithmKind;
import rlx.trainers.pg.PgRun;

/** SB3's VecNormalize on the actor runtime: statistics merged across runners, applied in evaluation, checkpointed. */
class NormalizedPgTrainerTest {

    private static final NormalizeConfig BOTH = new NormalizeConfig(true, true, 10, 10);

    @TempDir
    Path tmp;

    private static Normalizer saved(Path checkpoint) throws IOException {
        return new ObjectMapper().readValue(checkpoint.resolve("normalizer.json").toFile(), Normalizer.class);
    }

    /** The learning threshold, on the deterministic path: zero runners, a fixed seed. */
    @Test
    void ppoWithNormalisationSolvesCartPoleAndEvaluatesWithTheSameStatistics() throws IOException {
        PgConfig config = PgTestConfigs.ppo(0).withNormalize(BOTH);
        TrainOutcome o = new LocalPgTrainer(PgAlgorithmKind.PPO, config, PgTestConfigs.cartPole(8, 100_000, 1, 0),
                EnvRegistry.standard(), tmp, new RecordingListener()).run(false);
        assertTrue(o.finalEval().meanReturn() >= 475, "greedy return " + o.finalEval().meanReturn());

        Path checkpoint = new Checkpoints(tmp, 2).latest().orElseThrow();
        Normalizer n = saved(checkpoint);
        assertEquals(o.envSteps() + RunningMeanStd.DEFAULT_INITIAL_COUNT, n.observations().count(), 1e-6);
        // CartPole's pole angle stays within +/-0.21 rad: its variance is far below the prior's 1
        assertTrue(n.observations().var()[2] < 0.05, "angle variance " + n.observations().var()[2]);

        // the saved policy normalises with the saved statistics: it acts as a policy that is handed observations
        // normalised by those statistics, and unlike the same network on raw observations
        DiscretePolicy policy = PgRun.loadPolicy(config, checkpoint);
        Path withoutStatistics = tmp.resolve("copy");
        java.nio.file.Files.createDirectories(withoutStatistics);
        for (String file : new String[] {"learner.bin", "trainer.json"}) {
            java.nio.file.Files.copy(checkpoint.resolve(file), withoutStatistics.resolve(file));
        }
        DiscretePolicy raw = PgRun.loadPolicy(config, withoutStatistics);
        int states = 2_000;
        float[] obs = new float[4 * states];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) (random.nextGaussian() * 0.5);
        }
        float[] normalisedObs = obs.clone();
        double[] mean = n.observations().mean();
        double[] var = n.observations().var();
        for (int i = 0; i < obs.length; i++) {
            double z = (obs[i] - mean[i % 4]) / Math.sqrt(var[i % 4] + 1e-8);
            normalisedObs[i] = (float) Math.max(-10, Math.min(10, z));
        }
        int[] withStats = new int[states];
        int[] rawOnNormalised = new int[states];
        int[] rawOnRaw = new int[states];
        policy.act(obs, states, withStats);
        raw.act(normalisedObs, states, rawOnNormalised);
        raw.act(obs, states, rawOnRaw);
        assertArrayEquals(rawOnNormalised, withStats);
        int differ = 0;
        for (int i = 0; i < states; i++) {
            differ += withStats[i] != rawOnRaw[i] ? 1 : 0;
        }
        assertTrue(differ > states / 20, "actions that depend on the statistics: " + differ);
        Evaluator evaluator = new Evaluator(EnvRegistry.standard(), "CartPole-v1", java.util.Map.of(), 10);
        double normalised = evaluator.atStep(policy, 20, 99, 0, true).meanReturn();
        assertTrue(normalised >= 475, "reloaded policy " + normalised);
    }

    /**
     * Runner actors: statistics merged across runners count every observation acted on exactly once, whichever runner
     * saw it, and two runs with one seed are the same run (the first round waits for every local runner).
     */
    @Test
    void runnerActorsMergeTheirStatisticsOnceAndReproduce() throws IOException {
        PgConfig config = PgTestConfigs.ppo(3).withNormalize(BOTH);
        var settings = PgTestConfigs.cartPole(2, 6_000, 5, 0);
        RecordingListener first = new RecordingListener();
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.PPO, config, settings, EnvRegistry.standard(),
                tmp.resolve("a"), first).run(false);
        Normalizer n = saved(new Checkpoints(tmp.resolve("a"), 2).latest().orElseThrow());
        assertEquals(o.envSteps() + RunningMeanStd.DEFAULT_INITIAL_COUNT, n.observations().count(), 1e-6);
        assertEquals(o.envSteps() + RunningMeanStd.DEFAULT_INITIAL_COUNT, n.returns().count(), 1e-6);

        RecordingListener second = new RecordingListener();
        new ActorPgTrainer(PgAlgorithmKind.PPO, config, settings, EnvRegistry.standard(), tmp.resolve("b"), second)
                .run(false);
        assertTrue(first.episodes.size() > 20, "episodes " + first.episodes.size());
        assertEquals(returns(first), returns(second));
        assertEquals(n.observations().mean()[2],
                saved(new Checkpoints(tmp.resolve("b"), 2).latest().orElseThrow()).observations().mean()[2]);
    }

    private static java.util.List<String> returns(RecordingListener l) {
        return l.episodes.stream().map(e -> e.envSteps() + ":" + e.episodeReturn()).toList();
    }

    @Test
    void aResumedRunContinuesFromTheCheckpointedStatistics() throws IOException {
        PgConfig config = PgTestConfigs.ppo(2).withNormalize(BOTH);
        var first = PgTestConfigs.cartPole(2, 4_096, 3, 2_048);
        new ActorPgTrainer(PgAlgorithmKind.PPO, config, first, EnvRegistry.standard(), tmp, new RecordingListener())
                .run(false);
        var longer = PgTestConfigs.cartPole(2, 8_192, 3, 2_048);
        TrainOutcome o = new LocalPgTrainer(PgAlgorithmKind.PPO, config, longer, EnvRegistry.standard(), tmp,
                new RecordingListener()).run(true);
        Normalizer n = saved(new Checkpoints(tmp, 2).latest().orElseThrow());
        // restarted statistics would count only the steps after the resume
        assertEquals(o.envSteps() + RunningMeanStd.DEFAULT_INITIAL_COUNT, n.observations().count(), 1e-6);

        // resuming with normalisation turned off would feed raw observations to a network trained on normalised ones
        var evenLonger = PgTestConfigs.cartPole(2, 10_000, 3, 2_048);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalPgTrainer(
                PgAlgorithmKind.PPO, PgTestConfigs.ppo(0), evenLonger, EnvRegistry.standard(), tmp,
                new RecordingListener()).run(true));
        assertTrue(e.getMessage().startsWith("agent.normalize:"), e.getMessage());
    }

    @Test
    void a3cRejectsNormalisationNamingTheKeyBeforeAnyActorStarts() {
        PgConfig config = PgTestConfigs.a3c(2).withNormalize(BOTH);
        var settings = PgTestConfigs.cartPole(1, 1_000, 1, 0);
        for (var run : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                () -> new LocalPgTrainer(PgAlgorithmKind.A3C, config, settings, EnvRegistry.standard(), tmp,
                        new RecordingListener()).run(false),
                () -> new ActorPgTrainer(PgAlgorithmKind.A3C, config, settings, EnvRegistry.standard(), tmp,
                        new RecordingListener()).run(false))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);
            assertTrue(e.getMessage().startsWith("agent.normalize:"), e.getMessage());
        }
    }
}
