package rlx.experiments.train;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * One trainable algorithm as the command line sees it: how to read its {@code agent} block, how to train, how to
 * load a trained policy. Adding an algorithm is one implementation plus one line in {@link Algorithms}.
 *
 * @param <C> the algorithm's config record
 */
public interface Algorithm<C extends Record> {

    /** The {@code algorithm = ...} value in config files. */
    String name();

    Class<C> configType();

    /** Trains from scratch, or from the latest checkpoint in {@code checkpoints} when {@code resume} is set. */
    TrainOutcome train(C config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                       TrainingListener listener, boolean resume) throws IOException;

    /**
     * Checks that {@code env.id} names something this algorithm trains on: a registered environment, unless the
     * algorithm says otherwise (board-game algorithms take a game name).
     *
     * @throws IllegalArgumentException naming the id and what is known
     */
    default void checkEnv(String envId, EnvRegistry registry) {
        registry.spec(envId);
    }

    /** Whether {@code cluster.role = learner} can run this algorithm, with env runners on worker nodes. */
    default boolean runsOnCluster() {
        return false;
    }

    /** Trains as the learner node of a cluster; only called when {@link #runsOnCluster()}. */
    default TrainOutcome trainOnCluster(C config, TrainSettings settings, ClusterSettings cluster,
                                        EnvRegistry registry, Path checkpoints, TrainingListener listener,
                                        boolean resume) throws IOException {
        throw new UnsupportedOperationException(name() + " does not run on a cluster");
    }

    /** The greedy policy saved in a checkpoint directory. */
    DiscretePolicy loadPolicy(C config, Path checkpoint) throws IOException;

    /** Binds and validates {@code agent}: every problem is reported here, before anything runs. */
    default C bind(Config root) {
        return rlx.experiments.config.RecordBinder.bind(root, "agent", configType());
    }
}
