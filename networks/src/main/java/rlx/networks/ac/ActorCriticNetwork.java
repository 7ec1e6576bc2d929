package rlx.networks.ac;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.Checks;
import rlx.networks.dl4j.Torso;
import rlx.networks.plain.ConvLayout;
import rlx.networks.plain.DenseLayout;
import rlx.networks.plain.ParamProbe;

/**
 * An actor-critic network (see {@link ActorCriticNetworks} for the graph) fed and read through plain float arrays: it
 * computes the gradient of the A2C/A3C/PPO loss of a batch into a flat vector in the layout of {@link #params()}, and
 * an optimiser elsewhere turns gradients into new parameters. Not thread-safe; one owner per instance.
 */
public final class ActorCriticNetwork {

    /** What one gradient computation saw, averaged over the batch. */
    public record LossStats(double loss, double policyLoss, double valueLoss, double entropy, double approxKl,
                            double clipFraction) {
    }

    private final ActorCriticConfig config;
    private final ActorCriticLosses losses;
    private final int inputSize;
    private final int numActions;
    private final ComputationGraph graph;
    private final int numParams;
    private final FloatBuffer paramBuffer;
    private final PolicyGradientLoss policyLoss;
    private final ValueLoss valueLoss;
    /** The conv layers (empty without a conv torso), in evaluation order. */
    private final List<ConvLayout> convLayout;
    /** The dense layers in probe order: policy tower, policy head, value tower (absent when shared), value head. */
    private final List<DenseLayout> layout;
    /** The learner engine that computes gradients on the CPU backend, or null: DL4J's layers. */
    private final ActorCriticEngine engine;

    private ActorCriticNetwork(ActorCriticConfig config, ActorCriticLosses losses, int inputSize, int numActions,
                               ComputationGraph graph) {
        this.config = config;
        this.losses = losses;
        this.inputSize = inputSize;
        this.numActions = numActions;
        this.graph = graph;
        long n = graph.numParams();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("numParams (" + n + ") must fit a float[]");
        }
        this.numParams = (int) n;
        INDArray p = graph.params();
        if (p.dataType() != DataType.FLOAT || p.offset() != 0 || p.data().length() != numParams) {
            throw new IllegalStateException("DL4J's flat parameters are not a contiguous float vector: "
                    + p.shapeInfoToString());
        }
        this.paramBuffer = p.data().asNioFloat();
        // the loss objects the graph's layers actually call, to read their per-batch statistics
        this.policyLoss = (PolicyGradientLoss) ((BaseOutputLayer) graph.getLayer(ActorCriticNetworks.POLICY).conf()
                .getLayer()).getLossFn();
        this.valueLoss = (ValueLoss) ((org.deeplearning4j.nn.conf.layers.LossLayer) graph
                .getLayer(ActorCriticNetworks.VALUE).conf().getLayer()).getLossFn();
        Map<String, ActivationKind> layers = new LinkedHashMap<>();
        for (String name : ActorCriticNetworks.hiddenLayers(config, true)) {
            layers.put(name, config.torso().activation());
        }
        layers.put(ActorCriticNetworks.POLICY, ActivationKind.IDENTITY);
        if (!config.sharedTorso()) {
            for (String name : ActorCriticNetworks.hiddenLayers(config, false)) {
                layers.put(name, config.torso().activation());
            }
        }
        layers.put(ActorCriticNetworks.VALUE_HEAD, ActivationKind.IDENTITY);
        this.convLayout = config.conv() == null ? List.of()
                : ParamProbe.withIndices(graph, () -> ConvLayout.readStack(graph, Torso.CONV_PREFIX, config.conv()));
        long convParams = 0;
        for (ConvLayout c : convLayout) {
            convParams += c.numParams();
        }
        this.layout = DenseLayout.probe(graph, layers, convParams);
        this.engine = rlx.networks.engine.Engine.enabled()
                ? new ActorCriticEngine(layout()) : null;
        if (engine != null) {
            engine.setParams(readGraphParams());
        }
    }

    /** Whether gradients are computed on the learner engine (see {@link rlx.networks.engine}). */
    public boolean usesEngine() {
        return engine != null;
    }

    private float[] readGraphParams() {
        float[] out = new float[numParams];
        paramBuffer.get(0, out);
        return out;
    }

    /** A new network with DL4J's initialisation from {@code seed}. */
    public static ActorCriticNetwork create(ActorCriticConfig config, ActorCriticLosses losses, int inputSize,
                                            int numActions, long seed) {
        return new ActorCriticNetwork(config, losses, inputSize, numActions,
                ActorCriticNetworks.build(config, losses, inputSize, numActions, seed));
    }

    public ActorCriticConfig config() {
        return config;
    }

    public ActorCriticLosses losses() {
        return losses;
    }

    public int inputSize() {
        return inputSize;
    }

    public int numActions() {
        return numActions;
    }

    public int numParams() {
        return numParams;
    }

    /** A copy of the flat parameter vector. */
    public float[] params() {
        if (engine != null) {
            float[] out = new float[numParams];
            engine.copyParamsTo(out);
            return out;
        }
        return readGraphParams();
    }

    /** Overwrites every parameter from a flat vector in the layout of {@link #params()}. */
    public void setParams(float[] flat) {
        if (flat.length != numParams) {
            throw new IllegalArgumentException("flat.length (" + flat.length + ") must equal numParams (" + numParams
                    + ")");
        }
        if (engine != null) {
            engine.setParams(flat);
            return;
        }
        paramBuffer.put(0, flat);
    }

    /** A new plain-Java evaluator loaded with the current parameters. */
    public ActorCriticForward plainForward() {
        ActorCriticForward f = layout().forward();
        f.load(params());
        return f;
    }

    /** Where each layer sits in {@link #params()}: what a plain-Java evaluator in any JVM needs. */
    public ActorCriticLayout layout() {
        int h = config.torso().hidden().size();
        return config.sharedTorso()
                ? new ActorCriticLayout(numParams, inputSize, convLayout, layout.subList(0, h), layout.get(h), null,
                        layout.get(h + 1))
                : new ActorCriticLayout(numParams, inputSize, convLayout, layout.subList(0, h), layout.get(h),
                        layout.subList(h + 1, 2 * h + 1), layout.get(2 * h + 1));
    }

    /**
     * The gradient of the mean loss over a batch, written to {@code gradOut} in the layout of {@link #params()}.
     *
     * @param obs         {@code batch * inputSize} floats, row-major
     * @param actions     the actions taken
     * @param advantages  advantage estimates (already normalised if the algorithm does that)
     * @param oldLogProbs log-probabilities of the actions under the policy that collected them
     * @param returns     value targets
     * @param oldValues   value estimates at collection (for value clipping)
     */
    public LossStats gradient(float[] obs, int[] actions, float[] advantages, float[] oldLogProbs, float[] returns,
                              float[] oldValues, int batch, float[] gradOut) {
        Checks.positive("batch", batch);
        if (gradOut.length != numParams) {
            throw new IllegalArgumentException("gradOut.length (" + gradOut.length + ") must equal numParams ("
                    + numParams + ")");
        }
        float[] policyLabels = new float[batch * PolicyGradientLoss.LABEL_WIDTH];
        float[] valueLabels = new float[batch * ValueLoss.LABEL_WIDTH];
        for (int i = 0; i < batch; i++) {
            policyLabels[3 * i] = actions[i];
            policyLabels[3 * i + 1] = advantages[i];
            policyLabels[3 * i + 2] = oldLogProbs[i];
            valueLabels[2 * i] = returns[i];
            valueLabels[2 * i + 1] = oldValues[i];
        }
        if (engine != null) {
            double score = engine.gradient(obs, policyLabels, valueLabels, batch, policyLoss, valueLoss, gradOut);
            float inv = 1f / batch;
            for (int i = 0; i < numParams; i++) {
                gradOut[i] *= inv;
            }
            PolicyGradientLoss.Stats p = policyLoss.lastStats();
            return new LossStats(score, p.policyLoss(), valueLoss.lastLoss(), p.entropy(), p.approxKl(),
                    p.clipFraction());
        }
        graph.setInputs(Nd4j.create(obs, new long[] {batch, inputSize}, 'c'));
        graph.setLabels(Nd4j.create(policyLabels, new long[] {batch, PolicyGradientLoss.LABEL_WIDTH}, 'c'),
                Nd4j.create(valueLabels, new long[] {batch, ValueLoss.LABEL_WIDTH}, 'c'));
        graph.computeGradientAndScore();
        double score = graph.score();
        INDArray flat = graph.gradient().gradient();
        if (flat.offset() != 0 || flat.length() != numParams) {
            throw new IllegalStateException("DL4J's flat gradient is not a whole vector: " + flat.shapeInfoToString());
        }
        // DL4J's gradient is of the summed loss (its updater divides by the batch size); ours is of the mean
        flat.data().asNioFloat().get(0, gradOut);
        float inv = 1f / batch;
        for (int i = 0; i < numParams; i++) {
            gradOut[i] *= inv;
        }
        graph.clear();
        PolicyGradientLoss.Stats p = policyLoss.lastStats();
        return new LossStats(score, p.policyLoss(), valueLoss.lastLoss(), p.entropy(), p.approxKl(),
                p.clipFraction());
    }
}
