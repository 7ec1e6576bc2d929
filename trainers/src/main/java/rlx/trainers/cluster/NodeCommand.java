package rlx.trainers.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import rlx.trainers.actors.WireMessage;

/** What worker nodes (and the runtime) tell the learner node. */
public sealed interface NodeCommand extends WireMessage {

    /**
     * A worker node asks to take part with {@code runners} env runners; answered with {@link WorkerCommand.Welcome}
     * once {@code cluster.min-workers} worker nodes have asked.
     */
    record JoinRun(ActorRef<WorkerCommand> worker, int runners) implements NodeCommand {
    }

    /** A watched worker node stopped or was downed (local signal). */
    record WorkerGone(ActorRef<WorkerCommand> worker) implements NodeCommand {
    }

    /** The learner actor stopped: the run is over (local signal). */
    record LearnerStopped() implements NodeCommand {
    }
}
