package rlx.networks.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A child JVM's main: a dense layer's bias add ({@code addiRowVector}, a broadcast op) and a column sum (a reduction)
 * in a loop while another thread fills the young generation, for the given seconds. Under {@code -Xmn2m} ND4J's own
 * executioner lets the collector free an op's dimension buffer during the native call (2 of 3 such runs of 30 s
 * crashed); with {@link FencedOpExecutioner} none may.
 */
public final class GcPressureLoop {

    static volatile Object sink;

    private GcPressureLoop() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        System.out.println("executioner=" + Nd4j.getExecutioner().getClass().getName());
        INDArray params = Nd4j.rand(1, 256 * 3);
        INDArray bias = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(256, 512)).reshape(1, 256);
        INDArray x = Nd4j.rand(2048, 256);
        Thread churn = new Thread(() -> {
            while (true) {
                sink = new byte[4096];
            }
        }, "churn");
        churn.setDaemon(true);
        churn.start();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            x.addiRowVector(bias);
            x.subiRowVector(x.mean(0));
            n++;
        }
        System.out.println("ok iterations=" + n);
    }
}
