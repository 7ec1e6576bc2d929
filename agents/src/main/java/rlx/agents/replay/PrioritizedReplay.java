package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Proportional prioritized experience replay (Schaul, Quan, Antonoglou and Silver 2016, "Prioritized Experience
 * Replay", ICLR). Transition {@code i} has priority {@code p_i = (|delta_i| + epsilon)^alpha} from its last TD
 * error and is drawn with probability {@code P(i) = p_i / sum_k p_k}; a new transition gets the largest priority
 * seen so far (initially 1) so that it is replayed at least once soon.
 *
 * <p>A batch of B is drawn stratified: [0, total) is cut into B equal segments and one prefix sum is drawn
 * uniformly in each. The importance-sampling weights are {@code w_i = (N * P(i))^-beta / max_j w_j} with the
 * maximum over every stored transition (as in OpenAI Baselines, rather than over the batch), so a weight depends
 * only on the buffer, not on what else was drawn; it reduces to {@code (p_min / p_i)^beta}. Beta is expected to be
 * annealed to 1 over training (full correction), e.g. with a {@code rlx.agents.schedule.LinearSchedule}.
 */
public final class PrioritizedReplay implements ReplayBuffer {

    private final TransitionStore store;
    private final SumTree sums;
    private final MinTree mins;
    private final double alpha;
    private final double epsilon;
    private double maxPriority = 1.0;

    /**
     * @param alpha   prioritisation exponent, >= 0 (0 is uniform sampling; Schaul et al. use 0.6)
     * @param epsilon added to |TD error| so that no transition's priority is 0, > 0
     */
    public PrioritizedReplay(int capacity, int obsSize, double alpha, double epsilon) {
        if (!(alpha >= 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        store = new TransitionStore(capacity, obsSize);
        sums = new SumTree(capacity);
        mins = new MinTree(capacity);
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    public double alpha() {
        return alpha;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public void add(float[] obs, int obsOffset, int action, float reward, float[] nextObs, int nextObsOffset,
                    float discount) {
        int slot = store.add(obs, obsOffset, action, reward, nextObs, nextObsOffset, discount);
        sums.set(slot, maxPriority);
        mins.set(slot, maxPriority);
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public int capacity() {
        return store.capacity;
    }

    @Override
    public int obsSize() {
        return store.obsSize;
    }

    @Override
    public long added() {
        return store.added();
    }

    @Override
    public void sample(int batchSize, double beta, RandomGenerator rng, SampledBatch into) {
        into.checkFits(batchSize, store.obsSize);
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], got " + beta);
        }
        if (store.size() == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        double segment = sums.total() / batchSize;
        double minPriority = mins.min();
        for (int row = 0; row < batchSize; row++) {
            int slot = sums.find((row + rng.nextDouble()) * segment);
            store.copyTo(slot, into, row);
            into.weights[row] = (float) Math.pow(minPriority / sums.get(slot), beta);
        }
        into.setSize(batchSize);
    }

    /**
     * Sets the priority of each of the first {@code count} slots to {@code (|tdErrors[k]| + epsilon)^alpha}. All
     * arguments are checked before any priority changes. A slot overwritten since it was sampled gets the priority
     * meant for its predecessor, as in the reference implementations; it is corrected when next sampled.
     */
    @Override
    public void updatePriorities(int[] indices, float[] tdErrors, int count) {
        if (count < 0 || count > indices.length || count > tdErrors.length) {
            throw new IllegalArgumentException("count " + count + " outside [0, min(" + indices.length + ", "
                    + tdErrors.length + ")]");
        }
        int n = store.size();
        for (int k = 0; k < count; k++) {
            if (indices[k] < 0 || indices[k] >= n) {
                throw new IndexOutOfBoundsException("indices[" + k + "] = " + indices[k] + " is not a stored slot,"
                        + " size is " + n);
            }
            if (!Float.isFinite(tdErrors[k])) {
                throw new IllegalArgumentException("tdErrors[" + k + "] must be finite, got " + tdErrors[k]);
            }
        }
        for (int k = 0; k < count; k++) {
            double p = Math.pow(Math.abs(tdErrors[k]) + epsilon, alpha);
            sums.set(indices[k], p);
            mins.set(indices[k], p);
            if (p > maxPriority) {
                maxPriority = p;
            }
        }
    }

    /** Priority {@code p_i} (after the exponent alpha) of a stored slot. */
    double priority(int slot) {
        return sums.get(slot);
    }

    /** The priority new transitions are stored with. */
    double maxPriority() {
        return maxPriority;
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        BinaryFormat.writeHeader(out, PrioritizedReplay.class, shape());
        store.save(out);
        out.writeDouble(maxPriority);
        int n = store.size();
        for (int i = 0; i < n; i++) {
            out.writeDouble(sums.get(i));
        }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        BinaryFormat.checkHeader(in, PrioritizedReplay.class, shape());
        boolean ok = false;
        try {
            store.load(in);
            sums.clear();
            mins.clear();
            double max = in.readDouble();
            if (!(max > 0 && max < Double.POSITIVE_INFINITY)) {
                throw BinaryFormat.corrupt("max priority " + max);
            }
            int n = store.size();
            for (int i = 0; i < n; i++) {
                double p = in.readDouble();
                if (!(p > 0 && p <= max)) {
                    throw BinaryFormat.corrupt("priority " + p + " of slot " + i + " (max priority " + max + ")");
                }
                sums.set(i, p);
                mins.set(i, p);
            }
            maxPriority = max;
            ok = true;
        } finally {
            if (!ok) {
                store.clear();
                sums.clear();
                mins.clear();
                maxPriority = 1.0;
            }
        }
    }

    private String shape() {
        return "capacity=" + store.capacity + ", obsSize=" + store.obsSize + ", alpha=" + alpha + ", epsilon="
                + epsilon;
    }
}
