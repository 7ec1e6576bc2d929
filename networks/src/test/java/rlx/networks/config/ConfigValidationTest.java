package rlx.networks.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import rlx.networks.q.QNetworkConfig;

class ConfigValidationTest {

    private static void assertRejected(String expectedMessage, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct);
        assertEquals(expectedMessage, e.getMessage());
    }

    private static OptimizerConfig opt(double lr, double momentum, double b1, double b2, double eps, double decay,
                                       double l2, double clip) {
        return new OptimizerConfig(OptimizerKind.ADAM, lr, momentum, b1, b2, eps, decay, l2, clip);
    }

    @Test
    void optimizerFieldsAreCheckedByName() {
        assertRejected("learningRate (-1.0) must be > 0", () -> opt(-1, 0.9, 0.9, 0.999, 1e-8, 0.99, 0, 0));
        assertRejected("learningRate (NaN) must be > 0", () -> opt(Double.NaN, 0.9, 0.9, 0.999, 1e-8, 0.99, 0, 0));
        assertRejected("momentum (1.0) must be in [0, 1)", () -> opt(1e-3, 1.0, 0.9, 0.999, 1e-8, 0.99, 0, 0));
        assertRejected("beta1 (-0.1) must be in [0, 1)", () -> opt(1e-3, 0.9, -0.1, 0.999, 1e-8, 0.99, 0, 0));
        assertRejected("beta2 (1.5) must be in [0, 1)", () -> opt(1e-3, 0.9, 0.9, 1.5, 1e-8, 0.99, 0, 0));
        assertRejected("epsilon (0.0) must be > 0", () -> opt(1e-3, 0.9, 0.9, 0.999, 0, 0.99, 0, 0));
        assertRejected("rmsDecay (1.0) must be in [0, 1)", () -> opt(1e-3, 0.9, 0.9, 0.999, 1e-8, 1.0, 0, 0));
        assertRejected("l2 (-0.5) must be >= 0", () -> opt(1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99, -0.5, 0));
        assertRejected("clipNorm (-1.0) must be >= 0", () -> opt(1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99, 0, -1));
        assertRejected("type must not be null",
                () -> new OptimizerConfig(null, 1e-3, 0.9, 0.9, 0.999, 1e-8, 0.99, 0, 0));
        assertRejected("learningRate (0.0) must be > 0", () -> OptimizerConfig.adam(0));
        assertRejected("clipNorm (-2.0) must be >= 0", () -> OptimizerConfig.adam(1e-3).withClipNorm(-2));
    }

    @Test
    void factoriesUsePyTorchDefaults() {
        OptimizerConfig adam = OptimizerConfig.adam(3e-4);
        assertEquals(OptimizerKind.ADAM, adam.type());
        assertEquals(3e-4, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.epsilon());
        assertEquals(0, adam.l2());
        assertEquals(0, adam.clipNorm());
        assertEquals(0.99, OptimizerConfig.rmsprop(1e-3).rmsDecay());
        assertEquals(0.5, OptimizerConfig.momentum(0.1, 0.5).momentum());
        assertEquals(OptimizerKind.SGD, OptimizerConfig.sgd(0.1).type());
        assertEquals(10.0, OptimizerConfig.sgd(0.1).withClipNorm(10).clipNorm());
    }

    @Test
    void mlpFieldsAreCheckedByName() {
        assertRejected("hidden[1] (0) must be > 0",
                () -> new MlpConfig(List.of(64, 0), ActivationKind.RELU, WeightInitKind.HE));
        assertRejected("hidden must not be null", () -> new MlpConfig(null, ActivationKind.RELU, WeightInitKind.HE));
        assertRejected("hidden[0] must not be null",
                () -> new MlpConfig(Arrays.asList((Integer) null), ActivationKind.RELU, WeightInitKind.HE));
        assertRejected("activation must not be null", () -> new MlpConfig(List.of(8), null, WeightInitKind.HE));
        assertRejected("weightInit must not be null", () -> new MlpConfig(List.of(8), ActivationKind.RELU, null));
        List<Integer> widths = new java.util.ArrayList<>(List.of(8, 4));
        MlpConfig mlp = new MlpConfig(widths, ActivationKind.TANH, WeightInitKind.XAVIER);
        widths.set(0, 99);
        assertEquals(List.of(8, 4), mlp.hidden(), "the record keeps its own copy");
        assertEquals(List.of(), new MlpConfig(List.of(), ActivationKind.RELU, WeightInitKind.HE).hidden());
    }

    @Test
    void convFieldsAreCheckedByName() {
        assertRejected("filters (0) must be > 0", () -> new ConvLayerConfig(0, 3, 1, 0));
        assertRejected("kernel (-3) must be > 0", () -> new ConvLayerConfig(16, -3, 1, 0));
        assertRejected("stride (0) must be > 0", () -> new ConvLayerConfig(16, 3, 0, 0));
        assertRejected("padding (-1) must be >= 0", () -> new ConvLayerConfig(16, 3, 1, -1));
        List<ConvLayerConfig> one = List.of(new ConvLayerConfig(16, 3, 1, 0));
        assertRejected("channels (0) must be > 0", () -> new ConvTorsoConfig(0, 10, 10, one, ActivationKind.RELU));
        assertRejected("height (-1) must be > 0", () -> new ConvTorsoConfig(4, -1, 10, one, ActivationKind.RELU));
        assertRejected("width (0) must be > 0", () -> new ConvTorsoConfig(4, 10, 0, one, ActivationKind.RELU));
        assertRejected("layers ([]) must not be empty",
                () -> new ConvTorsoConfig(4, 10, 10, List.of(), ActivationKind.RELU));
        assertRejected("activation must not be null", () -> new ConvTorsoConfig(4, 10, 10, one, null));
        assertRejected("layers[1] (ConvLayerConfig[filters=8, kernel=9, stride=1, padding=0]) does not fit its 8x8 input",
                () -> new ConvTorsoConfig(4, 10, 10, List.of(new ConvLayerConfig(16, 3, 1, 0),
                        new ConvLayerConfig(8, 9, 1, 0)), ActivationKind.RELU));
        ConvTorsoConfig atari = new ConvTorsoConfig(4, 84, 84, List.of(new ConvLayerConfig(32, 8, 4, 0),
                new ConvLayerConfig(64, 4, 2, 0), new ConvLayerConfig(64, 3, 1, 0)), ActivationKind.RELU);
        assertEquals(4 * 84 * 84, atari.inputSize());
        assertEquals(64 * 7 * 7, atari.outputSize(), "Nature DQN's 3136 features");
    }

    @Test
    void qNetworkFieldsAreCheckedByName() {
        MlpConfig mlp = MlpConfig.relu(64, 64);
        OptimizerConfig adam = OptimizerConfig.adam(1e-3);
        assertRejected("huberDelta (0.0) must be > 0", () -> new QNetworkConfig(mlp, false, adam, LossKind.HUBER, 0));
        assertRejected("huberDelta (NaN) must be finite",
                () -> new QNetworkConfig(mlp, false, adam, LossKind.MSE, Double.NaN));
        assertRejected("torso must not be null", () -> new QNetworkConfig(null, false, adam, LossKind.MSE, 1));
        assertRejected("optimizer must not be null", () -> new QNetworkConfig(mlp, false, null, LossKind.MSE, 1));
        assertRejected("loss must not be null", () -> new QNetworkConfig(mlp, false, adam, null, 1));
        assertEquals(null, new QNetworkConfig(mlp, true, adam, LossKind.MSE, 0).conv());
    }
}
