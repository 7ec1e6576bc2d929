package rlx.trainers.cluster;

/** Prints {@code backend=<class>} if ND4J finds a backend in this JVM, {@code backend=none: <why>} if not. */
public final class BackendProbe {

    private BackendProbe() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("backend=" + org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName());
        } catch (Throwable t) {
            System.out.println("backend=none: " + t);
        }
        System.exit(0);
    }
}
