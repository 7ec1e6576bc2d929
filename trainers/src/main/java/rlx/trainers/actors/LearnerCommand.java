package rlx.trainers.actors;

import org.apache.pekko.actor.typed.ActorRef;
import rlx.agents.pg.A3cGradient;
import rlx.agents.pg.Rollout;

/** What runners (and the runtime) tell a learner. */
public sealed interface LearnerCommand extends WireMessage {

    /**
     * A runner is ready for work: sent when it starts and again after each restart.
     *
     * @param index       the runner's slot (its seeds derive from it)
     * @param incarnation 0 when first started, +1 per restart
     * @param node        address of the JVM it runs in
     */
    record RunnerReady(ActorRef<RunnerCommand> runner, int index, long incarnation, String node)
            implements LearnerCommand {
    }

    /** A rollout collected for {@code round}. */
    record RolloutDone(ActorRef<RunnerCommand> runner, long round, Rollout rollout) implements LearnerCommand {
    }

    /** An A3C worker's gradient. */
    record GradientDone(ActorRef<RunnerCommand> runner, A3cGradient gradient) implements LearnerCommand {
    }

    /** Distributed DQN: the replay actor stored a runner's batch. */
    record TransitionsStored(ActorRef<RunnerCommand> runner, String node, int transitions, int envSteps,
                             double[] episodeReturns, int[] episodeLengths, int envRestarts) implements LearnerCommand {
    }

    /** Distributed DQN: a minibatch from the replay actor (same JVM: the replay lives beside the learner). */
    record Sampled(rlx.agents.replay.SampledBatch batch) implements Internal {
    }

    /** A watched runner stopped (local signal, never sent over the wire). */
    record RunnerTerminated(ActorRef<RunnerCommand> runner) implements Internal {
    }

    /** Runners expected at the start were not all ready in time: start with those that are (local timer). */
    record StartTimeout() implements Internal {
    }

    /** Draining took too long: finish with what arrived (local timer). */
    record DrainTimeout() implements Internal {
    }

    /** Messages an actor sends itself (timers, signals); never cross a JVM. */
    non-sealed interface Internal extends LearnerCommand {
    }
}
