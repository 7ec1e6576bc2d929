package rlx.envs.minatar;

/**
 * How a MinAtar game is made.
 *
 * @param stickyActionProb probability that a step repeats the previous action instead of the chosen one
 * @param minimalActions expose only the game's minimal action set instead of all six actions
 * @param ramping whether difficulty increases over an episode (ignored by games that do not ramp)
 */
public record MinAtarOptions(double stickyActionProb, boolean minimalActions, boolean ramping) {

    public static final double DEFAULT_STICKY_ACTION_PROB = 0.1;

    public MinAtarOptions {
        if (!(stickyActionProb >= 0 && stickyActionProb <= 1)) {
            throw new IllegalArgumentException("sticky-action-prob (" + stickyActionProb + ") must be in [0, 1]");
        }
    }

    /** The reference's defaults: sticky actions with p = 0.1, full action set, ramping on. */
    public static MinAtarOptions defaults() {
        return new MinAtarOptions(DEFAULT_STICKY_ACTION_PROB, false, true);
    }

    /** Deterministic dynamics apart from the game's own randomness: no sticky actions. */
    public static MinAtarOptions deterministic() {
        return new MinAtarOptions(0, false, true);
    }
}
