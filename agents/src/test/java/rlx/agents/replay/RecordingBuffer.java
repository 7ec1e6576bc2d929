package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A sink that keeps every transition added to it, in order, for checking what an accumulator emits. */
final class RecordingBuffer implements ReplayBuffer {

    record Added(float[] obs, int action, float reward, float[] nextObs, float discount) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Added a && Arrays.equals(obs, a.obs) && action == a.action && reward == a.reward
                    && Arrays.equals(nextObs, a.nextObs) && discount == a.discount;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(obs) * 31 + action;
        }

        @Override
        public String toString() {
            return "(" + Arrays.toString(obs) + ", a=" + action + ", r=" + reward + ", next="
                    + Arrays.toString(nextObs) + ", d=" + discount + ")";
        }
    }

    final List<Added> added = new ArrayList<>();
    private final int obsSize;

    RecordingBuffer(int obsSize) {
        this.obsSize = obsSize;
    }

    static Added t(float[] obs, int action, double reward, float[] nextObs, double discount) {
        return new Added(obs, action, (float) reward, nextObs, (float) discount);
    }

    @Override
    public void add(float[] obs, int obsOffset, int action, float reward, float[] nextObs, int nextObsOffset,
                    float discount) {
        added.add(new Added(Arrays.copyOfRange(obs, obsOffset, obsOffset + obsSize), action, reward,
                Arrays.copyOfRange(nextObs, nextObsOffset, nextObsOffset + obsSize), discount));
    }

    @Override
    public int size() {
        return added.size();
    }

    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int obsSize() {
        return obsSize;
    }

    @Override
    public long added() {
        return added.size();
    }

    @Override
    public void sample(int batchSize, double beta, RandomGenerator rng, SampledBatch into) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(DataOutputStream out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load(DataInputStream in) {
        throw new UnsupportedOperationException();
    }
}
