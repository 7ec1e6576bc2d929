package rlx.networks.ac;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import rlx.networks.config.Checks;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.dl4j.Dl4jMapping;
import rlx.networks.dl4j.Torso;

/**
 * Builds actor-critic graphs with input {@value #INPUT}, optional convolutions {@code conv0, conv1, ...} shared by both
 * heads, dense layers ({@code dense0, ...} shared, or towers {@code pi0, ...} and {@code vf0, ...}) and two outputs,
 * in this order: {@value #POLICY}, the action logits under a {@link PolicyGradientLoss}, and {@value #VALUE}, one
 * linear unit (dense layer {@value #VALUE_HEAD}) under a parameterless {@code LossLayer} with a {@link ValueLoss}.
 *
 * <p>The graph only computes gradients: the optimiser step is taken on the flat parameter vector by
 * {@link rlx.networks.optim.FlatOptimizer}, so that the gradient can be clipped by its global norm (DL4J clips per
 * layer) and, for A3C, shipped to another actor. The DL4J updater is therefore plain SGD and never used.
 */
public final class ActorCriticNetworks {
    /** Name of the graph input. */
    public static final String INPUT = "obs";
    /** Name of the policy output (logits). */
    public static final String POLICY = "policy";
    /** Name of the value output. */
    public static final String VALUE = "value";
    /** Name of the dense layer that computes the value. */
    public static final String VALUE_HEAD = "valueHead";

    /** Prefix of the policy tower's dense layers when the torso is not shared ({@code pi0, pi1, ...}). */
    public static final String POLICY_PREFIX = "pi";
    /** Prefix of the value tower's dense layers when the torso is not shared ({@code vf0, vf1, ...}). */
    public static final String VALUE_PREFIX = "vf";

    private ActorCriticNetworks() {
    }

    /** Names of one head's hidden layers, input side first. */
    public static java.util.List<String> hiddenLayers(ActorCriticConfig config, boolean policy) {
        String prefix = config.sharedTorso() ? Torso.DENSE_PREFIX : policy ? POLICY_PREFIX : VALUE_PREFIX;
        return java.util.stream.IntStream.range(0, config.torso().hidden().size()).mapToObj(i -> prefix + i).toList();
    }

    private static String tower(ComputationGraphConfiguration.GraphBuilder gb, String input, String prefix,
                                ActorCriticConfig config) {
        String last = input;
        for (int i = 0; i < config.torso().hidden().size(); i++) {
            String name = prefix + i;
            gb.addLayer(name, new DenseLayer.Builder()
                    .nOut(config.torso().hidden().get(i))
                    .activation(Dl4jMapping.activation(config.torso().activation()))
                    .build(), last);
            last = name;
        }
        return last;
    }

    /**
     * A new, initialised actor-critic graph.
     *
     * @param config     torso (the optimiser is applied outside the graph)
     * @param losses     coefficients of the two losses
     * @param inputSize  floats per observation (channels * height * width for a conv torso)
     * @param numActions size of the policy output
     * @param seed       seed of DL4J's weight initialisation
     * @throws IllegalArgumentException if {@code inputSize} is not the conv torso's channels * height * width
     */
    public static ComputationGraph build(ActorCriticConfig config, ActorCriticLosses losses, int inputSize,
                                         int numActions, long seed) {
        Checks.notNull("config", config);
        Checks.notNull("losses", losses);
        Checks.positive("inputSize", inputSize);
        Checks.positive("numActions", numActions);
        ComputationGraphConfiguration.GraphBuilder gb =
                Dl4jMapping.base(OptimizerConfig.sgd(1.0), config.torso().weightInit(), seed).graphBuilder()
                        .addInputs(INPUT)
                        .setInputTypes(Torso.inputType(config.conv(), inputSize));
        String policyIn;
        String valueIn;
        if (config.sharedTorso()) {
            policyIn = Torso.add(gb, INPUT, config.conv(), config.torso());
            valueIn = policyIn;
        } else {
            // the convolutions are shared even by separate towers (see ActorCriticConfig)
            String features = Torso.addConv(gb, INPUT, config.conv());
            policyIn = tower(gb, features, POLICY_PREFIX, config);
            valueIn = tower(gb, features, VALUE_PREFIX, config);
        }
        gb.addLayer(POLICY, new OutputLayer.Builder(new PolicyGradientLoss(losses.clipRange(), losses.entropyCoef()))
                .nOut(numActions).activation(Activation.IDENTITY).build(), policyIn);
        gb.addLayer(VALUE_HEAD, new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(), valueIn);
        gb.addLayer(VALUE, new LossLayer.Builder(new ValueLoss(losses.valueCoef(), losses.valueClipRange()))
                .activation(Activation.IDENTITY).build(), VALUE_HEAD);
        gb.setOutputs(POLICY, VALUE);
        ComputationGraph graph = new ComputationGraph(gb.build());
        graph.init();
        return graph;
    }
}
