package rlx.networks.engine;

import org.nd4j.linalg.factory.Nd4j;

/** Whether networks train on the learner engine or on DL4J's own layers. */
public final class Engine {

    /** System property: {@code dl4j} trains every network with DL4J's {@code fit} (for comparison and debugging). */
    public static final String PROPERTY = "rlx.learner";

    private Engine() {
    }

    /**
     * True on the CPU backend unless {@code -Drlx.learner=dl4j}: the engine calls the CPU build's OpenBLAS on host
     * memory, so the CUDA backend keeps DL4J's layer path.
     */
    public static boolean enabled() {
        if ("dl4j".equals(System.getProperty(PROPERTY))) {
            return false;
        }
        return Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
    }
}
