package rlx.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.DqnLearner;
import rlx.agents.dqn.EpsilonGreedyPolicy;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.local.LocalDqnTrainer;

/** {@code algorithm = dqn}: rlx's DQN on Deeplearning4j, trained by {@link LocalDqnTrainer}. */
final class DqnAlgorithm implements Algorithm<DqnConfig> {

    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public Class<DqnConfig> configType() {
        return DqnConfig.class;
    }

    @Override
    public TrainOutcome train(DqnConfig config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                              TrainingListener listener, boolean resume) throws IOException {
        return new LocalDqnTrainer(config, settings, registry, checkpoints, listener).run(resume);
    }

    @Override
    public DiscretePolicy loadPolicy(DqnConfig config, Path checkpoint) throws IOException {
        DqnLearner learner = DqnLearner.load(config, checkpoint.resolve("learner"));
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(learner.online().plainForward(),
                learner.online().inputSize(), learner.online().numActions());
        policy.load(learner.params());
        return policy::greedy;
    }
}
