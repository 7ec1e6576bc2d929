package rlx.envs.core;

import java.util.Map;

/** What {@link Env#reset(long)} returns: the first observation of an episode and Gymnasium's info dict. */
public record Reset<O>(O observation, Map<String, Object> info) {

    public Reset {
        info = Map.copyOf(info);
    }

    public static <O> Reset<O> of(O observation) {
        return new Reset<>(observation, Map.of());
    }
}
