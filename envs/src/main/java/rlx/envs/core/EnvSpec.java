package rlx.envs.core;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Static facts about a registered environment, as Gymnasium's {@code EnvSpec}.
 *
 * @param maxEpisodeSteps the time limit applied by {@link EnvRegistry#make}, or 0 for none
 * @param rewardThreshold the return at which the env counts as solved, if it has one
 * @param kwargs the keyword arguments the env was made with (defaults included)
 */
public record EnvSpec(String id, Space<?> observationSpace, Space<?> actionSpace, int maxEpisodeSteps,
                      OptionalDouble rewardThreshold, Map<String, Object> kwargs) {

    public EnvSpec {
        if (maxEpisodeSteps < 0) {
            throw new IllegalArgumentException("maxEpisodeSteps (" + maxEpisodeSteps + ") must be >= 0");
        }
        kwargs = Map.copyOf(kwargs);
    }

    public boolean hasTimeLimit() {
        return maxEpisodeSteps > 0;
    }

    public EnvSpec withTimeLimit(int steps) {
        return new EnvSpec(id, observationSpace, actionSpace, steps, rewardThreshold, kwargs);
    }

    public EnvSpec withSpaces(Space<?> observations, Space<?> actions) {
        return new EnvSpec(id, observations, actions, maxEpisodeSteps, rewardThreshold, kwargs);
    }

    public EnvSpec withKwargs(Map<String, Object> newKwargs) {
        return new EnvSpec(id, observationSpace, actionSpace, maxEpisodeSteps, rewardThreshold, newKwargs);
    }
}
