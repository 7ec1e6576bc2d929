package rlx.experiments.config;

import java.util.Map;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.core.TrainSettings;

/**
 * The algorithm-independent part of an experiment file; the {@code agent} block is bound separately to the
 * algorithm's own config record.
 *
 * @param cluster {@code cluster { role, hostname, bind-hostname, port, min-workers }}: {@code role = none} trains in
 *                this process only, {@code learner} makes it a cluster node that {@code rlx worker}s join
 */
public record ExperimentConfig(String experiment, String algorithm, long seed, EnvSection env, TrainSection train,
                               EvalSection eval, ClusterSettings cluster) {

    public ExperimentConfig {
        if (experiment == null || !experiment.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("experiment (" + experiment
                    + ") must be a non-empty name of letters, digits, '.', '_' or '-'");
        }
    }

    /** {@code env { id, num-envs, kwargs }}. */
    public record EnvSection(String id, int numEnvs, Map<String, Object> kwargs) {
    }

    /** {@code train { total-steps, checkpoint-interval }}. */
    public record TrainSection(long totalSteps, long checkpointInterval) {
    }

    /** {@code eval { interval, episodes, final-episodes, num-envs }}. */
    public record EvalSection(long interval, int episodes, int finalEpisodes, int numEnvs) {
    }

    /** The same experiment with another root seed (multi-seed runs). */
    public ExperimentConfig withSeed(long newSeed) {
        return new ExperimentConfig(experiment, algorithm, newSeed, env, train, eval, cluster);
    }

    public TrainSettings toTrainSettings() {
        return new TrainSettings(env.id(), env.kwargs(), env.numEnvs(), train.totalSteps(), seed, eval.interval(),
                eval.episodes(), eval.finalEpisodes(), eval.numEnvs(), train.checkpointInterval());
    }
}
