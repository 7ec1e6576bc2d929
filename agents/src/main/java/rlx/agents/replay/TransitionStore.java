package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The ring of transitions behind both buffers: one flat array per field, so a sample is a handful of array copies
 * and the whole store is a few large allocations made once.
 */
final class TransitionStore {

    final int capacity;
    final int obsSize;
    private final float[] obs;
    private final float[] nextObs;
    private final int[] actions;
    private final float[] rewards;
    private final float[] discounts;
    private int position;
    private int size;
    private long added;

    TransitionStore(int capacity, int obsSize) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        if (obsSize < 1) {
            throw new IllegalArgumentException("obsSize must be at least 1, got " + obsSize);
        }
        if ((long) capacity * obsSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity * obsSize must fit in one float array, got " + capacity
                    + " * " + obsSize);
        }
        this.capacity = capacity;
        this.obsSize = obsSize;
        obs = new float[capacity * obsSize];
        nextObs = new float[capacity * obsSize];
        actions = new int[capacity];
        rewards = new float[capacity];
        discounts = new float[capacity];
    }

    /** Stores a transition and returns the slot it went to. */
    int add(float[] o, int obsOffset, int action, float reward, float[] next, int nextObsOffset, float discount) {
        // Checked here because a NaN reward or a discount above 1 would otherwise surface much later as a
        // diverging network, far from the step that produced it.
        if (!Float.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, got " + reward);
        }
        if (!(discount >= 0f && discount <= 1f)) {
            throw new IllegalArgumentException("discount must be in [0, 1], got " + discount);
        }
        int slot = position;
        System.arraycopy(o, obsOffset, obs, slot * obsSize, obsSize);
        System.arraycopy(next, nextObsOffset, nextObs, slot * obsSize, obsSize);
        actions[slot] = action;
        rewards[slot] = reward;
        discounts[slot] = discount;
        position = slot + 1 == capacity ? 0 : slot + 1;
        if (size < capacity) {
            size++;
        }
        added++;
        return slot;
    }

    /** Copies the transition in {@code slot} into row {@code row} of {@code into}, weight left to the caller. */
    void copyTo(int slot, SampledBatch into, int row) {
        System.arraycopy(obs, slot * obsSize, into.obs, row * obsSize, obsSize);
        System.arraycopy(nextObs, slot * obsSize, into.nextObs, row * obsSize, obsSize);
        into.actions[row] = actions[slot];
        into.rewards[row] = rewards[slot];
        into.discounts[row] = discounts[slot];
        into.indices[row] = slot;
    }

    int size() {
        return size;
    }

    int position() {
        return position;
    }

    long added() {
        return added;
    }

    void clear() {
        position = 0;
        size = 0;
        added = 0;
    }

    /** Writes position, size, count and the occupied slots (slots {@code [0, size)}: the ring fills from 0). */
    void save(DataOutputStream out) throws IOException {
        out.writeInt(position);
        out.writeInt(size);
        out.writeLong(added);
        BinaryFormat.writeFloats(out, obs, 0, size * obsSize);
        BinaryFormat.writeFloats(out, nextObs, 0, size * obsSize);
        BinaryFormat.writeInts(out, actions, 0, size);
        BinaryFormat.writeFloats(out, rewards, 0, size);
        BinaryFormat.writeFloats(out, discounts, 0, size);
    }

    /** The counterpart of {@link #save}; on failure the store is left empty rather than half loaded. */
    void load(DataInputStream in) throws IOException {
        boolean ok = false;
        try {
            int p = in.readInt();
            int s = in.readInt();
            long a = in.readLong();
            // Before the ring wraps, the position is the size; after, the store is full.
            boolean consistent = s >= 0 && s <= capacity && p >= 0 && p < capacity && a >= s
                    && (s == capacity || p == s);
            if (!consistent) {
                throw BinaryFormat.corrupt("position " + p + ", size " + s + ", added " + a + " for capacity "
                        + capacity);
            }
            BinaryFormat.readFloats(in, obs, 0, s * obsSize);
            BinaryFormat.readFloats(in, nextObs, 0, s * obsSize);
            BinaryFormat.readInts(in, actions, 0, s);
            BinaryFormat.readFloats(in, rewards, 0, s);
            BinaryFormat.readFloats(in, discounts, 0, s);
            position = p;
            size = s;
            added = a;
            ok = true;
        } finally {
            if (!ok) {
                clear();
            }
        }
    }
}
