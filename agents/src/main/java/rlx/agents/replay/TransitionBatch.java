package rlx.agents.replay;

import java.util.Arrays;

/**
 * Transitions collected by a runner, as a message to a replay buffer: row {@code i} is
 * {@code obs[i * obsSize ..]}, {@code actions[i]}, {@code rewards[i]}, {@code nextObs[i * obsSize ..]},
 * {@code discounts[i]} (see {@link TransitionSink#add}).
 */
public record TransitionBatch(int size, int obsSize, float[] obs, int[] actions, float[] rewards, float[] nextObs,
                              float[] discounts) {

    public TransitionBatch {
        if (size < 0 || obsSize <= 0 || obs.length != size * obsSize || nextObs.length != size * obsSize
                || actions.length != size || rewards.length != size || discounts.length != size) {
            throw new IllegalArgumentException("transition batch arrays do not match size " + size + " x obsSize "
                    + obsSize);
        }
    }

    /** Adds every row to a sink, in order. */
    public void addTo(TransitionSink sink) {
        for (int i = 0; i < size; i++) {
            sink.add(obs, i * obsSize, actions[i], rewards[i], nextObs, i * obsSize, discounts[i]);
        }
    }

    /** Collects transitions into a growing batch. */
    public static final class Builder implements TransitionSink {
        private final int obsSize;
        private int size;
        private float[] obs;
        private int[] actions;
        private float[] rewards;
        private float[] nextObs;
        private float[] discounts;

        public Builder(int obsSize, int expected) {
            this.obsSize = obsSize;
            int cap = Math.max(1, expected);
            obs = new float[cap * obsSize];
            nextObs = new float[cap * obsSize];
            actions = new int[cap];
            rewards = new float[cap];
            discounts = new float[cap];
        }

        @Override
        public void add(float[] o, int obsOffset, int action, float reward, float[] next, int nextOffset,
                        float discount) {
            if (size == actions.length) {
                int cap = size * 2;
                obs = Arrays.copyOf(obs, cap * obsSize);
                nextObs = Arrays.copyOf(nextObs, cap * obsSize);
                actions = Arrays.copyOf(actions, cap);
                rewards = Arrays.copyOf(rewards, cap);
                discounts = Arrays.copyOf(discounts, cap);
            }
            System.arraycopy(o, obsOffset, obs, size * obsSize, obsSize);
            System.arraycopy(next, nextOffset, nextObs, size * obsSize, obsSize);
            actions[size] = action;
            rewards[size] = reward;
            discounts[size] = discount;
            size++;
        }

        public int size() {
            return size;
        }

        /** The batch so far; the builder starts empty again. */
        public TransitionBatch build() {
            TransitionBatch b = new TransitionBatch(size, obsSize, Arrays.copyOf(obs, size * obsSize),
                    Arrays.copyOf(actions, size), Arrays.copyOf(rewards, size), Arrays.copyOf(nextObs, size * obsSize),
                    Arrays.copyOf(discounts, size));
            size = 0;
            return b;
        }
    }
}
