package rlx.networks.q;

import java.util.List;
import java.util.Random;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;

/** Shared fixtures of the Q-network tests. */
final class TestNets {
    private TestNets() {
    }

    static QNetworkConfig mlp(OptimizerConfig opt, LossKind loss, boolean dueling, ActivationKind act,
                              Integer... hidden) {
        return new QNetworkConfig(new MlpConfig(List.of(hidden), act, WeightInitKind.XAVIER), dueling, opt, loss, 1.0);
    }

    static QNetworkConfig cartPole(OptimizerConfig opt) {
        return mlp(opt, LossKind.MSE, false, ActivationKind.RELU, 120, 84);
    }

    static float[] uniform(Random rng, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }

    /** One action per row selected with weight 1, as a DQN batch. */
    static float[] oneHotMask(Random rng, int batch, int actions) {
        float[] m = new float[batch * actions];
        for (int i = 0; i < batch; i++) {
            m[i * actions + rng.nextInt(actions)] = 1f;
        }
        return m;
    }

    static float[] output(QNetwork net, float[] obs, int batch) {
        float[] out = new float[batch * net.numActions()];
        net.output(obs, batch, out);
        return out;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
