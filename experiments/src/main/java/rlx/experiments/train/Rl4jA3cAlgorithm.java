package rlx.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.rl4j.Rl4jA3cConfig;
import rlx.trainers.rl4j.Rl4jA3cTrainer;

/** {@code algorithm = rl4j-a3c}: RL4J's {@code A3CDiscreteDense} on rlx's envs, the baseline peer. */
final class Rl4jA3cAlgorithm implements Algorithm<Rl4jA3cConfig> {

    @Override
    public String name() {
        return "rl4j-a3c";
    }

    @Override
    public Class<Rl4jA3cConfig> configType() {
        return Rl4jA3cConfig.class;
    }

    @Override
    public TrainOutcome train(Rl4jA3cConfig config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                              TrainingListener listener, boolean resume) throws IOException {
        if (resume) {
            throw new IllegalArgumentException("RL4J's learners cannot resume from a checkpoint; start a new run");
        }
        return new Rl4jA3cTrainer(config, settings, registry, checkpoints, listener).run();
    }

    @Override
    public DiscretePolicy loadPolicy(Rl4jA3cConfig config, Path checkpoint) throws IOException {
        return Rl4jA3cTrainer.loadPolicy(checkpoint);
    }
}
