package rlx.networks.ac;

import java.util.ArrayList;
import java.util.List;
import rlx.networks.engine.DenseGraph;
import rlx.networks.plain.DenseLayout;

/**
 * The gradient of the actor-critic loss on the learner engine ({@link rlx.networks.engine}): one
 * forward pass through both towers, the policy and value losses written by {@link PolicyGradientLoss} and
 * {@link ValueLoss} (the same code DL4J's output layers call), one backward pass, with a conv torso in front when the
 * config has one. What {@link ActorCriticNetwork#gradient} runs on the CPU backend.
 */
final class ActorCriticEngine implements AutoCloseable {

    private final DenseGraph net;
    private final int policyNode;
    private final int valueNode;
    private final int numActions;

    ActorCriticEngine(ActorCriticLayout layout) {
        List<DenseGraph.Node> nodes = new ArrayList<>();
        int last = DenseGraph.NETWORK_INPUT;
        for (DenseLayout d : layout.policyTower()) {
            nodes.add(new DenseGraph.Node(d, last));
            last = nodes.size() - 1;
        }
        int torso = last;
        nodes.add(new DenseGraph.Node(layout.policyHead(), torso));
        policyNode = nodes.size() - 1;
        last = layout.valueTower() == null ? torso : DenseGraph.NETWORK_INPUT;
        if (layout.valueTower() != null) {
            for (DenseLayout d : layout.valueTower()) {
                nodes.add(new DenseGraph.Node(d, last));
                last = nodes.size() - 1;
            }
        }
        nodes.add(new DenseGraph.Node(layout.valueHead(), last));
        valueNode = nodes.size() - 1;
        numActions = layout.policyHead().nOut();
        net = new DenseGraph(layout.conv(), nodes, layout.inputSize(), layout.numParams(), 64);
    }

    void copyParamsTo(float[] dst) {
        net.params().get(dst);
    }

    void setParams(float[] flat) {
        net.params().put(flat);
    }

    /**
     * The gradient of the mean loss into {@code gradOut}, as {@link ActorCriticNetwork#gradient}; returns DL4J's score
     * (both losses, each averaged over the batch).
     */
    double gradient(float[] obs, float[] policyLabels, float[] valueLabels, int batch, PolicyGradientLoss policyLoss,
                    ValueLoss valueLoss, float[] gradOut) {
        net.setInput(obs, batch);
        net.forward(batch);
        float[] logits = net.output(policyNode);
        float[] values = net.output(valueNode);
        double score = 0;
        for (double l : policyLoss.evaluate(policyLabels, logits, batch, numActions, null, net.outputGrad(policyNode))) {
            score += l;
        }
        for (double l : valueLoss.evaluate(valueLabels, values, batch, 1, null, net.outputGrad(valueNode))) {
            score += l;
        }
        net.seed(policyNode, batch);
        net.seed(valueNode, batch);
        net.backward(batch);
        net.grads().get(gradOut);
        return score / batch;
    }

    @Override
    public void close() {
        net.close();
    }
}
