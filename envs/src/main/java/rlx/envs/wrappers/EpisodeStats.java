package rlx.envs.wrappers;

import java.util.Map;
import java.util.Optional;

/**
 * The summary of one finished episode that {@link EpisodeStatistics} puts in the last step's info under
 * {@link #INFO_KEY}, as Gymnasium's {@code info["episode"]} with {@code r}, {@code l} and {@code t}.
 *
 * @param episodeReturn undiscounted sum of the episode's rewards
 * @param length number of steps in the episode
 * @param seconds wall-clock time from the reset to the last step
 */
public record EpisodeStats(double episodeReturn, int length, double seconds) {

    /** The info key, Gymnasium's. */
    public static final String INFO_KEY = "episode";

    /** The statistics in a step's info, if that step ended an episode under {@link EpisodeStatistics}. */
    public static Optional<EpisodeStats> in(Map<String, Object> info) {
        return info.get(INFO_KEY) instanceof EpisodeStats stats ? Optional.of(stats) : Optional.empty();
    }
}
