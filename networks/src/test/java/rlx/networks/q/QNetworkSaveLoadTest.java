package rlx.networks.q;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.ConvLayerConfig;
import rlx.networks.config.ConvTorsoConfig;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;

class QNetworkSaveLoadTest {
    private static final int BATCH = 32;

    private static void train(QNetwork net, Random rng, int steps) {
        for (int s = 0; s < steps; s++) {
            net.fit(TestNets.uniform(rng, BATCH * net.inputSize(), 1), BATCH,
                    TestNets.uniform(rng, BATCH * net.numActions(), 2), TestNets.oneHotMask(rng, BATCH,
                            net.numActions()));
        }
    }

    @Test
    void loadReproducesOutputsAndContinuesTrainingIdentically(@TempDir Path dir) throws IOException {
        QNetworkConfig c = TestNets.mlp(OptimizerConfig.adam(1e-3).withClipNorm(5), LossKind.HUBER, true,
                ActivationKind.RELU, 64, 64);
        QNetwork original = QNetwork.build(c, 4, 3, 77);
        Random rng = new Random(77);
        train(original, rng, 25);
        original.save(dir);
        assertTrue(Files.exists(dir.resolve(QNetwork.MODEL_FILE)));

        QNetwork loaded = QNetwork.load(dir);
        assertEquals(c, loaded.config());
        assertEquals(4, loaded.inputSize());
        assertEquals(3, loaded.numActions());
        assertArrayEquals(original.params(), loaded.params());
        float[] probe = TestNets.uniform(rng, 10 * 4, 1);
        assertArrayEquals(TestNets.output(original, probe, 10), TestNets.output(loaded, probe, 10));

        float[] obs = TestNets.uniform(rng, BATCH * 4, 1);
        float[] targets = TestNets.uniform(rng, BATCH * 3, 2);
        float[] mask = TestNets.oneHotMask(rng, BATCH, 3);
        for (int step = 0; step < 3; step++) {
            assertEquals(original.fit(obs, BATCH, targets, mask), loaded.fit(obs, BATCH, targets, mask));
            assertArrayEquals(original.params(), loaded.params(), "step " + step);
        }

        // control: the same model without its Adam state takes a different step, so the check above has teeth
        original.save(dir);
        ComputationGraph fresh = ModelSerializer.restoreComputationGraph(dir.resolve(QNetwork.MODEL_FILE).toFile(),
                false);
        QNetwork again = QNetwork.load(dir);
        again.fit(obs, BATCH, targets, mask);
        fresh.fit(new org.nd4j.linalg.dataset.MultiDataSet(
                new org.nd4j.linalg.api.ndarray.INDArray[] {org.nd4j.linalg.factory.Nd4j.createFromArray(obs)
                        .reshape(BATCH, 4)},
                new org.nd4j.linalg.api.ndarray.INDArray[] {org.nd4j.linalg.factory.Nd4j.createFromArray(targets)
                        .reshape(BATCH, 3)},
                null,
                new org.nd4j.linalg.api.ndarray.INDArray[] {org.nd4j.linalg.factory.Nd4j.createFromArray(mask)
                        .reshape(BATCH, 3)}));
        assertNotEquals(0.0, TestNets.maxAbsDiff(again.params(), fresh.params().toFloatVector()));
    }

    @Test
    void metadataDescribesTheNetwork(@TempDir Path dir) throws IOException {
        ConvTorsoConfig conv = new ConvTorsoConfig(2, 6, 6, List.of(new ConvLayerConfig(4, 3, 1, 1)),
                ActivationKind.ELU);
        QNetworkConfig c = TestNets.mlp(OptimizerConfig.rmsprop(1e-3).withL2(1e-4), LossKind.MSE, false,
                ActivationKind.TANH, 16).withConv(conv);
        QNetwork net = QNetwork.build(c, 72, 4, 1);
        net.save(dir);
        QNetwork.Metadata meta = QNetwork.readMetadata(dir);
        assertEquals(QNetwork.FORMAT, meta.format());
        assertEquals("1.0.0-M2.1", meta.dl4jVersion());
        assertEquals(72, meta.inputSize());
        assertEquals(4, meta.numActions());
        assertEquals(net.numParams(), meta.numParams());
        assertEquals(c, meta.config());
        QNetwork loaded = QNetwork.load(dir);
        float[] obs = TestNets.uniform(new Random(1), 3 * 72, 1);
        assertArrayEquals(TestNets.output(net, obs, 3), TestNets.output(loaded, obs, 3));
    }

    @Test
    void loadRejectsAModelThatDoesNotMatchItsMetadata(@TempDir Path dir) throws IOException {
        QNetwork.build(TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, false, ActivationKind.RELU, 16), 4, 2, 1)
                .save(dir.resolve("a"));
        QNetwork.build(TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, false, ActivationKind.RELU, 17), 4, 2, 1)
                .save(dir.resolve("b"));
        Files.copy(dir.resolve("b").resolve(QNetwork.MODEL_FILE), dir.resolve("a").resolve(QNetwork.MODEL_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> QNetwork.load(dir.resolve("a")));
        assertTrue(e.getMessage().contains("does not match network.json"), e.getMessage());

        QNetwork.build(TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.MSE, false, ActivationKind.RELU, 16), 4, 2, 1)
                .save(dir.resolve("c"));
        QNetwork.build(TestNets.mlp(OptimizerConfig.sgd(1e-3), LossKind.MSE, false, ActivationKind.RELU, 16), 4, 2, 1)
                .save(dir.resolve("d"));
        Files.copy(dir.resolve("d").resolve(QNetwork.MODEL_FILE), dir.resolve("c").resolve(QNetwork.MODEL_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        e = assertThrows(UncheckedIOException.class, () -> QNetwork.load(dir.resolve("c")));
        assertTrue(e.getMessage().contains("layer"), e.getMessage());

        assertThrows(UncheckedIOException.class, () -> QNetwork.load(dir.resolve("missing")));
    }
}
