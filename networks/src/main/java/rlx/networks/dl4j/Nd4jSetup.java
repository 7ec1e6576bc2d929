package rlx.networks.dl4j;

/**
 * The system properties rlx needs before ND4J loads: call {@link #install()} first thing in {@code main} (the CLI
 * does; surefire sets the same properties for tests).
 */
public final class Nd4jSetup {

    /** ND4J's system property naming its op executioner class. */
    public static final String OP_EXECUTIONER = "opexec";
    private static final String FENCED = "rlx.networks.dl4j.FencedOpExecutioner";

    private Nd4jSetup() {
    }

    /**
     * On the CPU backend, installs {@link FencedOpExecutioner} (the fix for ND4J's use-after-free of op dimension
     * arrays) unless another executioner was chosen; the CUDA backend keeps its own.
     */
    public static void install() {
        if (System.getProperty(OP_EXECUTIONER) == null && Nd4jSetup.class.getClassLoader().getResource(
                "org/nd4j/linalg/cpu/nativecpu/ops/NativeOpExecutioner.class") != null) {
            System.setProperty(OP_EXECUTIONER, FENCED);
        }
    }

    /** Whether this JVM's ND4J runs the fenced executioner. */
    public static boolean fenced() {
        return org.nd4j.linalg.factory.Nd4j.getExecutioner().getClass().getName().equals(FENCED);
    }
}
