package rlx.trainers.core;

import java.util.Map;

/**
 * The algorithm-independent part of a training run.
 *
 * @param numEnvs vectorised env copies stepped together
 * @param totalSteps env steps summed over copies
 * @param evalInterval env steps between evaluations during training (0: none)
 * @param evalEpisodes greedy episodes per evaluation during training
 * @param finalEvalEpisodes greedy episodes of the final evaluation reported in summary.json
 * @param checkpointInterval env steps between checkpoints (0: only at the end)
 */
public record TrainSettings(String envId, Map<String, Object> envKwargs, int numEnvs, long totalSteps, long seed,
                            long evalInterval, int evalEpisodes, int finalEvalEpisodes, int evalEnvs,
                            long checkpointInterval) {

    public TrainSettings {
        envKwargs = Map.copyOf(envKwargs);
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("env.num-envs (" + numEnvs + ") must be > 0");
        }
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("train.total-steps (" + totalSteps + ") must be > 0");
        }
        if (evalInterval < 0 || checkpointInterval < 0) {
            throw new IllegalArgumentException("eval.interval (" + evalInterval + ") and train.checkpoint-interval ("
                    + checkpointInterval + ") must be >= 0");
        }
        if (evalEpisodes <= 0 || finalEvalEpisodes <= 0 || evalEnvs <= 0) {
            throw new IllegalArgumentException("eval.episodes (" + evalEpisodes + "), eval.final-episodes ("
                    + finalEvalEpisodes + ") and eval.num-envs (" + evalEnvs + ") must be > 0");
        }
    }
}
