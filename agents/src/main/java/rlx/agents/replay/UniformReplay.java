package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Uniform experience replay (Lin 1992; Mnih et al. 2015, "Human-level control through deep reinforcement
 * learning"): a ring buffer over flat float arrays, sampled uniformly with replacement as in Stable-Baselines3 and
 * CleanRL. Every sampled weight is 1.
 */
public final class UniformReplay implements ReplayBuffer {

    private final TransitionStore store;

    public UniformReplay(int capacity, int obsSize) {
        store = new TransitionStore(capacity, obsSize);
    }

    @Override
    public void add(float[] obs, int obsOffset, int action, float reward, float[] nextObs, int nextObsOffset,
                    float discount) {
        store.add(obs, obsOffset, action, reward, nextObs, nextObsOffset, discount);
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
        int n = store.size();
        if (n == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        for (int row = 0; row < batchSize; row++) {
            // Slots [0, size) are exactly the occupied ones, full or not, since the ring fills from slot 0.
            store.copyTo(rng.nextInt(n), into, row);
            into.weights[row] = 1f;
        }
        into.setSize(batchSize);
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        BinaryFormat.writeHeader(out, UniformReplay.class, shape());
        store.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        BinaryFormat.checkHeader(in, UniformReplay.class, shape());
        store.load(in);
    }

    private String shape() {
        return "capacity=" + store.capacity + ", obsSize=" + store.obsSize;
    }
}
