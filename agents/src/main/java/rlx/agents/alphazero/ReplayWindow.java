package rlx.agents.alphazero;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import rlx.envs.core.Rng;
import rlx.envs.games.BoardSymmetry;

/**
 * The most recent {@code capacity} training positions, each self-play position stored once per board symmetry
 * (AlphaGo Zero's window of recent games, with the augmentation of its Methods), in flat arrays sampled into
 * minibatches without allocating.
 */
public final class ReplayWindow {

    private static final int MAGIC = 0x524C5857; // "RLXW"

    private final int capacity;
    private final int obsSize;
    private final int numActions;
    private final int planes;
    private final List<BoardSymmetry> symmetries;
    private final float[] observations;
    private final float[] policies;
    private final float[] values;
    private final float[] obsScratch;
    private final float[] policyScratch;
    private int size;
    private int next;
    private long added;

    public ReplayWindow(int capacity, int planes, int obsSize, int numActions, List<BoardSymmetry> symmetries) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("replay window capacity must be > 0, got " + capacity);
        }
        this.capacity = capacity;
        this.planes = planes;
        this.obsSize = obsSize;
        this.numActions = numActions;
        this.symmetries = List.copyOf(symmetries);
        this.observations = new float[Math.multiplyExact(capacity, obsSize)];
        this.policies = new float[Math.multiplyExact(capacity, numActions)];
        this.values = new float[capacity];
        this.obsScratch = new float[obsSize];
        this.policyScratch = new float[numActions];
    }

    /** Adds a position under every symmetry. */
    public void add(TrainingPosition p) {
        for (BoardSymmetry s : symmetries) {
            s.applyToObservation(p.observation(), obsScratch, planes);
            s.applyToPolicy(p.policy(), policyScratch);
            System.arraycopy(obsScratch, 0, observations, next * obsSize, obsSize);
            System.arraycopy(policyScratch, 0, policies, next * numActions, numActions);
            values[next] = p.value();
            next = (next + 1) % capacity;
            size = Math.min(size + 1, capacity);
            added++;
        }
    }

    public int size() {
        return size;
    }

    /** Positions ever added, symmetries included. */
    public long added() {
        return added;
    }

    /** Fills the first {@code n} rows of the arrays with positions drawn uniformly with replacement. */
    public void sample(int n, Rng rng, float[] boards, float[] policyTargets, float[] valueTargets) {
        if (size == 0) {
            throw new IllegalStateException("the replay window is empty");
        }
        for (int r = 0; r < n; r++) {
            int i = rng.nextInt(size);
            System.arraycopy(observations, i * obsSize, boards, r * obsSize, obsSize);
            System.arraycopy(policies, i * numActions, policyTargets, r * numActions, numActions);
            valueTargets[r] = values[i];
        }
    }

    /** Writes the window's contents and cursor. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(capacity);
        out.writeInt(obsSize);
        out.writeInt(numActions);
        out.writeInt(size);
        out.writeInt(next);
        out.writeLong(added);
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < obsSize; k++) {
                out.writeByte((int) observations[i * obsSize + k]); // the planes hold 0s and 1s
            }
            for (int k = 0; k < numActions; k++) {
                out.writeFloat(policies[i * numActions + k]);
            }
            out.writeFloat(values[i]);
        }
    }

    /** Restores what {@link #write} wrote into this (empty) window of the same shape. */
    public void read(DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(source + ": not a replay window file");
        }
        int cap = in.readInt();
        int obs = in.readInt();
        int acts = in.readInt();
        if (cap != capacity || obs != obsSize || acts != numActions) {
            throw new IOException(source + ": window of " + cap + " positions of " + obs + " cells and " + acts
                    + " actions; this run's holds " + capacity + " of " + obsSize + " and " + numActions);
        }
        size = in.readInt();
        next = in.readInt();
        added = in.readLong();
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < obsSize; k++) {
                observations[i * obsSize + k] = in.readByte();
            }
            for (int k = 0; k < numActions; k++) {
                policies[i * numActions + k] = in.readFloat();
            }
            values[i] = in.readFloat();
        }
    }
}
