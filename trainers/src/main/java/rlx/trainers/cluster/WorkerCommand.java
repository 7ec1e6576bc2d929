package rlx.trainers.cluster;

import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.ClusterEvent;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.WireMessage;

/** What the learner node (and the runtime) tell a worker node. */
public sealed interface WorkerCommand extends WireMessage {

    /** Run runners {@code firstIndex, firstIndex + 1, ...} for {@code learner}'s run. */
    record Welcome(ActorRef<LearnerCommand> learner, RunSpec spec, int firstIndex) implements WorkerCommand {
    }

    /** The learner's run ended ({@code completed}: with an outcome, not a failure); the worker exits. */
    record RunOver(boolean completed) implements WorkerCommand {
    }

    /** The receptionist's current learner nodes (local). */
    record LearnerListed(Set<ActorRef<NodeCommand>> nodes) implements WorkerCommand {
    }

    /** A cluster membership change (local). */
    record MemberChanged(ClusterEvent.MemberEvent event) implements WorkerCommand {
    }

    /** No learner node was found in time (local timer). */
    record JoinTimeout() implements WorkerCommand {
    }
}
