package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns the one-step transitions of {@code numEnvs} environment copies into n-step transitions (Sutton 1988;
 * Mnih et al. 2016 and Hessel et al. 2018, "Rainbow", for its use with DQN) and adds them to a
 * {@link ReplayBuffer}.
 *
 * <p>Each copy has a window of its last n steps. Once the window holds n steps, the oldest becomes
 * {@code (obs_t, a_t, sum_{k<n} gamma^k r_{t+k}, obs_{t+n}, gamma^n)}. When an episode ends, every pending step is
 * flushed with the horizon k left to the end: with discount 0 after a termination, and with gamma^k bootstrapping
 * from the final observation after a truncation, since a time limit is not part of the task (Pardo et al. 2018,
 * "Time Limits in Reinforcement Learning"). With n = 1 this is the plain one-step transition.
 *
 * <p>Feed it the step results of a same-step-autoreset {@code VectorEnv}: {@code nextObs} is the observation after
 * the action, i.e. {@code finalObservations()} where copy {@code env} is done and {@code observations()} elsewhere;
 * {@code obs} must be the observation the action was chosen on, copied before the vector env stepped. Observations
 * are copied in; nothing is allocated per step.
 */
public final class NStepAccumulator {

    private final int numEnvs;
    private final int obsSize;
    private final int n;
    private final double gamma;
    private final double[] gammaPowers;
    // Per copy, a ring of n steps: copy e's slot j is at e * n + j (times obsSize for observations).
    private final float[] windowObs;
    private final int[] windowActions;
    private final float[] windowRewards;
    private final int[] head;
    private final int[] count;

    public NStepAccumulator(int numEnvs, int obsSize, int n, double gamma) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("numEnvs must be at least 1, got " + numEnvs);
        }
        if (obsSize < 1) {
            throw new IllegalArgumentException("obsSize must be at least 1, got " + obsSize);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if ((long) numEnvs * n * obsSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("numEnvs * n * obsSize must fit in an array, got " + numEnvs + " * "
                    + n + " * " + obsSize);
        }
        this.numEnvs = numEnvs;
        this.obsSize = obsSize;
        this.n = n;
        this.gamma = gamma;
        gammaPowers = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            gammaPowers[k] = Math.pow(gamma, k);
        }
        windowObs = new float[numEnvs * n * obsSize];
        windowActions = new int[numEnvs * n];
        windowRewards = new float[numEnvs * n];
        head = new int[numEnvs];
        count = new int[numEnvs];
    }

    public int numEnvs() {
        return numEnvs;
    }

    public int obsSize() {
        return obsSize;
    }

    public int n() {
        return n;
    }

    public double gamma() {
        return gamma;
    }

    /** Steps of copy {@code env} waiting for their n-step return, in [0, n). */
    public int pending(int env) {
        checkEnv(env);
        return count[env];
    }

    /**
     * Records one step of copy {@code env} and adds to {@code sink} every transition it completes: the oldest
     * pending one once n steps are pending, or all of them when the episode ends. If both flags are set the
     * termination wins (Gymnasium's convention), so nothing bootstraps from a terminal state.
     */
    public void step(int env, float[] obs, int obsOffset, int action, float reward, float[] nextObs,
                     int nextObsOffset, boolean terminated, boolean truncated, TransitionSink sink) {
        checkEnv(env);
        if (!Float.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, got " + reward + " (env " + env + ")");
        }
        int slot = env * n + (head[env] + count[env]) % n;
        System.arraycopy(obs, obsOffset, windowObs, slot * obsSize, obsSize);
        windowActions[slot] = action;
        windowRewards[slot] = reward;
        count[env]++;
        if (terminated || truncated) {
            while (count[env] > 0) {
                int horizon = count[env];
                emitOldest(env, horizon, terminated ? 0.0 : gammaPowers[horizon], nextObs, nextObsOffset, sink);
            }
        } else if (count[env] == n) {
            emitOldest(env, n, gammaPowers[n], nextObs, nextObsOffset, sink);
        }
    }

    /** Drops every pending step without emitting it, e.g. when the environments are reset from outside. */
    public void clear() {
        Arrays.fill(head, 0);
        Arrays.fill(count, 0);
    }

    private void emitOldest(int env, int horizon, double discount, float[] nextObs, int nextObsOffset,
                            TransitionSink sink) {
        int base = env * n;
        int first = head[env];
        double ret = 0;
        for (int k = 0; k < horizon; k++) {
            ret += gammaPowers[k] * windowRewards[base + (first + k) % n];
        }
        int slot = base + first;
        sink.add(windowObs, slot * obsSize, windowActions[slot], (float) ret, nextObs, nextObsOffset,
                (float) discount);
        head[env] = first + 1 == n ? 0 : first + 1;
        count[env]--;
    }

    private void checkEnv(int env) {
        if (env < 0 || env >= numEnvs) {
            throw new IndexOutOfBoundsException("env " + env + " outside [0, " + numEnvs + ")");
        }
    }

    /** Writes a header (class, numEnvs, obsSize, n, gamma) and every copy's pending steps, oldest first. */
    public void save(DataOutputStream out) throws IOException {
        BinaryFormat.writeHeader(out, NStepAccumulator.class, shape());
        for (int env = 0; env < numEnvs; env++) {
            out.writeInt(count[env]);
            for (int k = 0; k < count[env]; k++) {
                int slot = env * n + (head[env] + k) % n;
                BinaryFormat.writeFloats(out, windowObs, slot * obsSize, obsSize);
                out.writeInt(windowActions[slot]);
                out.writeFloat(windowRewards[slot]);
            }
        }
    }

    /**
     * Restores the pending steps written by {@link #save} of an accumulator of the same shape. A header mismatch
     * fails naming both shapes and changes nothing; a corrupt body leaves no step pending.
     */
    public void load(DataInputStream in) throws IOException {
        BinaryFormat.checkHeader(in, NStepAccumulator.class, shape());
        boolean ok = false;
        try {
            clear();
            for (int env = 0; env < numEnvs; env++) {
                int c = in.readInt();
                // A window never rests full: the n-th step is emitted in the call that adds it.
                if (c < 0 || c >= n) {
                    throw BinaryFormat.corrupt(c + " pending steps for env " + env + " with n = " + n);
                }
                for (int k = 0; k < c; k++) {
                    int slot = env * n + k;
                    BinaryFormat.readFloats(in, windowObs, slot * obsSize, obsSize);
                    windowActions[slot] = in.readInt();
                    windowRewards[slot] = in.readFloat();
                }
                count[env] = c;
            }
            ok = true;
        } finally {
            if (!ok) {
                clear();
            }
        }
    }

    private String shape() {
        return "numEnvs=" + numEnvs + ", obsSize=" + obsSize + ", n=" + n + ", gamma=" + gamma;
    }
}
