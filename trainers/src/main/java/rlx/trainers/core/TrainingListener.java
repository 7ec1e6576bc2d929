package rlx.trainers.core;

import java.nio.file.Path;

/** Receives a trainer's reports; every method is called on the training thread and must return quickly. */
public interface TrainingListener {

    default void onEpisode(EpisodeRecord episode) {
    }

    default void onEval(EvalRecord eval) {
    }

    /** A checkpoint covering everything up to {@code envSteps} is complete in {@code dir}. */
    default void onCheckpoint(long envSteps, Path dir) {
    }

    /** Called every few hundred env steps, for progress bars. */
    default void onProgress(long envSteps, long episodes, double stepsPerSecond) {
    }
}
