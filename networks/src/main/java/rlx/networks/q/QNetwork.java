package rlx.networks.q;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.Checks;
import rlx.networks.dl4j.Dl4jMapping;
import rlx.networks.dl4j.DuelingVertex;
import rlx.networks.dl4j.NativeConvolutionLayer;
import rlx.networks.dl4j.Torso;
import rlx.networks.plain.ConvLayout;
import rlx.networks.plain.DenseLayout;
import rlx.networks.plain.ParamProbe;

/**
 * A Q-network: one DL4J {@link ComputationGraph} with input {@value #INPUT} and output {@value #OUTPUT}, fed and read
 * through plain float arrays.
 *
 * <p>Graph: optional {@code conv0..}, dense {@code dense0..}, then either a dense {@value #HEAD} of
 * {@code numActions} linear units, or dense {@value #VALUE} (1 unit) and {@value #ADVANTAGE} ({@code numActions}
 * units) joined by a {@link DuelingVertex} {@value #DUELING}; last a parameterless {@code LossLayer}
 * {@value #OUTPUT}. Parameters are float32.
 *
 * <p>The output is a {@code LossLayer} rather than an {@code OutputLayer} because DL4J's {@code OutputLayer}
 * multiplies its pre-activations by the label mask before the loss: harmless for 0/1 masks, but it would distort
 * importance weights. A {@code LossLayer} hands the mask to the loss untouched, and the mask-weighted losses of
 * {@link rlx.networks.dl4j.MaskWeightedLoss} apply it exactly once.
 *
 * <p>Arrays passed to {@link #fit} and {@link #output} are copied into INDArrays that are kept and reused per batch
 * size (the four most recently used sizes of each), so alternating between acting and learning batch sizes does not
 * allocate. Not thread-safe: DL4J graphs are not, and neither are the reused buffers.
 */
public final class QNetwork {
    /** Name of the graph input. */
    public static final String INPUT = "obs";
    /** Name of the graph output (the Q-values). */
    public static final String OUTPUT = "q";
    /** Name of the linear Q-value layer of a network without dueling head. */
    public static final String HEAD = "head";
    /** Name of the dueling state-value layer. */
    public static final String VALUE = "value";
    /** Name of the dueling advantage layer. */
    public static final String ADVANTAGE = "advantage";
    /** Name of the dueling aggregation vertex. */
    public static final String DUELING = "dueling";
    /** File name of the DL4J model (with updater state) inside a save directory. */
    public static final String MODEL_FILE = "model.zip";
    /** File name of the metadata inside a save directory. */
    public static final String METADATA_FILE = "network.json";
    /** Version of the save-directory format written by {@link #save}. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Contents of {@value #METADATA_FILE}: what {@link #load} rebuilds the network from and checks the model file
     * against.
     *
     * @param format      save-directory format, {@value #FORMAT}
     * @param dl4jVersion deeplearning4j-nn version that wrote the model
     * @param inputSize   floats per observation
     * @param numActions  Q-values per observation
     * @param numParams   length of the flat parameter vector
     * @param config      the network's configuration
     */
    public record Metadata(int format, String dl4jVersion, int inputSize, int numActions, long numParams,
                           QNetworkConfig config) {
    }

    private final QNetworkConfig config;
    private final int inputSize;
    private final int numActions;
    private final ComputationGraph graph;
    private final int numParams;
    private final PlainForward.Layout layout;

    private INDArray flatParams;
    private FloatBuffer flatBuffer;
    /** The learner engine that trains and evaluates this network on the CPU backend, or null: DL4J's fit. */
    private final QEngine engine;
    /** Set once {@link #graph()} has handed the graph out: engine and graph are then kept in step around each call. */
    private boolean graphShared;

    /** Reused INDArrays (and FloatBuffers over their memory) for one batch size. */
    private static final class Batch {
        final int size;
        final INDArray[] obs;
        final INDArray[] targets;
        final INDArray[] mask;
        final FloatBuffer obsBuffer;
        final FloatBuffer targetsBuffer;
        final FloatBuffer maskBuffer;
        final INDArray outCopy;
        final FloatBuffer outCopyBuffer;
        long lastUse;

        Batch(int size, int inputSize, int numActions, boolean training) {
            this.size = size;
            INDArray o = Nd4j.create(DataType.FLOAT, size, inputSize);
            obs = new INDArray[] {o};
            obsBuffer = bufferOf(o);
            if (training) {
                INDArray t = Nd4j.create(DataType.FLOAT, size, numActions);
                INDArray m = Nd4j.create(DataType.FLOAT, size, numActions);
                targets = new INDArray[] {t};
                mask = new INDArray[] {m};
                targetsBuffer = bufferOf(t);
                maskBuffer = bufferOf(m);
                outCopy = null;
                outCopyBuffer = null;
            } else {
                targets = null;
                mask = null;
                targetsBuffer = null;
                maskBuffer = null;
                outCopy = Nd4j.create(DataType.FLOAT, size, numActions);
                outCopyBuffer = bufferOf(outCopy);
            }
        }
    }

    /** Batch sizes whose buffers are kept, e.g. acting (1), learning (B) and a final partial batch. */
    private static final int CACHED_BATCH_SIZES = 4;
    private final Batch[] fitBatches = new Batch[CACHED_BATCH_SIZES];
    private final Batch[] outBatches = new Batch[CACHED_BATCH_SIZES];
    private long uses;

    private QNetwork(QNetworkConfig config, int inputSize, int numActions, ComputationGraph graph) {
        this.config = config;
        this.inputSize = inputSize;
        this.numActions = numActions;
        this.graph = graph;
        long n = graph.numParams();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("numParams (" + n + ") must fit a float[]");
        }
        this.numParams = (int) n;
        refreshParamBuffer();
        this.layout = probeLayout();
        this.engine = rlx.networks.engine.Engine.enabled()
                ? new QEngine(layout, config, graph, learningRateOf(graph)) : null;
    }

    private static double learningRateOf(ComputationGraph graph) {
        return graph.getLearningRate(graph.getLayers()[0].conf().getLayer().getLayerName());
    }

    /** Whether fit and output run on the learner engine (see {@link rlx.networks.engine}). */
    public boolean usesEngine() {
        return engine != null;
    }

    /** Pulls changes made through {@link #graph()} into the engine. */
    private void beforeEngine() {
        if (graphShared) {
            engine.loadParams(graph);
        }
    }

    /** Pushes the engine's changes into a graph someone holds. */
    private void afterEngine() {
        if (graphShared) {
            engine.syncTo(graph);
        }
    }

    /**
     * Builds and initialises a network.
     *
     * @param config     the architecture, loss and optimiser
     * @param inputSize  floats per observation (channels * height * width for a conv torso)
     * @param numActions number of Q-values
     * @param seed       seed of DL4J's weight initialisation
     */
    public static QNetwork build(QNetworkConfig config, int inputSize, int numActions, long seed) {
        Checks.notNull("config", config);
        Checks.positive("inputSize", inputSize);
        Checks.positive("numActions", numActions);
        return new QNetwork(config, inputSize, numActions, createGraph(config, inputSize, numActions, seed));
    }

    static ComputationGraph createGraph(QNetworkConfig config, int inputSize, int numActions, long seed) {
        ComputationGraphConfiguration.GraphBuilder gb =
                Dl4jMapping.base(config.optimizer(), config.torso().weightInit(), seed).graphBuilder()
                        .addInputs(INPUT)
                        .setInputTypes(Torso.inputType(config.conv(), inputSize));
        String last = Torso.add(gb, INPUT, config.conv(), config.torso());
        ILossFunction loss = Dl4jMapping.loss(config.loss(), config.huberDelta());
        if (config.dueling()) {
            gb.addLayer(VALUE, new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(), last);
            gb.addLayer(ADVANTAGE, new DenseLayer.Builder().nOut(numActions).activation(Activation.IDENTITY).build(),
                    last);
            gb.addVertex(DUELING, new DuelingVertex(), VALUE, ADVANTAGE);
            last = DUELING;
        } else {
            gb.addLayer(HEAD, new DenseLayer.Builder().nOut(numActions).activation(Activation.IDENTITY).build(), last);
            last = HEAD;
        }
        gb.addLayer(OUTPUT, new LossLayer.Builder(loss).activation(Activation.IDENTITY).build(), last);
        gb.setOutputs(OUTPUT);
        ComputationGraph g = new ComputationGraph(gb.build());
        g.init();
        return g;
    }

    /** The configuration this network was built from. */
    /**
     * Sets the optimiser's learning rate for every layer, keeping its state (Adam's moments): how learning-rate
     * schedules are applied, once per training round rather than per gradient step.
     */
    public void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate (" + learningRate + ") must be >= 0 and finite");
        }
        if (engine != null) {
            engine.setLearningRate(learningRate);
        }
        graph.setLearningRate(learningRate);
    }

    /** The learning rate the optimiser currently applies. */
    public double learningRate() {
        return engine != null ? engine.learningRate() : learningRateOf(graph);
    }

    public QNetworkConfig config() {
        return config;
    }

    /** Floats per observation. */
    public int inputSize() {
        return inputSize;
    }

    /** Number of Q-values per observation. */
    public int numActions() {
        return numActions;
    }

    /** Length of the flat parameter vector. */
    public long numParams() {
        return numParams;
    }

    /**
     * The live DL4J graph, for what this class does not wrap (listeners, evaluation). Changing its parameters
     * directly is fine; replacing its parameter array is not. With the learner engine, handing the graph out makes
     * every later call copy the parameters between the two (tests and tools only).
     */
    public ComputationGraph graph() {
        if (engine != null && !graphShared) {
            // from now on every engine call leaves the graph up to date
            engine.syncTo(graph);
            graphShared = true;
        }
        return graph;
    }

    /**
     * One gradient step on a minibatch; returns DL4J's score: the masked loss averaged over the batch, plus the L2
     * penalty {@code 0.5 * l2 * |W|^2} when {@code l2 > 0}.
     *
     * <p>The loss of example {@code i} is {@code sum_k mask[i,k] * loss(q[i,k] - targets[i,k])}, so outputs with
     * mask 0 contribute neither loss nor gradient and a non-zero mask value weights the output (e.g. an importance
     * weight on the taken action). With one non-zero entry of 1 per row, MSE is PyTorch's {@code mse_loss} of the
     * selected Q-values and HUBER its {@code huber_loss(delta)}.
     *
     * @param obs       {@code batchSize * inputSize()} floats, row-major
     * @param batchSize examples in the batch, &gt; 0
     * @param targets   {@code batchSize * numActions()} regression targets
     * @param mask      {@code batchSize * numActions()} non-negative weights
     */
    public double fit(float[] obs, int batchSize, float[] targets, float[] mask) {
        return fit(obs, batchSize, targets, mask, null);
    }

    /**
     * As {@link #fit(float[], int, float[], float[])}, and writes the Q-values of {@code obs} before the step into
     * {@code qBefore} ({@code batchSize * numActions()} floats) unless it is null: on the learner engine they come
     * from the step's own forward pass, at no cost.
     */
    public double fit(float[] obs, int batchSize, float[] targets, float[] mask, float[] qBefore) {
        Checks.positive("batchSize", batchSize);
        requireLength("obs", obs, (long) batchSize * inputSize);
        requireLength("targets", targets, (long) batchSize * numActions);
        requireLength("mask", mask, (long) batchSize * numActions);
        if (qBefore != null) {
            requireLength("qBefore", qBefore, (long) batchSize * numActions);
        }
        if (engine != null) {
            beforeEngine();
            double score = engine.fit(obs, batchSize, targets, mask, qBefore);
            afterEngine();
            return score;
        }
        if (qBefore != null) {
            output(obs, batchSize, qBefore);
        }
        Batch b = batch(fitBatches, batchSize, true);
        b.obsBuffer.put(0, obs, 0, batchSize * inputSize);
        b.targetsBuffer.put(0, targets, 0, batchSize * numActions);
        b.maskBuffer.put(0, mask, 0, batchSize * numActions);
        graph.fit(b.obs, b.targets, null, b.mask);
        return graph.score();
    }

    /**
     * Q-values of a batch through DL4J (inference mode).
     *
     * @param obs       {@code batchSize * inputSize()} floats, row-major
     * @param batchSize examples, &gt; 0
     * @param out       receives {@code batchSize * numActions()} floats, row-major
     */
    public void output(float[] obs, int batchSize, float[] out) {
        Checks.positive("batchSize", batchSize);
        requireLength("obs", obs, (long) batchSize * inputSize);
        requireLength("out", out, (long) batchSize * numActions);
        if (engine != null) {
            beforeEngine();
            engine.output(obs, batchSize, out);
            return;
        }
        Batch b = batch(outBatches, batchSize, false);
        b.obsBuffer.put(0, obs, 0, batchSize * inputSize);
        INDArray q = graph.output(false, b.obs)[0];
        int n = batchSize * numActions;
        if (q.ordering() == 'c' && q.dataType() == DataType.FLOAT && q.offset() == 0 && q.length() == n
                && q.data().length() == n) {
            q.data().asNioFloat().get(0, out, 0, n);
        } else {
            b.outCopy.assign(q);
            b.outCopyBuffer.get(0, out, 0, n);
        }
    }

    /** A copy of the flat parameter vector (DL4J's layout). */
    public float[] params() {
        float[] out = new float[numParams];
        copyParamsTo(out);
        return out;
    }

    /** Copies the flat parameter vector into {@code dst} (length {@link #numParams()}) without allocating. */
    public void copyParamsTo(float[] dst) {
        if (dst.length != numParams) {
            throw new IllegalArgumentException("dst.length (" + dst.length + ") must equal numParams (" + numParams
                    + ")");
        }
        if (engine != null) {
            beforeEngine();
            engine.copyParamsTo(dst);
            return;
        }
        paramBuffer().get(0, dst, 0, numParams);
    }

    /** Overwrites every parameter from a flat vector in DL4J's layout (as {@link #params()} returns). */
    public void setParams(float[] flat) {
        if (flat.length != numParams) {
            throw new IllegalArgumentException("flat.length (" + flat.length + ") must equal numParams (" + numParams
                    + ")");
        }
        if (engine != null) {
            engine.setParams(flat);
            afterEngine();
            return;
        }
        paramBuffer().put(0, flat, 0, numParams);
    }

    /** Whether {@link #plainForward()} is available: always, for MLP and conv networks alike. */
    public boolean supportsPlainForward() {
        return layout != null;
    }

    /**
     * A new plain-Java evaluator of this network, loaded with its current parameters.
     * Each call returns an independent instance (one per acting thread); refresh it with
     * {@code pf.load(net.params())}.
     */
    public PlainForward plainForward() {
        if (layout == null) {
            return null;
        }
        PlainForward pf = new PlainForward(layout);
        pf.load(params());
        return pf;
    }

    /**
     * Writes {@value #MODEL_FILE} (DL4J's ModelSerializer, with the updater state so Adam's moments and the iteration
     * count survive) and {@value #METADATA_FILE} into {@code dir}, creating it if needed. Each file is written to a
     * temporary name first and moved into place.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public void save(Path dir) {
        try {
            writeFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save Q-network to " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writeFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path model = dir.resolve(MODEL_FILE);
        Path modelTmp = dir.resolve(MODEL_FILE + ".tmp");
        if (engine != null) {
            engine.syncTo(graph);
        }
        ModelSerializer.writeModel(graph, modelTmp.toFile(), true);
        Files.move(modelTmp, model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Metadata meta = new Metadata(FORMAT, Dl4jMapping.dl4jVersion(), inputSize, numActions, numParams, config);
        Path metaTmp = dir.resolve(METADATA_FILE + ".tmp");
        JSON.writeValue(metaTmp.toFile(), meta);
        Files.move(metaTmp, dir.resolve(METADATA_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads {@value #METADATA_FILE} from a save directory.
     *
     * @throws UncheckedIOException if it is missing, unreadable or of another format
     */
    public static Metadata readMetadata(Path dir) {
        try {
            return readMetadataFile(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(METADATA_FILE) + ": " + e.getMessage(), e);
        }
    }

    private static Metadata readMetadataFile(Path dir) throws IOException {
        Metadata meta = JSON.readValue(dir.resolve(METADATA_FILE).toFile(), Metadata.class);
        if (meta.format() != FORMAT) {
            throw new IOException(dir.resolve(METADATA_FILE) + ": format (" + meta.format() + ") must be " + FORMAT);
        }
        if (meta.config() == null) {
            throw new IOException(dir.resolve(METADATA_FILE) + ": config is missing");
        }
        return meta;
    }

    /**
     * Restores a network written by {@link #save}: parameters, updater state and iteration count from
     * {@value #MODEL_FILE}, checked against a graph rebuilt from {@value #METADATA_FILE} (same vertices, layer
     * configurations, parameter names and shapes).
     *
     * @throws UncheckedIOException if a file is missing or unreadable, or the model does not match its metadata
     */
    public static QNetwork load(Path dir) {
        try {
            return loadFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load Q-network from " + dir + ": " + e.getMessage(), e);
        }
    }

    private static QNetwork loadFiles(Path dir) throws IOException {
        Metadata meta = readMetadataFile(dir);
        ComputationGraph expected;
        try {
            expected = createGraph(meta.config(), meta.inputSize(), meta.numActions(), 0);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(METADATA_FILE) + ": " + e.getMessage(), e);
        }
        ComputationGraph restored = NativeConvolutionLayer.upgrade(
                ModelSerializer.restoreComputationGraph(dir.resolve(MODEL_FILE).toFile(), true));
        String mismatch = structuralMismatch(expected, restored, meta);
        if (mismatch != null) {
            throw new IOException(dir + ": model does not match " + METADATA_FILE + ": " + mismatch);
        }
        return new QNetwork(meta.config(), meta.inputSize(), meta.numActions(), restored);
    }

    private static String structuralMismatch(ComputationGraph expected, ComputationGraph actual, Metadata meta) {
        if (actual.numParams() != meta.numParams() || expected.numParams() != meta.numParams()) {
            return "numParams: metadata " + meta.numParams() + ", rebuilt " + expected.numParams() + ", model "
                    + actual.numParams();
        }
        ComputationGraphConfiguration ec = expected.getConfiguration();
        ComputationGraphConfiguration ac = actual.getConfiguration();
        if (!ec.getNetworkInputs().equals(ac.getNetworkInputs())
                || !ec.getNetworkOutputs().equals(ac.getNetworkOutputs())) {
            return "inputs/outputs " + ac.getNetworkInputs() + "/" + ac.getNetworkOutputs() + ", expected "
                    + ec.getNetworkInputs() + "/" + ec.getNetworkOutputs();
        }
        if (!ec.getVertices().keySet().equals(ac.getVertices().keySet())) {
            return "vertices " + ac.getVertices().keySet() + ", expected " + ec.getVertices().keySet();
        }
        if (!ec.getVertexInputs().equals(ac.getVertexInputs())) {
            return "vertex inputs " + ac.getVertexInputs() + ", expected " + ec.getVertexInputs();
        }
        for (var e : ec.getVertices().entrySet()) {
            var other = ac.getVertices().get(e.getKey());
            if (e.getValue() instanceof LayerVertex lv && other instanceof LayerVertex olv) {
                if (!lv.getLayerConf().getLayer().equals(sameLearningRate(olv.getLayerConf().getLayer(),
                        lv.getLayerConf().getLayer()))) {
                    return "layer " + e.getKey() + " is " + olv.getLayerConf().getLayer() + ", expected "
                            + lv.getLayerConf().getLayer();
                }
            } else if (!e.getValue().getClass().equals(other.getClass())) {
                return "vertex " + e.getKey() + " is " + other.getClass().getSimpleName() + ", expected "
                        + e.getValue().getClass().getSimpleName();
            }
        }
        Map<String, INDArray> ep = expected.paramTable();
        Map<String, INDArray> ap = actual.paramTable();
        if (!ep.keySet().equals(ap.keySet())) {
            return "parameters " + ap.keySet() + ", expected " + ep.keySet();
        }
        for (var e : ep.entrySet()) {
            if (!Arrays.equals(e.getValue().shape(), ap.get(e.getKey()).shape())) {
                return "parameter " + e.getKey() + " has shape " + Arrays.toString(ap.get(e.getKey()).shape())
                        + ", expected " + Arrays.toString(e.getValue().shape());
            }
        }
        return null;
    }

    /**
     * {@code layer} with the learning rate of {@code like}: a learning-rate schedule changes the rate a model is saved
     * with, which is state, not structure.
     */
    private static org.deeplearning4j.nn.conf.layers.Layer sameLearningRate(org.deeplearning4j.nn.conf.layers.Layer layer,
                                                                            org.deeplearning4j.nn.conf.layers.Layer like) {
        if (layer instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b
                && like instanceof org.deeplearning4j.nn.conf.layers.BaseLayer l
                && b.getIUpdater() != null && l.getIUpdater() != null && l.getIUpdater().hasLearningRate()) {
            org.deeplearning4j.nn.conf.layers.BaseLayer copy = (org.deeplearning4j.nn.conf.layers.BaseLayer) b.clone();
            org.nd4j.linalg.learning.config.IUpdater u = b.getIUpdater().clone();
            u.setLrAndSchedule(l.getIUpdater().getLearningRate(0, 0), null);
            copy.setIUpdater(u);
            return copy;
        }
        return layer;
    }

    /** The cached buffers for a batch size, replacing the least recently used entry on a miss. */
    private Batch batch(Batch[] cache, int size, boolean training) {
        int victim = 0;
        for (int i = 0; i < cache.length; i++) {
            if (cache[i] != null && cache[i].size == size) {
                cache[i].lastUse = ++uses;
                return cache[i];
            }
            if (cache[i] == null || (cache[victim] != null && cache[i].lastUse < cache[victim].lastUse)) {
                victim = i;
            }
        }
        Batch b = new Batch(size, inputSize, numActions, training);
        b.lastUse = ++uses;
        cache[victim] = b;
        return b;
    }

    private static void requireLength(String field, float[] a, long needed) {
        if (a == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (a.length < needed) {
            throw new IllegalArgumentException(field + ".length (" + a.length + ") must be >= " + needed);
        }
    }

    /** The FloatBuffer over a freshly created, contiguous, offset-0 float array's memory. */
    private static FloatBuffer bufferOf(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.offset() != 0 || a.data().length() != a.length()
                || a.ordering() != 'c') {
            throw new IllegalStateException("expected a contiguous float array, got " + a.shapeInfoToString());
        }
        return a.data().asNioFloat();
    }

    private FloatBuffer paramBuffer() {
        if (graph.params() != flatParams) {
            refreshParamBuffer();
        }
        return flatBuffer;
    }

    private void refreshParamBuffer() {
        INDArray p = graph.params();
        if (p.dataType() != DataType.FLOAT || p.offset() != 0 || p.length() != numParams
                || p.data().length() != numParams) {
            throw new IllegalStateException("DL4J's flat parameter array is not a contiguous float vector: "
                    + p.shapeInfoToString());
        }
        flatParams = p;
        flatBuffer = p.data().asNioFloat();
    }

    /** Where each conv and dense layer's W and b sit in the flat vector, read off DL4J's own parameter views. */
    private PlainForward.Layout probeLayout() {
        return ParamProbe.withIndices(graph, () -> {
            List<ConvLayout> conv = config.conv() == null ? List.of()
                    : ConvLayout.readStack(graph, Torso.CONV_PREFIX, config.conv());
            long covered = 0;
            for (ConvLayout c : conv) {
                covered += c.numParams();
            }
            ActivationKind act = config.torso().activation();
            List<DenseLayout> dense = new ArrayList<>();
            int hiddenCount = config.torso().hidden().size();
            for (int i = 0; i < hiddenCount; i++) {
                dense.add(DenseLayout.read(graph.getLayer(Torso.DENSE_PREFIX + i), Torso.DENSE_PREFIX + i, act));
            }
            for (String name : config.dueling() ? List.of(ADVANTAGE, VALUE) : List.of(HEAD)) {
                dense.add(DenseLayout.read(graph.getLayer(name), name, ActivationKind.IDENTITY));
            }
            for (DenseLayout d : dense) {
                covered += d.numParams();
            }
            // every parameter must be accounted for, so that nothing is silently left out of plain evaluation
            if (covered != numParams) {
                throw new IllegalStateException("plain layers cover " + covered + " of " + numParams + " parameters");
            }
            return new PlainForward.Layout(numParams, inputSize, numActions, conv, dense.subList(0, hiddenCount),
                    dense.get(hiddenCount), config.dueling() ? dense.get(hiddenCount + 1) : null);
        });
    }
}
