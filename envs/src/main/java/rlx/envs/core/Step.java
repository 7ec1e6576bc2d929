package rlx.envs.core;

import java.util.Map;

/**
 * What {@link Env#step} returns. {@code terminated}: the MDP reached a terminal state (do not bootstrap);
 * {@code truncated}: the episode was cut short, e.g. by a time limit (do bootstrap from {@code observation}).
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {

    public Step {
        info = Map.copyOf(info);
    }

    /** Whether the episode is over for either reason, so the next call must be a reset. */
    public boolean done() {
        return terminated || truncated;
    }

    public Step<O> withTruncated(boolean newTruncated) {
        return new Step<>(observation, reward, terminated, newTruncated, info);
    }
}
