package rlx.trainers.rl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Helpers for the DL4J networks RL4J's factories build. */
final class Rl4jNetworks {

    private Rl4jNetworks() {
    }

    /**
     * A new network with {@code net}'s configuration (layers, updater, regularisation) initialised from {@code seed}:
     * RL4J's dense factories always seed with 12345, so runs with different seeds would otherwise start alike.
     * Listeners are not copied.
     */
    static MultiLayerNetwork reseeded(MultiLayerNetwork net, long seed) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            layer.setSeed(seed);
        }
        MultiLayerNetwork fresh = new MultiLayerNetwork(conf);
        fresh.init();
        return fresh;
    }
}
