package rlx.trainers.actors;

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

    @Test
    void ppoWithNormalisationSolvesCartPoleAndEvaluatesWithTheSameStatistics() throws IOException {
        PgConfig config = PgTestConfigs.ppo(2).withNormalize(BOTH);
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.PPO, config, PgTestConfigs.cartPole(4, 100_000, 1, 0),
                EnvRegistry.standard(), tmp, new RecordingListener()).run(false);
        assertTrue(o.finalEval().meanReturn() >= 475, "greedy return " + o.finalEval().meanReturn());

        // every observation acted on was merged once, whichever runner saw it
        Path checkpoint = new Checkpoints(tmp, 2).latest().orElseThrow();
        Normalizer n = saved(checkpoint);
        assertEquals(o.envSteps() + RunningMeanStd.DEFAULT_INITIAL_COUNT, n.observations().count(), 1e-6);
        assertEquals(o.envSteps() + RunningMeanStd.DEFAULT_INITIAL_COUNT, n.returns().count(), 1e-6);
        // CartPole's pole angle stays within +/-0.21 rad: its variance is far below the prior's 1
        assertTrue(n.observations().var()[2] < 0.05, "angle variance " + n.observations().var()[2]);

        // the saved policy normalises with the saved statistics; without them the same network does not balance
        DiscretePolicy policy = PgRun.loadPolicy(config, checkpoint);
        Path withoutStatistics = tmp.resolve("copy");
        java.nio.file.Files.createDirectories(withoutStatistics);
        for (String file : new String[] {"learner.bin", "trainer.json"}) {
            java.nio.file.Files.copy(checkpoint.resolve(file), withoutStatistics.resolve(file));
        }
        DiscretePolicy raw = PgRun.loadPolicy(config, withoutStatistics);
        Evaluator evaluator = new Evaluator(EnvRegistry.standard(), "CartPole-v1", java.util.Map.of(), 10);
        double normalised = evaluator.atStep(policy, 20, 99, 0, true).meanReturn();
        double unnormalised = evaluator.atStep(raw, 20, 99, 0, true).meanReturn();
        assertTrue(normalised >= 475, "reloaded policy " + normalised);
        assertTrue(unnormalised < normalised - 100, "raw observations " + unnormalised + " vs " + normalised);
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
