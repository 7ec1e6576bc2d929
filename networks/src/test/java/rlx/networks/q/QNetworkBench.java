package rlx.networks.q;

import java.util.Random;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.OptimizerConfig;

/**
 * Wall-clock cost of the DQN hot paths on a CartPole-sized net (4-120-84-2, Adam): {@code fit} on a batch of 128,
 * DL4J {@code output} of one observation, and {@link PlainForward#argmax}. Not a test: run its main with
 * OMP_NUM_THREADS=1 on the test classpath.
 */
public final class QNetworkBench {
    private QNetworkBench() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (boolean dueling : new boolean[] {false, true}) {
            QNetworkConfig c = TestNets.mlp(OptimizerConfig.adam(1e-3), LossKind.HUBER, dueling, ActivationKind.RELU,
                    120, 84);
            QNetwork net = QNetwork.build(c, 4, 2, 1);
            Random rng = new Random(1);
            int batch = 128;
            float[] obs = TestNets.uniform(rng, batch * 4, 1);
            float[] targets = TestNets.uniform(rng, batch * 2, 1);
            float[] mask = TestNets.oneHotMask(rng, batch, 2);
            float[] one = new float[2];
            PlainForward pf = net.plainForward();
            for (int r = 0; r < reps; r++) {
                int fits = 2000;
                long t0 = System.nanoTime();
                for (int i = 0; i < fits; i++) {
                    net.fit(obs, batch, targets, mask);
                }
                long t1 = System.nanoTime();
                int outs = 2000;
                for (int i = 0; i < outs; i++) {
                    net.output(obs, 1, one);
                }
                long t2 = System.nanoTime();
                int argmaxes = 1_000_000;
                int sink = 0;
                for (int i = 0; i < argmaxes; i++) {
                    sink += pf.argmax(obs, (i & 127) * 4);
                }
                long t3 = System.nanoTime();
                float[] params = net.params();
                int loads = 10_000;
                for (int i = 0; i < loads; i++) {
                    pf.load(params);
                }
                long t4 = System.nanoTime();
                System.out.printf("dueling=%s rep=%d fit(batch %d)=%.1f us output(1)=%.1f us argmax=%.2f us"
                                + " load=%.2f us sink=%d%n", dueling, r, batch, (t1 - t0) / 1e3 / fits,
                        (t2 - t1) / 1e3 / outs, (t3 - t2) / 1e3 / argmaxes, (t4 - t3) / 1e3 / loads, sink);
            }
        }
    }
}
