package rlx.trainers.apex;

import rlx.agents.dqn.ApexConfig;
import rlx.agents.dqn.DqnCollector;
import rlx.agents.dqn.EpsilonGreedyPolicy;
import rlx.envs.core.EnvRegistry;
import rlx.envs.vector.SyncVectorEnv;
import rlx.networks.q.QNetwork;
import rlx.trainers.actors.EnvRunner;
import rlx.trainers.actors.RunnerWork;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.Collectors;

/**
 * The {@link EnvRunner.Parts} of distributed-DQN runner {@code index}, built the same way on the learner's node and on
 * a worker node: a {@link DqnCollector} acting with Ape-X's epsilon for its index (over the configured
 * {@code runners}; runners on worker nodes, with higher indexes, get the smallest epsilons).
 */
public record ApexRunnerParts(ApexConfig config, TrainSettings settings, EnvRegistry registry, int inputSize,
                              int numActions, long resumes, int index) implements EnvRunner.Parts {

    @Override
    public RunnerWork build(long incarnation) {
        QNetwork shape = QNetwork.build(config.dqn().network(), inputSize, numActions, 0);
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(shape.plainForward(), inputSize, numActions);
        double epsilon = DqnCollector.apexEpsilon(Math.min(index, config.runners() - 1), config.runners(),
                config.epsilonBase(), config.epsilonAlpha());
        return new RunnerWork.Transitions(new DqnCollector(
                () -> SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), settings.numEnvs()), policy,
                epsilon, config.dqn().nStep(), config.dqn().gamma(),
                Collectors.runnerSeed(settings.seed(), index, resumes, incarnation)));
    }
}
