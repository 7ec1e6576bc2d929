package rlx.trainers.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.networks.ac.ActorCriticConfig;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.pg.PgAlgorithmKind;

/** A run whose messages would not fit Artery's frame fails before it starts instead of stalling. */
class WireLimitsTest {

    private static final String FRAME = WireLimits.FRAME_SIZE;

    private static Config node(String frameSize) {
        return ConfigFactory.parseString(FRAME + " = " + frameSize)
                .withFallback(NodeConfig.learner(ClusterSettings.learner("127.0.0.1", 0, 0)));
    }

    private static RunSpec spec(PgAlgorithmKind kind) {
        var config = ClusterTestConfigs.ppo(0);
        return new RunSpec.PolicyGradient(kind, config, ClusterTestConfigs.cartPole(1000), 4, 2,
                rlx.networks.ac.ActorCriticNetwork.create(config.network(), config.losses(), 4, 2, 0).layout(), 0);
    }

    @Test
    void parametersOverTheFrameAreRefusedWithTheSettingToRaise() {
        Config node = node("64 KiB");
        ParamsSnapshot small = new ParamsSnapshot(0, new float[5_000]);
        assertDoesNotThrow(() -> WireLimits.check(node, spec(PgAlgorithmKind.PPO), small));
        assertDoesNotThrow(() -> WireLimits.check(node, spec(PgAlgorithmKind.A3C), small));
        ParamsSnapshot large = new ParamsSnapshot(0, new float[20_000]);
        for (PgAlgorithmKind kind : PgAlgorithmKind.values()) {
            var e = assertThrows(IllegalArgumentException.class, () -> WireLimits.check(node, spec(kind), large));
            assertTrue(e.getMessage().startsWith("Collect messages of this run take about 10"), e.getMessage());
            assertTrue(e.getMessage().contains("over Artery's " + FRAME + " of 65536 bytes"), e.getMessage());
        }
    }

    @Test
    void aClusterLearnerWithTooLargeANetworkFailsAtOnce(@TempDir Path dir) throws Exception {
        PgConfig ppo = ClusterTestConfigs.ppo(0);
        PgConfig wide = new PgConfig(ppo.gamma(), ppo.gaeLambda(), ppo.rolloutSteps(), ppo.epochs(), ppo.minibatches(),
                ppo.clipRange(), ppo.valueClipRange(), ppo.entropyCoef(), ppo.valueCoef(), ppo.normalizeAdvantage(),
                ppo.annealLearningRate(), new ActorCriticConfig(new MlpConfig(List.of(128, 128), ActivationKind.TANH,
                WeightInitKind.XAVIER), OptimizerConfig.adam(1e-3)), ppo.runtime());
        System.setProperty(FRAME, "32 KiB");
        ConfigFactory.invalidateCaches();
        try {
            ClusterPgTrainer trainer = new ClusterPgTrainer(PgAlgorithmKind.PPO, wide,
                    ClusterTestConfigs.cartPole(1000), EnvRegistry.standard(), dir, new TrainingListener() { },
                    ClusterSettings.learner("127.0.0.1", 0, 1));
            long start = System.nanoTime();
            var e = assertThrows(IllegalArgumentException.class, () -> trainer.run(false));
            assertTrue(e.getMessage().contains(FRAME), e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(40), "failed without waiting for workers");
        } finally {
            System.clearProperty(FRAME);
            ConfigFactory.invalidateCaches();
        }
    }
}
