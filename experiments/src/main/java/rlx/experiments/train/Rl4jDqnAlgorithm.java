package rlx.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.rl4j.Rl4jDqnConfig;
import rlx.trainers.rl4j.Rl4jDqnTrainer;

/** {@code algorithm = rl4j-dqn}: RL4J's {@code QLearningDiscreteDense} on rlx's envs, the baseline peer. */
final class Rl4jDqnAlgorithm implements Algorithm<Rl4jDqnConfig> {

    @Override
    public String name() {
        return "rl4j-dqn";
    }

    @Override
    public Class<Rl4jDqnConfig> configType() {
        return Rl4jDqnConfig.class;
    }

    @Override
    public TrainOutcome train(Rl4jDqnConfig config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                              TrainingListener listener, boolean resume) throws IOException {
        if (resume) {
            throw new IllegalArgumentException("RL4J's learners cannot resume from a checkpoint; start a new run");
        }
        return new Rl4jDqnTrainer(config, settings, registry, checkpoints, listener).run();
    }

    @Override
    public DiscretePolicy loadPolicy(Rl4jDqnConfig config, Path checkpoint) throws IOException {
        return Rl4jDqnTrainer.loadPolicy(checkpoint);
    }
}
