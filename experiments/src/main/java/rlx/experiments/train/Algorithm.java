package rlx.experiments.train;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
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

    /** The greedy policy saved in a checkpoint directory. */
    DiscretePolicy loadPolicy(C config, Path checkpoint) throws IOException;

    /** Binds and validates {@code agent}: every problem is reported here, before anything runs. */
    default C bind(Config root) {
        return rlx.experiments.config.RecordBinder.bind(root, "agent", configType());
    }
}
