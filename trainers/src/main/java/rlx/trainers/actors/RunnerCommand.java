package rlx.trainers.actors;

import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.Normalizer;

/** What a learner tells an env runner. */
public sealed interface RunnerCommand extends WireMessage {

    /**
     * Collect one rollout with these parameters (and normalisation statistics, null for none) and answer with
     * {@link LearnerCommand.RolloutDone} for {@code round}.
     */
    record Collect(long round, ParamsSnapshot params, Normalizer normalizer) implements RunnerCommand {
    }

    /** A3C: collect one rollout with these parameters and answer with its gradient. */
    record ComputeGradient(ParamsSnapshot params) implements RunnerCommand {
    }

    /** Distributed DQN: take {@code vectorSteps} vector steps with these weights and send the batch to {@code replay}. */
    record CollectTransitions(ParamsSnapshot params, int vectorSteps,
                              org.apache.pekko.actor.typed.ActorRef<ReplayCommand> replay) implements RunnerCommand {
    }

    /** The run is over. */
    record Stop() implements RunnerCommand {
    }
}
