package rlx.envs.core;

/** An action outside the env's action space (wrong type, shape, range, or NaN). */
public class InvalidActionException extends IllegalArgumentException {

    public InvalidActionException(Object action, Space<?> space) {
        super("invalid action " + space.format(action) + ": not in action space " + space);
    }
}
