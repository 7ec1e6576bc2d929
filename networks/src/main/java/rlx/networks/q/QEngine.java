package rlx.networks.q;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.networks.config.LossKind;
import rlx.networks.engine.DenseGraph;
import rlx.networks.engine.GraphOptimizer;
import rlx.networks.plain.DenseLayout;

/**
 * A Q-network's forward pass, loss, backward pass and DL4J optimiser step on the learner engine
 * ({@link rlx.networks.engine}): what {@link QNetwork#fit} and {@link QNetwork#output} run on the CPU backend. The
 * same mathematics as the DL4J graph it was read from (mask-weighted MSE or Huber loss, dueling aggregation
 * {@code Q = V + A - mean(A)}, the graph's updater); parameters and optimiser state go back into the graph before it
 * is saved.
 */
final class QEngine implements AutoCloseable {

    private final DenseGraph net;
    private final GraphOptimizer optimizer;
    private final int numActions;
    private final int headNode;
    /** The dueling state-value layer, or -1. */
    private final int valueNode;
    private final LossKind loss;
    private final float huberDelta;
    private float[] q = new float[0];
    private long iteration;

    QEngine(PlainForward.Layout layout, QNetworkConfig config, ComputationGraph graph, double learningRate) {
        this.numActions = layout.numActions();
        this.loss = config.loss();
        this.huberDelta = (float) config.huberDelta();
        List<DenseGraph.Node> nodes = new ArrayList<>();
        List<GraphOptimizer.LayerParams> clip = new ArrayList<>();
        int last = DenseGraph.NETWORK_INPUT;
        for (DenseLayout d : layout.hidden()) {
            nodes.add(new DenseGraph.Node(d, last));
            last = nodes.size() - 1;
        }
        nodes.add(new DenseGraph.Node(layout.head(), last));
        headNode = nodes.size() - 1;
        if (layout.value() != null) {
            nodes.add(new DenseGraph.Node(layout.value(), last));
            valueNode = nodes.size() - 1;
        } else {
            valueNode = -1;
        }
        for (rlx.networks.plain.ConvLayout c : layout.conv()) {
            clip.add(new GraphOptimizer.LayerParams(c.wOffset(), c.numWeights(), c.bOffset(), c.outChannels()));
        }
        for (DenseGraph.Node n : nodes) {
            DenseLayout d = n.layout();
            clip.add(new GraphOptimizer.LayerParams(d.wOffset(), d.nIn() * d.nOut(), d.bOffset(), d.nOut()));
        }
        net = new DenseGraph(layout.conv(), nodes, layout.inputSize(), layout.numParams(), 64);
        optimizer = new GraphOptimizer(config.optimizer(), clip, graph);
        optimizer.setLearningRate(learningRate);
        loadParams(graph);
        iteration = graph.getConfiguration().getIterationCount();
    }

    /** One gradient step, as {@link QNetwork#fit}; returns DL4J's score. */
    double fit(float[] obs, int batch, float[] targets, float[] mask, float[] qBefore) {
        forward(obs, batch);
        if (qBefore != null) {
            System.arraycopy(q, 0, qBefore, 0, batch * numActions);
        }
        float[] dq = net.outputGrad(headNode);
        double sum = 0;
        int n = batch * numActions;
        for (int i = 0; i < n; i++) {
            float m = mask[i];
            float diff = q[i] - targets[i];
            float g;
            if (loss == LossKind.MSE) {
                sum += m * diff * diff;
                g = 2f * diff;
            } else {
                float abs = Math.abs(diff);
                float quad = Math.min(abs, huberDelta);
                sum += m * (0.5f * quad * quad + huberDelta * (abs - quad));
                g = Math.max(-huberDelta, Math.min(huberDelta, diff));
            }
            dq[i] = m * g;
        }
        if (valueNode >= 0) {
            // Q = V + A - mean(A): dL/dV sums dL/dQ over actions, dL/dA subtracts its mean
            float[] dv = net.outputGrad(valueNode);
            for (int r = 0; r < batch; r++) {
                float s = 0f;
                for (int a = 0; a < numActions; a++) {
                    s += dq[r * numActions + a];
                }
                dv[r] = s;
                float mean = s / numActions;
                for (int a = 0; a < numActions; a++) {
                    dq[r * numActions + a] -= mean;
                }
            }
            net.seed(valueNode, batch);
        }
        net.seed(headNode, batch);
        net.backward(batch);
        // DL4J's score takes the L2 penalty of the parameters the gradient was computed at
        double score = sum / batch + optimizer.l2Penalty(net.params());
        optimizer.step(net.params(), net.grads(), batch, iteration);
        iteration++;
        return score;
    }

    /** Q-values of a batch, as {@link QNetwork#output}. */
    void output(float[] obs, int batch, float[] out) {
        forward(obs, batch);
        System.arraycopy(q, 0, out, 0, batch * numActions);
    }

    private void forward(float[] obs, int batch) {
        net.setInput(obs, batch);
        net.forward(batch);
        if (q.length < batch * numActions) {
            q = new float[net.maxBatch() * numActions];
        }
        System.arraycopy(net.output(headNode), 0, q, 0, batch * numActions);
        if (valueNode >= 0) {
            float[] v = net.output(valueNode);
            for (int r = 0; r < batch; r++) {
                float mean = 0f;
                for (int a = 0; a < numActions; a++) {
                    mean += q[r * numActions + a];
                }
                mean /= numActions;
                float shift = v[r] - mean;
                for (int a = 0; a < numActions; a++) {
                    q[r * numActions + a] += shift;
                }
            }
        }
    }

    void copyParamsTo(float[] dst) {
        net.params().get(dst);
    }

    void setParams(float[] flat) {
        net.params().put(flat);
    }

    double learningRate() {
        return optimizer.learningRate();
    }

    void setLearningRate(double lr) {
        optimizer.setLearningRate(lr);
    }

    /** Writes parameters, optimiser state, learning rate and iteration count into the graph (before saving it). */
    void syncTo(ComputationGraph graph) {
        INDArray p = flatParams(graph);
        p.data().asNioFloat().put(0, readParams());
        java.lang.ref.Reference.reachabilityFence(p);
        optimizer.saveTo(graph);
        graph.getConfiguration().setIterationCount((int) iteration);
    }

    /** Reads parameters from the graph (someone changed them there). */
    void loadParams(ComputationGraph graph) {
        float[] values = new float[net.numParams()];
        INDArray p = flatParams(graph);
        p.data().asNioFloat().get(0, values);
        java.lang.ref.Reference.reachabilityFence(p);
        net.params().put(values);
    }

    private float[] readParams() {
        float[] p = new float[net.numParams()];
        net.params().get(p);
        return p;
    }

    private static INDArray flatParams(ComputationGraph graph) {
        INDArray p = graph.params();
        if (p.dataType() != DataType.FLOAT || p.offset() != 0 || p.data().length() != p.length()) {
            throw new IllegalStateException("DL4J's flat parameters are not a contiguous float vector: "
                    + p.shapeInfoToString());
        }
        return p;
    }

    @Override
    public void close() {
        net.close();
    }
}
