package rlx.networks.pv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import rlx.networks.config.Checks;
import rlx.networks.config.WeightInitKind;
import rlx.networks.dl4j.Dl4jMapping;
import rlx.networks.dl4j.NativeConvolutionLayer;

/**
 * A policy-value network for board games ({@link PolicyValueConfig}) on a DL4J graph: input {@value #INPUT} of
 * shape [batch, planes, rows, cols], outputs {@value #POLICY} (move probabilities, softmax, cross-entropy against
 * search visit distributions) and {@value #VALUE} (tanh, squared error against game outcomes), so that the loss is
 * AlphaZero's {@code (z - v)^2 - pi^T log p + c |theta|^2}. Not thread-safe: one owner, weights travel as
 * {@link #params()} snapshots (batch-norm statistics included, DL4J keeps them among the parameters).
 */
public final class PolicyValueNetwork {

    public static final String INPUT = "board";
    public static final String POLICY = "policy";
    public static final String VALUE = "value";
    /** The file {@link #save} writes: DL4J's ModelSerializer zip, configuration and updater state included. */
    public static final String MODEL_FILE = "policy-value.zip";

    private final ComputationGraph graph;
    private final int planes;
    private final int rows;
    private final int cols;
    private final int numActions;

    private PolicyValueNetwork(ComputationGraph graph) {
        this.graph = graph;
        long[] in = inputShape(graph);
        this.planes = (int) in[0];
        this.rows = (int) in[1];
        this.cols = (int) in[2];
        this.numActions = (int) graph.getLayer(POLICY).getParam("W").size(1);
    }

    /**
     * A new, initialised network.
     *
     * @param planes     input planes (the game's observation tensor, planes first)
     * @param rows       board rows
     * @param cols       board columns
     * @param numActions policy outputs: the game's distinct actions
     * @param seed       seed of the weight initialisation
     */
    public static PolicyValueNetwork build(PolicyValueConfig config, int planes, int rows, int cols, int numActions,
                                           long seed) {
        Checks.notNull("config", config);
        Checks.positive("planes", planes);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.positive("numActions", numActions);
        ComputationGraphConfiguration.GraphBuilder g = Dl4jMapping.base(config.optimizer(), WeightInitKind.HE, seed)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(rows, cols, planes));
        String x = convBnRelu(g, "stem", INPUT, config.filters(), 3, true);
        for (int b = 0; b < config.blocks(); b++) {
            String p = "res" + b;
            String h = convBnRelu(g, p + "a", x, config.filters(), 3, true);
            String y = convBnRelu(g, p + "b", h, config.filters(), 3, false);
            g.addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), y, x);
            g.addLayer(p + "relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), p + "add");
            x = p + "relu";
        }
        String ph = convBnRelu(g, "policyConv", x, 2, 1, true);
        g.addLayer(POLICY, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numActions).activation(Activation.SOFTMAX).build(), ph);
        String vh = convBnRelu(g, "valueConv", x, 1, 1, true);
        g.addLayer("valueHidden", new DenseLayer.Builder().nOut(config.valueHidden()).activation(Activation.RELU)
                .build(), vh);
        g.addLayer(VALUE, new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nOut(1).activation(Activation.TANH).build(), "valueHidden");
        g.setOutputs(POLICY, VALUE);
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return new PolicyValueNetwork(graph);
    }

    private static String convBnRelu(ComputationGraphConfiguration.GraphBuilder g, String name, String in,
                                     int filters, int kernel, boolean relu) {
        g.addLayer(name, NativeConvolutionLayer.of(new ConvolutionLayer.Builder(kernel, kernel).nOut(filters)
                .stride(1, 1).convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY)),
                in);
        // batch norm stands in for the convolution's bias; with relu it is the block's non-linearity
        g.addLayer(name + "Bn", new BatchNormalization.Builder()
                .activation(relu ? Activation.RELU : Activation.IDENTITY).build(), name);
        return name + "Bn";
    }

    public int planes() {
        return planes;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Floats in one input: planes * rows * cols. */
    public int inputSize() {
        return planes * rows * cols;
    }

    public int numActions() {
        return numActions;
    }

    public long numParams() {
        return graph.numParams();
    }

    /** The DL4J graph, for inspection; use {@link #evaluate} and {@link #fit} to run it. */
    public ComputationGraph graph() {
        return graph;
    }

    /**
     * One forward pass in inference mode for {@code n} boards.
     *
     * @param boards   {@code n * inputSize()} floats, each board planes-first, row-major
     * @param policy   receives {@code n * numActions()} move probabilities (over all actions, legal or not)
     * @param values   receives {@code n} values in [-1, 1] for the side to move
     */
    public void evaluate(float[] boards, int n, float[] policy, float[] values) {
        Checks.positive("n", n);
        requireLength("boards", boards, (long) n * inputSize());
        requireLength("policy", policy, (long) n * numActions);
        requireLength("values", values, n);
        INDArray[] out = graph.output(false, input(boards, n));
        copyOut(out[0], policy, n * numActions);
        copyOut(out[1], values, n);
    }

    /**
     * One gradient step on a minibatch; returns DL4J's score of it: the sum of both outputs' mean losses plus the L2
     * penalty.
     *
     * @param boards         {@code n * inputSize()} floats
     * @param policyTargets  {@code n * numActions()} target distributions (each row sums to 1)
     * @param valueTargets   {@code n} outcomes in [-1, 1] for the side to move
     */
    public double fit(float[] boards, float[] policyTargets, float[] valueTargets, int n) {
        Checks.positive("n", n);
        requireLength("policyTargets", policyTargets, (long) n * numActions);
        requireLength("valueTargets", valueTargets, n);
        graph.fit(new INDArray[] {input(boards, n)}, new INDArray[] {policyTargets(policyTargets, n),
                valueTargets(valueTargets, n)});
        return graph.score();
    }

    /** The losses of the current parameters on a batch, without training (one extra forward pass). */
    public Losses measure(float[] boards, float[] policyTargets, float[] valueTargets, int n) {
        Checks.positive("n", n);
        requireLength("policyTargets", policyTargets, (long) n * numActions);
        requireLength("valueTargets", valueTargets, n);
        INDArray[] out = graph.output(false, input(boards, n));
        INDArray pi = policyTargets(policyTargets, n);
        return new Losses(policyLoss(out[0], pi), valueLoss(out[1], valueTargets(valueTargets, n)), entropy(out[0]));
    }

    /** Mean policy cross-entropy against the targets, mean squared value error, and mean policy entropy. */
    public record Losses(double policy, double value, double policyEntropy) {
    }

    private INDArray policyTargets(float[] targets, int n) {
        return Nd4j.create(java.util.Arrays.copyOf(targets, n * numActions), new long[] {n, numActions});
    }

    private static INDArray valueTargets(float[] targets, int n) {
        return Nd4j.create(java.util.Arrays.copyOf(targets, n), new long[] {n, 1});
    }

    private static double policyLoss(INDArray p, INDArray pi) {
        return -pi.mul(Nd4j.math().log(p.add(1e-8))).sumNumber().doubleValue() / p.size(0);
    }

    private static double valueLoss(INDArray v, INDArray z) {
        INDArray d = v.sub(z);
        return d.mul(d).sumNumber().doubleValue() / v.size(0);
    }

    private static double entropy(INDArray p) {
        return -p.mul(Nd4j.math().log(p.add(1e-8))).sumNumber().doubleValue() / p.size(0);
    }

    /** A copy of every parameter (batch-norm statistics included), DL4J's flat layout. */
    public float[] params() {
        return graph.params().dup().data().asFloat();
    }

    /** Overwrites every parameter from {@link #params()} of a network with the same architecture. */
    public void setParams(float[] flat) {
        if (flat.length != graph.numParams()) {
            throw new IllegalArgumentException("flat.length (" + flat.length + ") must equal numParams ("
                    + graph.numParams() + ")");
        }
        graph.setParams(Nd4j.create(flat, new long[] {1, flat.length}));
    }

    /** A deep copy: parameters and updater state. */
    public PolicyValueNetwork copy() {
        return new PolicyValueNetwork(graph.clone());
    }

    /** Writes {@value #MODEL_FILE} into {@code dir} (created if needed), atomically. */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(MODEL_FILE + ".tmp");
            ModelSerializer.writeModel(graph, tmp.toFile(), true);
            Files.move(tmp, dir.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the policy-value network to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a network written by {@link #save} from {@code dir} (or from the zip file itself).
     *
     * @throws UncheckedIOException if the file is missing or is not a policy-value network
     */
    public static PolicyValueNetwork load(Path dirOrFile) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(MODEL_FILE) : dirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file + ": no such file (a policy-value network is saved"
                    + " as " + MODEL_FILE + ")"));
        }
        ComputationGraph graph;
        try {
            graph = NativeConvolutionLayer.upgrade(ModelSerializer.restoreComputationGraph(file.toFile(), true));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(file + ": not a DL4J model: " + e.getMessage(), e));
        }
        var outputs = graph.getConfiguration().getNetworkOutputs();
        if (!outputs.equals(java.util.List.of(POLICY, VALUE))
                || !graph.getConfiguration().getNetworkInputs().equals(java.util.List.of(INPUT))) {
            throw new UncheckedIOException(new IOException(file + ": not a policy-value network (inputs "
                    + graph.getConfiguration().getNetworkInputs() + ", outputs " + outputs + ", expected ["
                    + INPUT + "] and [" + POLICY + ", " + VALUE + "])"));
        }
        return new PolicyValueNetwork(graph);
    }

    private INDArray input(float[] boards, int n) {
        requireLength("boards", boards, (long) n * inputSize());
        int size = n * inputSize();
        float[] data = boards.length == size ? boards : java.util.Arrays.copyOf(boards, size);
        return Nd4j.create(data, new long[] {n, planes, rows, cols});
    }

    private static long[] inputShape(ComputationGraph graph) {
        // planes from the stem's weights; the board from the preprocessor that flattens the policy head's planes
        long planes = graph.getLayer("stem").getParam("W").size(1);
        var vertex = (org.deeplearning4j.nn.conf.graph.LayerVertex) graph.getConfiguration().getVertices().get(POLICY);
        var flatten = (org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor) vertex.getPreProcessor();
        return new long[] {planes, flatten.getInputHeight(), flatten.getInputWidth()};
    }

    private static void copyOut(INDArray a, float[] out, int n) {
        INDArray c = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && a.offset() == 0
                && a.data().length() == n ? a : a.castTo(DataType.FLOAT).dup('c');
        c.data().asNioFloat().get(0, out, 0, n);
    }

    private static void requireLength(String field, float[] a, long needed) {
        if (a == null || a.length < needed) {
            throw new IllegalArgumentException(field + ".length (" + (a == null ? "null" : a.length)
                    + ") must be >= " + needed);
        }
    }
}
