package rlx.agents.dqn;

import java.util.List;
import rlx.agents.replay.SampledBatch;
import rlx.agents.replay.UniformReplay;
import rlx.envs.core.Rng;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;
import rlx.networks.q.QNetwork;
import rlx.networks.q.QNetworkConfig;

/** Fixtures of the DQN tests: a tiny Q-network, configs around it, and batches of chosen transitions. */
final class DqnTesting {

    private DqnTesting() {
    }

    /** One transition: {@code (obs, action, reward, nextObs, discount)}. */
    record T(float[] obs, int action, float reward, float[] next, float discount) {
    }

    static T t(float[] obs, int action, float reward, float[] next, float discount) {
        return new T(obs, action, reward, next, discount);
    }

    static float[] v(float... values) {
        return values;
    }

    /** One hidden ReLU layer of 16, Adam 1e-2, squared error. */
    static QNetworkConfig tinyNet() {
        return new QNetworkConfig(new MlpConfig(List.of(16), ActivationKind.RELU, WeightInitKind.HE), false,
                OptimizerConfig.adam(1e-2), LossKind.MSE, 1.0);
    }

    static ExplorationConfig linearExploration() {
        return new ExplorationConfig(ExplorationConfig.Kind.LINEAR, 1.0, 0.05, 0.5, 0.999);
    }

    /**
     * A config for the tiny network; {@code prioritized} only makes the learner compute TD errors on every update
     * (the batches built here carry weight 1 either way), which the tests use to read the targets it fitted.
     */
    static DqnConfig config(int batchSize, long targetUpdateInterval, double tau, boolean doubleDqn,
                            boolean prioritized) {
        PrioritizedConfig p = new PrioritizedConfig(prioritized, 0.6, 0.4, 1.0, 1e-6);
        return new DqnConfig(0.99, 1000, batchSize, batchSize, 1, 1, targetUpdateInterval, tau, doubleDqn, 1,
                linearExploration(), p, tinyNet());
    }

    /**
     * A batch holding exactly {@code rows}, in order. Its size is set the only way a batch's size is set, by
     * sampling it from a replay buffer holding these transitions; as sampling draws rows at random with
     * replacement, row {@code i} is then rewritten as transition {@code i} through the public arrays.
     */
    static SampledBatch batch(int obsSize, T... rows) {
        UniformReplay replay = new UniformReplay(rows.length, obsSize);
        for (T r : rows) {
            replay.add(r.obs(), 0, r.action(), r.reward(), r.next(), 0, r.discount());
        }
        SampledBatch b = new SampledBatch(rows.length, obsSize);
        replay.sample(rows.length, 1.0, new Rng(0), b);
        for (int i = 0; i < rows.length; i++) {
            T r = rows[i];
            System.arraycopy(r.obs(), 0, b.obs, i * obsSize, obsSize);
            System.arraycopy(r.next(), 0, b.nextObs, i * obsSize, obsSize);
            b.actions[i] = r.action();
            b.rewards[i] = r.reward();
            b.discounts[i] = r.discount();
            b.weights[i] = 1f;
            b.indices[i] = i;
        }
        return b;
    }

    /** Q-values of one observation through DL4J. */
    static float[] q(QNetwork net, float... obs) {
        float[] out = new float[net.numActions()];
        net.output(obs, 1, out);
        return out;
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }

    static float max(float[] values) {
        return values[argmax(values)];
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
