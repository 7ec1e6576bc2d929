package rlx.trainers.core;

/** One finished training episode with the learner's latest statistics at that moment (NaN before learning). */
public record EpisodeRecord(long envSteps, long episodes, double episodeReturn, int episodeLength, double loss,
                            double meanQ, double epsilon, double stepsPerSecond, double wallSeconds) {
}
