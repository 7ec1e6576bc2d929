package rlx.networks.ac;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import rlx.networks.config.Checks;
import rlx.networks.dl4j.Dl4jMapping;
import rlx.networks.dl4j.SquaredErrorLoss;
import rlx.networks.dl4j.Torso;

/**
 * Builds actor-critic graphs with input {@value #INPUT} and two outputs, in this order: {@value #POLICY}, a softmax
 * over the actions (loss: multi-class cross-entropy, so labels are target probabilities or advantage-weighted
 * one-hots), and {@value #VALUE}, one linear unit (loss: {@link SquaredErrorLoss}, mask-weighted squared error).
 * The value unit is a dense layer {@value #VALUE_HEAD} under a parameterless {@code LossLayer}, so that a label mask
 * weights the loss once (see {@link rlx.networks.q.QNetwork} for why not an {@code OutputLayer}).
 */
public final class ActorCriticNetworks {
    /** Name of the graph input. */
    public static final String INPUT = "obs";
    /** Name of the policy output (action probabilities). */
    public static final String POLICY = "policy";
    /** Name of the value output. */
    public static final String VALUE = "value";
    /** Name of the dense layer that computes the value. */
    public static final String VALUE_HEAD = "valueHead";

    private ActorCriticNetworks() {
    }

    /**
     * A new, initialised actor-critic graph.
     *
     * @param config     torso and optimiser
     * @param inputSize  floats per observation
     * @param numActions size of the policy output
     * @param seed       seed of DL4J's weight initialisation
     */
    public static ComputationGraph build(ActorCriticConfig config, int inputSize, int numActions, long seed) {
        Checks.notNull("config", config);
        Checks.positive("inputSize", inputSize);
        Checks.positive("numActions", numActions);
        ComputationGraphConfiguration.GraphBuilder gb =
                Dl4jMapping.base(config.optimizer(), config.torso().weightInit(), seed).graphBuilder()
                        .addInputs(INPUT)
                        .setInputTypes(Torso.inputType(null, inputSize));
        String last = Torso.add(gb, INPUT, null, config.torso());
        gb.addLayer(POLICY, new OutputLayer.Builder(new LossMCXENT()).nOut(numActions)
                .activation(Activation.SOFTMAX).build(), last);
        gb.addLayer(VALUE_HEAD, new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(), last);
        gb.addLayer(VALUE, new LossLayer.Builder(new SquaredErrorLoss()).activation(Activation.IDENTITY).build(),
                VALUE_HEAD);
        gb.setOutputs(POLICY, VALUE);
        ComputationGraph graph = new ComputationGraph(gb.build());
        graph.init();
        return graph;
    }
}
