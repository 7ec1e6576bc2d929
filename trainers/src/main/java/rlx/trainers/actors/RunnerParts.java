package rlx.trainers.actors;

import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainSettings;
import rlx.networks.ac.ActorCriticLayout;
import rlx.trainers.pg.Collectors;
import rlx.trainers.pg.PgAlgorithmKind;

/**
 * The {@link EnvRunner.Parts} of policy-gradient runner {@code index}, built the same way on the learner's node and
 * on a worker node: a collector (A2C, PPO) or an A3C worker, and each incarnation gets its own seed from the root
 * seed, the index, the run's resumes and the incarnation. A2C and PPO runners act from the network's
 * {@code layout} in plain Java and build no DL4J graph; an A3C worker computes gradients on its own DL4J copy.
 */
public record RunnerParts(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, EnvRegistry registry,
                          int inputSize, int numActions, ActorCriticLayout layout, long resumes, int index)
        implements EnvRunner.Parts {

    @Override
    public RunnerWork build(long incarnation) {
        long seed = Collectors.runnerSeed(settings.seed(), index, resumes, incarnation);
        return kind == PgAlgorithmKind.A3C
                ? new RunnerWork.Gradients(Collectors.a3cWorker(config, settings, registry, inputSize, numActions, seed))
                : new RunnerWork.Rollouts(Collectors.collector(config, settings, registry, layout, seed));
    }
}
