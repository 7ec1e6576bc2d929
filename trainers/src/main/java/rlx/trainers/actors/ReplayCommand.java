package rlx.trainers.actors;

import org.apache.pekko.actor.typed.ActorRef;
import rlx.agents.dqn.DqnCollector;

/** What runners and the learner tell the replay actor of distributed DQN. */
public sealed interface ReplayCommand extends WireMessage {

    /** A runner's batch: store it and tell the learner. */
    record Store(ActorRef<RunnerCommand> runner, String node, DqnCollector.Collected batch) implements ReplayCommand {
    }

    /** Draw {@code batchSize} transitions for the learner. */
    record Sample(int batchSize, double beta) implements ReplayCommand {
    }

    /** New priorities for the sampled slots (prioritized replay). */
    record UpdatePriorities(int[] indices, float[] tdErrors, int count) implements ReplayCommand {
    }
}
