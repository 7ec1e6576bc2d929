package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.List;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.engine.Engine;

/**
 * The learner engine against DL4J's own {@code fit}: the same network, trained on the same batches, must keep the same
 * parameters, scores and Q-values to float tolerance, for every loss, head, activation and optimiser (with L2 and
 * per-layer clipping), and save into model files DL4J continues from.
 */
class QEngineTest {

    @TempDir
    Path tmp;

    static <T> T withDl4j(Supplier<T> build) {
        String before = System.getProperty(Engine.PROPERTY);
        System.setProperty(Engine.PROPERTY, "dl4j");
        try {
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(Engine.PROPERTY);
            } else {
                System.setProperty(Engine.PROPERTY, before);
            }
        }
    }

    static java.util.stream.Stream<Arguments> cases() {
        return java.util.stream.Stream.of(
                Arguments.of("adam mse relu", TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, false,
                        ActivationKind.RELU, 32, 24)),
                Arguments.of("adam huber dueling tanh", TestNets.mlp(OptimizerConfig.adam(3e-3), LossKind.HUBER, true,
                        ActivationKind.TANH, 16, 16)),
                Arguments.of("rmsprop l2 clip", TestNets.mlp(OptimizerConfig.rmsprop(1e-3).withL2(1e-3).withClipNorm(0.5),
                        LossKind.MSE, false, ActivationKind.RELU, 32)),
                Arguments.of("sgd elu", TestNets.mlp(OptimizerConfig.sgd(1e-2), LossKind.HUBER, false,
                        ActivationKind.ELU, 20, 10)),
                Arguments.of("nesterov sigmoid dueling", TestNets.mlp(OptimizerConfig.momentum(1e-2, 0.9), LossKind.MSE,
                        true, ActivationKind.SIGMOID, 12)),
                Arguments.of("adam leaky relu clip", TestNets.mlp(OptimizerConfig.adam(1e-3).withClipNorm(0.1),
                        LossKind.MSE, true, ActivationKind.LEAKY_RELU, 24, 24)),
                // layers of 256 inputs or more compute their product transposed
                Arguments.of("wide dueling adam", TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, true,
                        ActivationKind.RELU, 300, 260)),
                // MinAtar's torso in small: one valid 3x3 convolution before the dense layers
                Arguments.of("conv rmsprop huber", TestNets.mlp(OptimizerConfig.rmsprop(1e-3).withL2(1e-4),
                        LossKind.HUBER, false, ActivationKind.RELU, 16).withConv(new ConvTorsoConfig(2, 3, 2,
                        List.of(new ConvLayerConfig(4, 2, 1, 0)), ActivationKind.RELU))),
                // two convolutions, stride and padding: the second one's input gradient goes through col2im
                Arguments.of("two convs dueling adam clip", TestNets.mlp(OptimizerConfig.adam(2e-3).withClipNorm(1.0),
                        LossKind.MSE, true, ActivationKind.TANH, 8).withConv(new ConvTorsoConfig(2, 3, 2,
                        List.of(new ConvLayerConfig(3, 3, 1, 1), new ConvLayerConfig(2, 2, 2, 1)),
                        ActivationKind.TANH))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainsAsDl4jDoes(String name, QNetworkConfig config) {
        int in = config.conv() == null ? 6 : config.conv().inputSize();
        int actions = 3;
        QNetwork engine = QNetwork.build(config, in, actions, 11);
        QNetwork dl4j = withDl4j(() -> QNetwork.build(config, in, actions, 11));
        assertTrue(engine.usesEngine());
        assertFalse(dl4j.usesEngine());
        Random rng = new Random(5);
        for (int step = 0; step < 30; step++) {
            // 100 rows outgrow the engine's first buffers (64), so their reallocation is checked too
            int batch = step % 3 == 0 ? 7 : step % 5 == 4 ? 100 : 32;
            float[] obs = TestNets.uniform(rng, batch * in, 2);
            float[] targets = TestNets.uniform(rng, batch * actions, 3);
            float[] mask = TestNets.oneHotMask(rng, batch, actions);
            // importance weights, as prioritised replay sets them
            for (int i = 0; i < mask.length; i++) {
                mask[i] *= 0.25f + rng.nextFloat();
            }
            double a = engine.fit(obs, batch, targets, mask);
            double b = dl4j.fit(obs, batch, targets, mask);
            assertEquals(b, a, 1e-4 * Math.max(1, Math.abs(b)), name + " score at step " + step);
            double diff = TestNets.maxAbsDiff(engine.params(), dl4j.params());
            assertTrue(diff < 2e-5, name + ": parameters differ by " + diff + " after step " + step);
        }
        float[] obs = TestNets.uniform(rng, 100 * in, 2);
        assertTrue(TestNets.maxAbsDiff(TestNets.output(engine, obs, 100), TestNets.output(dl4j, obs, 100)) < 1e-4);
    }

    @Test
    void savedByTheEngineContinuesUnderDl4jAndBack() {
        QNetworkConfig config = TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, false, ActivationKind.RELU, 16);
        QNetwork engine = QNetwork.build(config, 4, 2, 3);
        Random rng = new Random(1);
        float[][] obs = new float[20][];
        float[][] targets = new float[20][];
        float[][] masks = new float[20][];
        for (int i = 0; i < 20; i++) {
            obs[i] = TestNets.uniform(rng, 16 * 4, 1);
            targets[i] = TestNets.uniform(rng, 16 * 2, 1);
            masks[i] = TestNets.oneHotMask(rng, 16, 2);
        }
        for (int i = 0; i < 10; i++) {
            engine.fit(obs[i], 16, targets[i], masks[i]);
        }
        engine.setLearningRate(5e-4);
        engine.save(tmp.resolve("net"));
        QNetwork asDl4j = withDl4j(() -> QNetwork.load(tmp.resolve("net")));
        QNetwork asEngine = QNetwork.load(tmp.resolve("net"));
        assertEquals(5e-4, asEngine.learningRate(), 1e-12);
        for (int i = 10; i < 20; i++) {
            engine.fit(obs[i], 16, targets[i], masks[i]);
            asDl4j.fit(obs[i], 16, targets[i], masks[i]);
            asEngine.fit(obs[i], 16, targets[i], masks[i]);
        }
        // Adam's moments and step count went into the model file: both continue as the original does
        assertEquals(0.0, TestNets.maxAbsDiff(engine.params(), asEngine.params()));
        assertTrue(TestNets.maxAbsDiff(engine.params(), asDl4j.params()) < 1e-5);
    }
}
