package rlx.trainers.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.RuntimeConfig;
import rlx.envs.core.EnvRegistry;
import rlx.networks.ac.ActorCriticConfig;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/** A2C, A3C and PPO with a conv torso on MinAtar's [C, 10, 10] observations, in one thread. */
class ConvPgTrainerTest {

    @TempDir
    Path tmp;

    /** A small version of the MinAtar network, to keep the runs short. */
    private static PgConfig config(int channels, int epochs, int minibatches, double clip) {
        ActorCriticConfig network = new ActorCriticConfig(new MlpConfig(List.of(16), ActivationKind.RELU,
                WeightInitKind.HE), false, OptimizerConfig.adam(2.5e-4).withEpsilon(1e-5).withClipNorm(0.5),
                new ConvTorsoConfig(channels, 10, 10, List.of(new ConvLayerConfig(4, 3, 1, 0)), ActivationKind.RELU));
        return new PgConfig(0.99, 0.95, 16, epochs, minibatches, clip, clip, 0.01, 0.5, true, true, network,
                new RuntimeConfig(0));
    }

    private static TrainSettings settings(String envId, long steps) {
        return new TrainSettings(envId, Map.of(), 2, steps, 1, 0, 2, 2, 2, 0);
    }

    @Test
    void ppoA2cAndA3cTrainOnMinAtarBreakout() throws IOException {
        record Case(PgAlgorithmKind kind, PgConfig config) {
        }
        for (Case c : List.of(new Case(PgAlgorithmKind.PPO, config(4, 2, 2, 0.1)),
                new Case(PgAlgorithmKind.A2C, config(4, 1, 1, 0)), new Case(PgAlgorithmKind.A3C, config(4, 1, 1, 0)))) {
            TrainOutcome o = new LocalPgTrainer(c.kind(), c.config(), settings("MinAtar/Breakout-v1", 640), EnvRegistry
                    .standard(), tmp.resolve(c.kind().name()), new TrainingListener() { }).run(false);
            assertTrue(o.envSteps() >= 640, c.kind() + ": " + o);
            assertEquals(2, o.finalEval().episodes(), c.kind() + ": " + o);
            assertTrue(Double.isFinite(o.finalEval().meanReturn()), c.kind() + ": " + o);
        }
    }

    @Test
    void rejectsAConvTorsoOfTheWrongSizeNamingTheEnv() {
        // a Breakout (4-channel) torso on Freeway's 7 channels
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalPgTrainer(
                PgAlgorithmKind.PPO, config(4, 1, 1, 0.1), settings("MinAtar/Freeway-v1", 100), EnvRegistry.standard(),
                tmp, new TrainingListener() { }).run(false));
        assertEquals("agent.network.conv: channels * height * width (4 * 10 * 10 = 400) must equal the observation "
                + "size of MinAtar/Freeway-v1 (700)", e.getMessage());
    }
}
