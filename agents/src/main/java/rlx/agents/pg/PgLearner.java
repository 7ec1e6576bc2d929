package rlx.agents.pg;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import rlx.agents.core.ParamsSnapshot;
import rlx.envs.core.Rng;
import rlx.networks.ac.ActorCriticNetwork;

/**
 * The synchronous learner of A2C and PPO: GAE over the rollouts of every runner, then {@code epochs} passes of
 * shuffled minibatch gradient steps on the clipped objective (PPO), or one step over the whole batch (A2C). Owns its
 * network and optimiser; publishes parameters as versioned snapshots.
 */
public final class PgLearner {

    private final PgConfig config;
    private final ActorCriticNetwork network;
    private final OptimizedParams params;
    private Rng shuffleRng;

    public PgLearner(PgConfig config, int obsSize, int numActions, long networkSeed, long shuffleSeed) {
        this.config = config;
        this.network = ActorCriticNetwork.create(config.network(), config.losses(), obsSize, numActions, networkSeed);
        this.params = new OptimizedParams(network.params(), config.network().optimizer());
        this.shuffleRng = new Rng(shuffleSeed);
    }

    public ActorCriticNetwork network() {
        return network;
    }

    /** The current parameters; the array is shared, callers must not modify it. */
    public ParamsSnapshot snapshot() {
        return params.snapshot();
    }

    public long version() {
        return params.version();
    }

    /**
     * One update from rollouts collected with the current parameters.
     *
     * @param progress fraction of the run done, for learning-rate annealing
     */
    public PgStats update(List<Rollout> rollouts, double progress) {
        if (rollouts.isEmpty()) {
            throw new IllegalArgumentException("update needs at least one rollout");
        }
        int obsSize = network.inputSize();
        int total = 0;
        for (Rollout r : rollouts) {
            total += r.size();
        }
        float[] obs = new float[total * obsSize];
        int[] actions = new int[total];
        float[] logProbs = new float[total];
        float[] values = new float[total];
        float[] advantages = new float[total];
        float[] returns = new float[total];
        int at = 0;
        for (Rollout r : rollouts) {
            int n = r.size();
            float[] adv = new float[n];
            float[] ret = new float[n];
            Gae.compute(r, config.gamma(), config.gaeLambda(), adv, ret);
            System.arraycopy(r.observations(), 0, obs, at * obsSize, n * obsSize);
            System.arraycopy(r.actions(), 0, actions, at, n);
            System.arraycopy(r.logProbs(), 0, logProbs, at, n);
            System.arraycopy(r.values(), 0, values, at, n);
            System.arraycopy(adv, 0, advantages, at, n);
            System.arraycopy(ret, 0, returns, at, n);
            at += n;
        }
        if (config.annealLearningRate()) {
            params.anneal(progress);
        }

        int minibatch = Math.max(1, total / config.minibatches());
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Minibatch mb = new Minibatch(minibatch, obsSize);
        float[] grad = new float[network.numParams()];
        double[] sums = new double[7];
        int count = 0;
        float[] working = params.copy();
        network.setParams(working);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order);
            for (int start = 0; start + minibatch <= total; start += minibatch) {
                mb.gather(order, start, obs, actions, logProbs, values, advantages, returns, obsSize);
                if (config.normalizeAdvantage()) {
                    mb.normalizeAdvantages();
                }
                ActorCriticNetwork.LossStats s = network.gradient(mb.obs, mb.actions, mb.advantages, mb.logProbs,
                        mb.returns, mb.values, minibatch, grad);
                double norm = params.applyInPlace(working, grad);
                network.setParams(working);
                sums[0] += s.loss();
                sums[1] += s.policyLoss();
                sums[2] += s.valueLoss();
                sums[3] += s.entropy();
                sums[4] += s.approxKl();
                sums[5] += s.clipFraction();
                sums[6] += norm;
                count++;
            }
        }
        params.publish(working);
        return new PgStats(sums[0] / count, sums[1] / count, sums[2] / count, sums[3] / count, sums[4] / count,
                sums[5] / count, explainedVariance(values, returns), sums[6] / count, params.learningRate());
    }

    /**
     * A3C's global step: applies a worker's gradient to the current parameters with the shared optimiser (whatever
     * parameter version the worker computed it with, as the paper's lock-free updates do) and returns its norm.
     */
    public double applyGradient(A3cGradient g, double progress) {
        if (config.annealLearningRate()) {
            params.anneal(progress);
        }
        return params.apply(g.gradient().clone());
    }

    public double learningRate() {
        return params.learningRate();
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = shuffleRng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    static double explainedVariance(float[] predicted, float[] target) {
        double meanT = 0;
        double meanD = 0;
        for (int i = 0; i < target.length; i++) {
            meanT += target[i];
            meanD += target[i] - predicted[i];
        }
        meanT /= target.length;
        meanD /= target.length;
        double varT = 0;
        double varD = 0;
        for (int i = 0; i < target.length; i++) {
            varT += (target[i] - meanT) * (target[i] - meanT);
            double d = target[i] - predicted[i] - meanD;
            varD += d * d;
        }
        return varT == 0 ? Double.NaN : 1 - varD / varT;
    }

    /** Writes parameters, optimiser state, version and the shuffle generator. */
    public void save(DataOutputStream out) throws IOException {
        params.save(out);
        long[] rng = shuffleRng.state();
        out.writeInt(rng.length);
        for (long v : rng) {
            out.writeLong(v);
        }
    }

    /** Restores what {@link #save} wrote into a learner built with the same config and sizes. */
    public void load(DataInputStream in) throws IOException {
        params.load(in);
        long[] rng = new long[in.readInt()];
        for (int k = 0; k < rng.length; k++) {
            rng[k] = in.readLong();
        }
        shuffleRng = Rng.restore(rng);
        network.setParams(params.snapshot().flat());
    }

    /** Reused minibatch arrays. */
    private static final class Minibatch {
        final float[] obs;
        final int[] actions;
        final float[] logProbs;
        final float[] values;
        final float[] advantages;
        final float[] returns;

        Minibatch(int size, int obsSize) {
            obs = new float[size * obsSize];
            actions = new int[size];
            logProbs = new float[size];
            values = new float[size];
            advantages = new float[size];
            returns = new float[size];
        }

        void gather(int[] order, int start, float[] obsAll, int[] actAll, float[] lpAll, float[] vAll, float[] advAll,
                    float[] retAll, int obsSize) {
            for (int j = 0; j < actions.length; j++) {
                int k = order[start + j];
                System.arraycopy(obsAll, k * obsSize, obs, j * obsSize, obsSize);
                actions[j] = actAll[k];
                logProbs[j] = lpAll[k];
                values[j] = vAll[k];
                advantages[j] = advAll[k];
                returns[j] = retAll[k];
            }
        }

        void normalizeAdvantages() {
            int n = advantages.length;
            double mean = 0;
            for (float a : advantages) {
                mean += a;
            }
            mean /= n;
            double var = 0;
            for (float a : advantages) {
                var += (a - mean) * (a - mean);
            }
            // PyTorch's std() is the unbiased one, as CleanRL uses it
            double std = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            for (int i = 0; i < n; i++) {
                advantages[i] = (float) ((advantages[i] - mean) / (std + 1e-8));
            }
        }
    }
}
