package rlx.envs.minatar;

/** MinAtar's full action set, in the reference's order: the action index is the ordinal. */
public enum Action {
    NOOP, LEFT, UP, RIGHT, DOWN, FIRE;

    private static final Action[] VALUES = values();

    /** The action with index {@code i} of the full set. */
    public static Action of(int i) {
        return VALUES[i];
    }
}
