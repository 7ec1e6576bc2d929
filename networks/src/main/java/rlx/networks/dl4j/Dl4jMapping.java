package rlx.networks.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;

/** Maps rlx's configuration records onto DL4J's enums, updaters, losses and global builder settings. */
public final class Dl4jMapping {
    private static final String VERSION_RESOURCE = "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties";

    private Dl4jMapping() {
    }

    /** The DL4J activation with the same definition. */
    public static Activation activation(ActivationKind kind) {
        return switch (kind) {
            case RELU -> Activation.RELU;
            case TANH -> Activation.TANH;
            case ELU -> Activation.ELU;
            case LEAKY_RELU -> Activation.LEAKYRELU;
            case SIGMOID -> Activation.SIGMOID;
            case IDENTITY -> Activation.IDENTITY;
        };
    }

    /** The DL4J weight initialisation of the same distribution. */
    public static WeightInit weightInit(WeightInitKind kind) {
        return switch (kind) {
            case XAVIER -> WeightInit.XAVIER;
            case HE -> WeightInit.RELU;
            case LECUN -> WeightInit.LECUN_NORMAL;
        };
    }

    /** The DL4J updater for an optimiser (see {@link OptimizerConfig} for the mapping). */
    public static IUpdater updater(OptimizerConfig c) {
        return switch (c.type()) {
            case SGD -> new Sgd(c.learningRate());
            case MOMENTUM -> new Nesterovs(c.learningRate(), c.momentum());
            case RMSPROP -> new RmsProp(c.learningRate(), c.rmsDecay(), c.epsilon());
            case ADAM -> new Adam(c.learningRate(), c.beta1(), c.beta2(), c.epsilon());
        };
    }

    /** The masked, mask-weighted regression loss for a {@link LossKind}. */
    public static ILossFunction loss(LossKind kind, double huberDelta) {
        return switch (kind) {
            case MSE -> new SquaredErrorLoss();
            case HUBER -> new HuberLoss(huberDelta);
        };
    }

    /**
     * Global settings shared by every layer: seed, float32 parameters, updater, weight init, L2 on weights and
     * per-layer gradient clipping.
     */
    public static NeuralNetConfiguration.Builder base(OptimizerConfig optimizer, WeightInitKind weightInit,
                                                      long seed) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(optimizer))
                .weightInit(weightInit(weightInit));
        if (optimizer.l2() > 0) {
            b.l2(optimizer.l2());
        }
        if (optimizer.clipNorm() > 0) {
            b.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(optimizer.clipNorm());
        }
        return b;
    }

    /** The version of deeplearning4j-nn on the classpath, or "unknown". */
    public static String dl4jVersion() {
        try (InputStream in = ComputationGraph.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
