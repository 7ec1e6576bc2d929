package rlx.envs.core;

/**
 * Seed derivation and generator construction. Every component derives its seed from one root seed and an index
 * (env copy i, runner i, evaluator i), so runs are reproducible without any shared or static generator.
 */
public final class Seeds {

    /** The seed an env uses if {@link Env#reset()} is called before any seeded reset. */
    public static final long DEFAULT_SEED = 0L;

    private Seeds() {
    }

    /** A fresh generator for {@code seed}; the same seed always gives the same stream. Its state can be saved. */
    public static Rng generator(long seed) {
        return new Rng(seed);
    }

    /**
     * A well-mixed child seed: distinct {@code (root, index)} pairs give statistically unrelated seeds
     * (SplitMix64's finaliser applied to the pair), unlike {@code root + index}.
     */
    public static long derive(long root, long index) {
        return mix(mix(root) + 0x9E3779B97F4A7C15L * (index + 1));
    }

    /**
     * A child seed for a named component, e.g. {@code derive(root, "eval")}. Names are hashed to 64 bits (FNV-1a) in
     * their own domain, so a name never collides with a numeric index.
     */
    public static long derive(long root, String component) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < component.length(); i++) {
            hash = (hash ^ component.charAt(i)) * 0x100000001b3L;
        }
        return mix(derive(root ^ 0xA0761D6478BD642FL, hash));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
