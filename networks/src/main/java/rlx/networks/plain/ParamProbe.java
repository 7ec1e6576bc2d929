package rlx.networks.plain;

import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fills a DL4J graph's flat parameter vector with each position's own index while {@code read} runs, so that a
 * layer's parameter views tell where each weight sits; then restores the parameters.
 */
public final class ParamProbe {

    private ParamProbe() {
    }

    /** Runs {@code read} with every parameter set to its index in the flat vector and returns its result. */
    public static <T> T withIndices(ComputationGraph graph, Supplier<T> read) {
        long numParams = graph.numParams();
        // float holds every integer exactly only up to 2^24
        if (numParams >= 1 << 24) {
            throw new IllegalStateException("numParams (" + numParams + ") too large to probe with float indices");
        }
        INDArray saved = graph.params().dup();
        graph.setParams(Nd4j.arange(numParams).castTo(saved.dataType()).reshape(1, numParams));
        try {
            return read.get();
        } finally {
            graph.setParams(saved);
        }
    }
}
