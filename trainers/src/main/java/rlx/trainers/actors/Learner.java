package rlx.trainers.actors;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import rlx.agents.pg.Rollout;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.pg.PgAlgorithmKind;
import rlx.trainers.pg.PgRun;

/**
 * The learner actor: wraps a {@link PgRun} and drives the runners.
 *
 * <p>A2C and PPO are synchronous: each round sends every known runner the current parameters, waits for one rollout
 * from each, then updates. A3C is asynchronous: every gradient is applied when it arrives and its sender gets the new
 * parameters straight back, so no worker waits for another.
 *
 * <p>Runners announce themselves ({@link LearnerCommand.RunnerReady}) and are watched. One that restarts or stops
 * loses the request it was working on (nothing was produced); local runners that stop are replaced. When the step
 * budget is spent the learner stops handing out work, waits for the answers still in flight (they are counted as
 * produced and dropped), then finishes: final checkpoint, final evaluation, and the outcome.
 */
public final class Learner {

    /** Longest wait for the runners expected at the start. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Longest wait for in-flight answers once the budget is spent. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final ActorContext<LearnerCommand> ctx;
    private final TimerScheduler<LearnerCommand> timers;
    private final PgAlgorithmKind kind;
    private final PgRun run;
    private final CompletableFuture<TrainOutcome> outcome;
    /** Spawns local runner {@code index}; null on a cluster learner, whose runners live on worker nodes. */
    private final IntFunction<ActorRef<RunnerCommand>> spawnLocal;
    /**
     * Runners expected at the start, local ones and those of worker nodes that joined before it: the first synchronous
     * round waits for all of them (at most {@link #START_TIMEOUT}), so that its batch does not depend on start-up timing.
     */
    private int expectedAtStart;
    private boolean startTimedOut;

    private final Map<ActorRef<RunnerCommand>, LearnerCommand.RunnerReady> runners = new HashMap<>();
    private final Set<ActorRef<RunnerCommand>> busy = new HashSet<>();
    /** This round's rollouts by runner index: updates see them in a fixed order, so runs are reproducible. */
    private final java.util.TreeMap<Integer, Rollout> batch = new java.util.TreeMap<>();
    private long round;
    private boolean draining;

    private Learner(ActorContext<LearnerCommand> ctx, TimerScheduler<LearnerCommand> timers, PgAlgorithmKind kind,
                    PgRun run, CompletableFuture<TrainOutcome> outcome, IntFunction<ActorRef<RunnerCommand>> spawnLocal,
                    int expectedAtStart) {
        this.ctx = ctx;
        this.timers = timers;
        this.kind = kind;
        this.run = run;
        this.outcome = outcome;
        this.spawnLocal = spawnLocal;
        this.expectedAtStart = expectedAtStart;
    }

    /**
     * @param spawnLocal spawns local runner {@code index} as a child of the given context, or null when runners join
     *                   from elsewhere
     * @param localRunners how many local runners to spawn at start
     * @param remoteRunners runners of worker nodes that joined before the start
     */
    public static Behavior<LearnerCommand> create(PgAlgorithmKind kind, PgRun run, CompletableFuture<TrainOutcome> outcome,
                                                  LocalRunners spawnLocal, int localRunners, int remoteRunners) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            Learner l = new Learner(ctx, timers, kind, run, outcome,
                    spawnLocal == null ? null : index -> spawnLocal.spawn(ctx, index), localRunners + remoteRunners);
            timers.startSingleTimer(new LearnerCommand.StartTimeout(), START_TIMEOUT);
            run.startClock();
            for (int i = 0; i < localRunners; i++) {
                l.spawnLocal.apply(i);
            }
            return l.behavior();
        }));
    }

    /** Spawns a local runner as a child of the learner. */
    @FunctionalInterface
    public interface LocalRunners {
        ActorRef<RunnerCommand> spawn(ActorContext<LearnerCommand> learner, int index);
    }

    private Behavior<LearnerCommand> behavior() {
        return Behaviors.receive(LearnerCommand.class)
                .onMessage(LearnerCommand.RunnerReady.class, m -> guarded(() -> onReady(m)))
                .onMessage(LearnerCommand.RolloutDone.class, m -> guarded(() -> onRollout(m)))
                .onMessage(LearnerCommand.GradientDone.class, m -> guarded(() -> onGradient(m)))
                .onMessage(LearnerCommand.RunnerTerminated.class, m -> guarded(() -> onTerminated(m.runner())))
                .onMessage(LearnerCommand.StartTimeout.class, m -> guarded(this::onStartTimeout))
                .onMessage(LearnerCommand.DrainTimeout.class, m -> guarded(this::finish))
                .build();
    }

    private Behavior<LearnerCommand> onStartTimeout() {
        startTimedOut = true;
        if (round == 0 && !runners.isEmpty() && kind != PgAlgorithmKind.A3C) {
            ctx.getLog().warn("{} of {} expected runners ready after {}; starting with them", runners.size(),
                    expectedAtStart, START_TIMEOUT);
            startRound();
        }
        return Behaviors.same();
    }

    private Behavior<LearnerCommand> guarded(LearnerStep step) {
        return LearnerStep.guarded(ctx, outcome, step);
    }

    private Behavior<LearnerCommand> onReady(LearnerCommand.RunnerReady m) throws Exception {
        LearnerCommand.RunnerReady known = runners.put(m.runner(), m);
        if (known == null) {
            ctx.watchWith(m.runner(), new LearnerCommand.RunnerTerminated(m.runner()));
            ctx.getLog().debug("runner {} ready on {}", m.index(), m.node());
        } else {
            // the same actor again: it was restarted and whatever it was working on is gone
            run.accounting().runnerRestarted();
            busy.remove(m.runner());
        }
        if (draining) {
            return maybeFinish();
        }
        if (kind == PgAlgorithmKind.A3C) {
            busy.add(m.runner());
            m.runner().tell(new RunnerCommand.ComputeGradient(run.params()));
        } else if (round == 0 && runners.size() < expectedAtStart && !startTimedOut) {
            // a first round started by the quickest runner alone would depend on start-up timing: wait for all
            return Behaviors.same();
        } else if (busy.isEmpty() && batch.isEmpty()) {
            startRound();
        } else {
            // joins the round in progress: the parameters have not changed since it began
            busy.add(m.runner());
            m.runner().tell(new RunnerCommand.Collect(round, run.params(), run.normalizer()));
        }
        return Behaviors.same();
    }

    private void startRound() {
        round++;
        for (ActorRef<RunnerCommand> r : runners.keySet()) {
            busy.add(r);
            r.tell(new RunnerCommand.Collect(round, run.params(), run.normalizer()));
        }
    }

    private Behavior<LearnerCommand> onRollout(LearnerCommand.RolloutDone m) throws Exception {
        Rollout r = m.rollout();
        run.produced(nodeOf(m.runner()), r.size(), r.envRestarts());
        boolean current = busy.remove(m.runner()) && m.round() == round && !draining
                && r.paramsVersion() == run.params().version();
        if (!current) {
            run.dropped(r.size());
            return draining ? maybeFinish() : Behaviors.same();
        }
        batch.put(runners.get(m.runner()).index(), r);
        if (!busy.isEmpty()) {
            return Behaviors.same();
        }
        run.update(List.copyOf(batch.values()));
        batch.clear();
        if (run.done()) {
            return drain();
        }
        startRound();
        return Behaviors.same();
    }

    private Behavior<LearnerCommand> onGradient(LearnerCommand.GradientDone m) throws Exception {
        var g = m.gradient();
        run.produced(nodeOf(m.runner()), g.transitions(), g.envRestarts());
        busy.remove(m.runner());
        if (draining) {
            run.dropped(g.transitions());
            return maybeFinish();
        }
        var params = run.apply(g);
        if (run.done()) {
            return drain();
        }
        busy.add(m.runner());
        m.runner().tell(new RunnerCommand.ComputeGradient(params));
        return Behaviors.same();
    }

    private Behavior<LearnerCommand> onTerminated(ActorRef<RunnerCommand> runner) throws Exception {
        LearnerCommand.RunnerReady info = runners.remove(runner);
        boolean wasBusy = busy.remove(runner);
        if (draining) {
            return maybeFinish();
        }
        if (info != null) {
            ctx.getLog().warn("runner {} on {} stopped", info.index(), info.node());
            if (spawnLocal != null && info.node().equals(ctx.getSystem().address().toString())) {
                run.accounting().runnerRestarted();
                spawnLocal.apply(info.index());
            } else if (round == 0) {
                // a worker's runner that will not come back: start without it rather than wait for the timeout
                expectedAtStart--;
                if (kind != PgAlgorithmKind.A3C && !runners.isEmpty() && runners.size() >= expectedAtStart) {
                    startRound();
                }
                return Behaviors.same();
            }
        }
        // a synchronous round that was only waiting for this runner can go ahead without it
        if (wasBusy && kind != PgAlgorithmKind.A3C && busy.isEmpty() && !batch.isEmpty()) {
            run.update(List.copyOf(batch.values()));
            batch.clear();
            if (run.done()) {
                return drain();
            }
            startRound();
        }
        return Behaviors.same();
    }

    private String nodeOf(ActorRef<RunnerCommand> runner) {
        LearnerCommand.RunnerReady info = runners.get(runner);
        return info != null ? info.node() : runner.path().address().toString();
    }

    private Behavior<LearnerCommand> drain() throws Exception {
        draining = true;
        timers.startSingleTimer(new LearnerCommand.DrainTimeout(), DRAIN_TIMEOUT);
        return maybeFinish();
    }

    private Behavior<LearnerCommand> maybeFinish() throws Exception {
        return busy.isEmpty() ? finish() : Behaviors.same();
    }

    private Behavior<LearnerCommand> finish() throws Exception {
        timers.cancelAll();
        for (ActorRef<RunnerCommand> r : runners.keySet()) {
            r.tell(new RunnerCommand.Stop());
        }
        if (!busy.isEmpty()) {
            ctx.getLog().warn("{} runners did not answer within {}; finishing without them", busy.size(),
                    DRAIN_TIMEOUT);
        }
        outcome.complete(run.finish());
        return Behaviors.stopped();
    }
}
