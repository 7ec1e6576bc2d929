package rlx.trainers.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.RuntimeSystem;
import rlx.trainers.core.TrainOutcome;

/**
 * The guardian of the learner node: joins the node to itself (it is the cluster's first member), registers under
 * {@link #KEY} for workers to find, starts the learner once {@code minWorkers} worker nodes have asked to join,
 * assigns each worker a block of runner indexes (after the local runners'), and tells every worker when the run is
 * over. When the learner stops it ends the node.
 */
public final class LearnerNode {

    /** Workers find the learner node under this key. */
    public static final ServiceKey<NodeCommand> KEY = ServiceKey.create(NodeCommand.class, "rlx-learner-node");

    private final ActorContext<NodeCommand> ctx;
    /** The learner, given how many runners the worker nodes that joined before the start bring. */
    private final IntFunction<Behavior<LearnerCommand>> learnerBehavior;
    private final RunSpec spec;
    private final int minWorkers;
    private final CompletableFuture<TrainOutcome> outcome;
    /** Worker nodes that asked before the learner started. */
    private final List<NodeCommand.JoinRun> waiting = new ArrayList<>();
    /** Welcomed worker nodes and their first runner index. */
    private final Map<ActorRef<WorkerCommand>, Integer> workers = new LinkedHashMap<>();
    private ActorRef<LearnerCommand> learner;
    private int nextIndex;

    private LearnerNode(ActorContext<NodeCommand> ctx, IntFunction<Behavior<LearnerCommand>> learnerBehavior, RunSpec spec,
                        int minWorkers, int localRunners, CompletableFuture<TrainOutcome> outcome) {
        this.ctx = ctx;
        this.learnerBehavior = learnerBehavior;
        this.spec = spec;
        this.minWorkers = minWorkers;
        this.outcome = outcome;
        this.nextIndex = localRunners;
    }

    /**
     * @param learner      the learner with its local runners (indexes 0 .. localRunners - 1), given the number of
     *                     runners on the worker nodes that joined before training starts (its first collection waits
     *                     for them, so that the quickest runner alone does not make the first batches)
     * @param outcome      completed by the learner; tells workers whether the run completed
     */
    public static Behavior<NodeCommand> create(IntFunction<Behavior<LearnerCommand>> learner, RunSpec spec,
                                               int minWorkers,
                                               int localRunners, CompletableFuture<TrainOutcome> outcome) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(LearnerNode.class);
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            LearnerNode node = new LearnerNode(ctx, learner, spec, minWorkers, localRunners, outcome);
            if (minWorkers > 0) {
                ctx.getLog().info("waiting for {} worker node(s) to join before training starts", minWorkers);
            }
            node.maybeStart();
            return node.behavior();
        });
    }

    private Behavior<NodeCommand> behavior() {
        return Behaviors.receive(NodeCommand.class)
                .onMessage(NodeCommand.JoinRun.class, this::onJoin)
                .onMessage(NodeCommand.WorkerGone.class, this::onWorkerGone)
                .onMessage(NodeCommand.LearnerStopped.class, m -> onLearnerStopped())
                .build();
    }

    private Behavior<NodeCommand> onJoin(NodeCommand.JoinRun m) {
        if (workers.containsKey(m.worker()) || waiting.stream().anyMatch(w -> w.worker().equals(m.worker()))) {
            return Behaviors.same();
        }
        if (m.runners() <= 0) {
            ctx.getLog().warn("ignoring worker {} that offers {} runners", m.worker().path().address(), m.runners());
            return Behaviors.same();
        }
        ctx.watchWith(m.worker(), new NodeCommand.WorkerGone(m.worker()));
        if (learner == null) {
            waiting.add(m);
            ctx.getLog().info("worker node {} joined ({} of {})", m.worker().path().address(), waiting.size(),
                    minWorkers);
            maybeStart();
        } else {
            welcome(m);
        }
        return Behaviors.same();
    }

    private void maybeStart() {
        if (learner != null || waiting.size() < minWorkers) {
            return;
        }
        int remoteRunners = waiting.stream().mapToInt(NodeCommand.JoinRun::runners).sum();
        learner = ctx.spawn(learnerBehavior.apply(remoteRunners), "learner", RuntimeSystem.compute());
        ctx.watchWith(learner, new NodeCommand.LearnerStopped());
        waiting.forEach(this::welcome);
        waiting.clear();
    }

    private void welcome(NodeCommand.JoinRun m) {
        int first = nextIndex;
        nextIndex += m.runners();
        workers.put(m.worker(), first);
        m.worker().tell(new WorkerCommand.Welcome(learner, spec, first));
        ctx.getLog().info("worker node {} runs runners {}..{}", m.worker().path().address(), first,
                first + m.runners() - 1);
    }

    private Behavior<NodeCommand> onWorkerGone(NodeCommand.WorkerGone m) {
        waiting.removeIf(w -> w.worker().equals(m.worker()));
        if (workers.remove(m.worker()) != null) {
            // the learner sees its runners' Terminated and writes off whatever they were collecting
            ctx.getLog().warn("worker node {} left the run", m.worker().path().address());
        }
        return Behaviors.same();
    }

    private Behavior<NodeCommand> onLearnerStopped() {
        boolean completed = outcome.isDone() && !outcome.isCompletedExceptionally();
        WorkerCommand.RunOver over = new WorkerCommand.RunOver(completed);
        workers.keySet().forEach(w -> w.tell(over));
        waiting.forEach(w -> w.worker().tell(over));
        // ends the node through its coordinated shutdown: it leaves the cluster after these messages are flushed
        ctx.getSystem().terminate();
        return Behaviors.ignore();
    }
}
