package rlx.trainers.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.actors.EnvRunner;
import rlx.trainers.actors.RunnerFaults;
import rlx.trainers.actors.RuntimeSystem;

/**
 * The guardian of a worker node: finds the learner node through the receptionist, asks to join its run, then runs
 * the env runners it is given. It ends the node when the learner says the run is over or its node leaves;
 * if no learner node shows up within the join timeout it gives up.
 */
final class WorkerNode {

    private final ActorContext<WorkerCommand> ctx;
    private final TimerScheduler<WorkerCommand> timers;
    private final NodeAddress join;
    private final int runners;
    private final Duration joinTimeout;
    private final EnvRegistry registry;
    private final CompletableFuture<WorkerResult> result;
    private final String self;
    private Address learnerNode;
    private int firstIndex = -1;

    private WorkerNode(ActorContext<WorkerCommand> ctx, TimerScheduler<WorkerCommand> timers, NodeAddress join,
                       int runners, Duration joinTimeout, EnvRegistry registry, CompletableFuture<WorkerResult> result) {
        this.ctx = ctx;
        this.timers = timers;
        this.join = join;
        this.runners = runners;
        this.joinTimeout = joinTimeout;
        this.registry = registry;
        this.result = result;
        this.self = ctx.getSystem().address().toString();
    }

    static Behavior<WorkerCommand> create(NodeAddress join, int runners, Duration joinTimeout, EnvRegistry registry,
                                          CompletableFuture<WorkerResult> result) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ctx.setLoggerName(WorkerNode.class);
            ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class,
                    l -> new WorkerCommand.LearnerListed(l.getServiceInstances(LearnerNode.KEY)));
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(LearnerNode.KEY, listings));
            ActorRef<ClusterEvent.MemberEvent> members = ctx.messageAdapter(ClusterEvent.MemberEvent.class,
                    WorkerCommand.MemberChanged::new);
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(members, ClusterEvent.MemberEvent.class));
            timers.startSingleTimer(new WorkerCommand.JoinTimeout(), joinTimeout);
            return new WorkerNode(ctx, timers, join, runners, joinTimeout, registry, result).behavior();
        }));
    }

    private Behavior<WorkerCommand> behavior() {
        return Behaviors.receive(WorkerCommand.class)
                .onMessage(WorkerCommand.LearnerListed.class, this::onListed)
                .onMessage(WorkerCommand.Welcome.class, this::onWelcome)
                .onMessage(WorkerCommand.RunOver.class, m -> end(m.completed(),
                        m.completed() ? "the learner's run finished" : "the learner's run failed"))
                .onMessage(WorkerCommand.MemberChanged.class, this::onMember)
                .onMessage(WorkerCommand.JoinTimeout.class, m -> end(false, "no learner answered at " + join
                        + " within " + joinTimeout.toSeconds() + " s (is `rlx train <config> cluster.role=learner` "
                        + "running there, and is that address reachable from here?)"))
                .build();
    }

    private Behavior<WorkerCommand> onListed(WorkerCommand.LearnerListed m) {
        if (learnerNode != null || m.nodes().isEmpty()) {
            return Behaviors.same();
        }
        ActorRef<NodeCommand> node = m.nodes().iterator().next();
        learnerNode = node.path().address();
        timers.cancel(WorkerCommand.JoinTimeout.class);
        ctx.getLog().info("found the learner node {}; asking to join its run with {} runners", learnerNode, runners);
        node.tell(new NodeCommand.JoinRun(ctx.getSelf(), runners));
        return Behaviors.same();
    }

    private Behavior<WorkerCommand> onWelcome(WorkerCommand.Welcome m) {
        if (firstIndex >= 0) {
            return Behaviors.same();
        }
        RunSpec spec = m.spec();
        String env = spec.settings().envId();
        try {
            registry.spec(env);
        } catch (IllegalArgumentException e) {
            return end(false, "cannot make the learner's env " + env + " on this node: " + e.getMessage());
        }
        firstIndex = m.firstIndex();
        AtomicLong requests = new AtomicLong();
        for (int i = 0; i < runners; i++) {
            int index = firstIndex + i;
            ctx.spawn(EnvRunner.create(m.learner(), index, spec.parts(registry, index), RunnerFaults.NONE, requests),
                    "runner-" + index,
                    RuntimeSystem.compute());
        }
        ctx.getLog().info("running {} {} runners (indexes {}..{}) on {}", runners,
                spec.algorithm(), firstIndex, firstIndex + runners - 1, env);
        return Behaviors.same();
    }

    private Behavior<WorkerCommand> onMember(WorkerCommand.MemberChanged m) {
        if (learnerNode == null || !m.event().member().address().equals(learnerNode)) {
            return Behaviors.same();
        }
        // a learner leaves on its own (Leaving, Exiting, then removed) only when its run is over; RunOver usually
        // comes first. Removed from any other state (downed, or this node shutting down) means it was lost.
        if (m.event() instanceof ClusterEvent.MemberLeft || m.event() instanceof ClusterEvent.MemberExited
                || m.event() instanceof ClusterEvent.MemberRemoved r && r.previousStatus() == MemberStatus.exiting()) {
            return end(true, "the learner node left: its run is over");
        }
        if (m.event() instanceof ClusterEvent.MemberDowned || m.event() instanceof ClusterEvent.MemberRemoved) {
            return end(false, "lost the learner node " + learnerNode);
        }
        return Behaviors.same();
    }

    private Behavior<WorkerCommand> end(boolean finished, String message) {
        result.complete(new WorkerResult(finished, message, self, learnerNode == null ? "" : learnerNode.toString(),
                runners, firstIndex));
        // ends the node through its coordinated shutdown, which leaves the cluster
        ctx.getSystem().terminate();
        return Behaviors.ignore();
    }
}
