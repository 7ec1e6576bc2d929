package rlx.envs.wrappers;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import rlx.envs.core.Env;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Records the return, length and duration of each episode, as Gymnasium's {@code RecordEpisodeStatistics}: the
 * step that ends an episode (terminated or truncated) carries an {@link EpisodeStats} in its info under
 * {@link EpisodeStats#INFO_KEY}, and the last {@code bufferLength} episodes stay available to callers (training
 * loops log their mean return from here).
 *
 * <p>The statistics are those of the env this wraps: inside an {@link ActionRepeat} a step is one primitive step,
 * outside it one decision; inside {@link NormalizeReward} the return is the raw one.
 */
public final class EpisodeStatistics<O, A> extends Wrapper<O, A> {

    /** Gymnasium's default number of kept episodes. */
    public static final int DEFAULT_BUFFER_LENGTH = 100;

    private final int bufferLength;
    private final LongSupplier nanoClock;
    private final ArrayDeque<EpisodeStats> recent;
    private double episodeReturn;
    private int episodeLength;
    private long startNanos;
    private long episodeCount;

    public EpisodeStatistics(Env<O, A> env) {
        this(env, DEFAULT_BUFFER_LENGTH);
    }

    /** @param bufferLength how many finished episodes {@link #recentEpisodes()} keeps */
    public EpisodeStatistics(Env<O, A> env, int bufferLength) {
        this(env, bufferLength, System::nanoTime);
    }

    /** @param nanoClock the time source in nanoseconds ({@code System::nanoTime}; tests pass a fake) */
    public EpisodeStatistics(Env<O, A> env, int bufferLength, LongSupplier nanoClock) {
        super(env);
        if (bufferLength <= 0) {
            throw new IllegalArgumentException("bufferLength (" + bufferLength + ") must be > 0");
        }
        this.bufferLength = bufferLength;
        this.nanoClock = nanoClock;
        this.recent = new ArrayDeque<>(bufferLength);
    }

    @Override
    public Reset<O> reset(long seed) {
        Reset<O> reset = env.reset(seed);
        startEpisode();
        return reset;
    }

    @Override
    public Reset<O> reset() {
        Reset<O> reset = env.reset();
        startEpisode();
        return reset;
    }

    private void startEpisode() {
        episodeReturn = 0;
        episodeLength = 0;
        startNanos = nanoClock.getAsLong();
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        episodeReturn += step.reward();
        episodeLength++;
        if (!step.done()) {
            return step;
        }
        if (step.info().containsKey(EpisodeStats.INFO_KEY)) {
            throw new IllegalStateException(spec().id() + ": step info already has \"" + EpisodeStats.INFO_KEY
                    + "\" (" + step.info().get(EpisodeStats.INFO_KEY) + "); is EpisodeStatistics applied twice?");
        }
        EpisodeStats stats = new EpisodeStats(episodeReturn, episodeLength,
                (nanoClock.getAsLong() - startNanos) / 1e9);
        if (recent.size() == bufferLength) {
            recent.removeFirst();
        }
        recent.addLast(stats);
        episodeCount++;
        Map<String, Object> info = new HashMap<>(step.info());
        info.put(EpisodeStats.INFO_KEY, stats);
        return new Step<>(step.observation(), step.reward(), step.terminated(), step.truncated(), info);
    }

    /** The last finished episodes, oldest first, at most {@code bufferLength}. */
    public List<EpisodeStats> recentEpisodes() {
        return List.copyOf(recent);
    }

    /** The returns of {@link #recentEpisodes()}, oldest first. */
    public double[] recentReturns() {
        return recent.stream().mapToDouble(EpisodeStats::episodeReturn).toArray();
    }

    /** The lengths of {@link #recentEpisodes()}, oldest first. */
    public int[] recentLengths() {
        return recent.stream().mapToInt(EpisodeStats::length).toArray();
    }

    /** Episodes finished since this wrapper was made (not bounded by the buffer). */
    public long episodeCount() {
        return episodeCount;
    }

    /** Return of the running episode so far. */
    public double currentReturn() {
        return episodeReturn;
    }

    /** Steps of the running episode so far. */
    public int currentLength() {
        return episodeLength;
    }
}
