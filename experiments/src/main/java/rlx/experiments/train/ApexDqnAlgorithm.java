package rlx.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.agents.dqn.ApexConfig;
import rlx.agents.dqn.DqnLearner;
import rlx.agents.dqn.EpsilonGreedyPolicy;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.apex.ActorApexTrainer;
import rlx.trainers.apex.ClusterApexTrainer;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/** {@code algorithm = apex-dqn}: distributed DQN with runner actors, a replay actor and a learner actor. */
final class ApexDqnAlgorithm implements Algorithm<ApexConfig> {

    @Override
    public String name() {
        return "apex-dqn";
    }

    @Override
    public Class<ApexConfig> configType() {
        return ApexConfig.class;
    }

    @Override
    public TrainOutcome train(ApexConfig config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                              TrainingListener listener, boolean resume) throws IOException {
        return new ActorApexTrainer(config, settings, registry, checkpoints, listener).run(resume);
    }

    @Override
    public boolean runsOnCluster() {
        return true;
    }

    @Override
    public TrainOutcome trainOnCluster(ApexConfig config, TrainSettings settings, ClusterSettings cluster,
                                       EnvRegistry registry, Path checkpoints, TrainingListener listener,
                                       boolean resume) throws IOException {
        return new ClusterApexTrainer(config, settings, registry, checkpoints, listener, cluster).run(resume);
    }

    @Override
    public DiscretePolicy loadPolicy(ApexConfig config, Path checkpoint) throws IOException {
        DqnLearner learner = DqnLearner.load(config.dqn(), checkpoint.resolve("learner"));
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(learner.online().plainForward(),
                learner.online().inputSize(), learner.online().numActions());
        policy.load(learner.params());
        return policy::greedy;
    }
}
