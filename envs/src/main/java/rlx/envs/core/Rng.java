package rlx.envs.core;

import java.util.random.RandomGenerator;

/**
 * xoshiro256** (Blackman and Vigna 2018), seeded through SplitMix64. rlx uses it instead of the JDK's generators
 * because its four words of state can be read and restored: checkpoints resume runs with exactly the random
 * stream they would have had.
 */
public final class Rng implements RandomGenerator {

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Rng(long seed) {
        long z = seed;
        s0 = splitMix(z += 0x9E3779B97F4A7C15L);
        s1 = splitMix(z += 0x9E3779B97F4A7C15L);
        s2 = splitMix(z += 0x9E3779B97F4A7C15L);
        s3 = splitMix(z + 0x9E3779B97F4A7C15L);
    }

    private Rng(long[] state) {
        if (state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("an Rng state is 4 words, not all zero");
        }
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }

    /** A generator continuing exactly where the one that produced {@code state} stood. */
    public static Rng restore(long[] state) {
        return new Rng(state);
    }

    /** A copy of the current state, for checkpoints. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
