package rlx.trainers.apex;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import rlx.agents.dqn.ApexConfig;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.LearnerStep;
import rlx.trainers.actors.ReplayCommand;
import rlx.trainers.actors.RunnerCommand;
import rlx.trainers.core.TrainOutcome;

/**
 * The learner actor of distributed DQN. Each runner has at most one request out; a request carries the latest
 * weights, so runners pull fresh parameters with every batch. Collection is held back when it is more than
 * {@code max-batches-ahead} batches per runner ahead of the replay ratio, and resumes as gradient steps catch up; one
 * minibatch request to the replay actor is out at a time. At the end, batches still in flight are counted as dropped.
 */
public final class ApexLearner {

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final ActorContext<LearnerCommand> ctx;
    private final TimerScheduler<LearnerCommand> timers;
    private final ApexConfig config;
    private final ApexRun run;
    private final CompletableFuture<TrainOutcome> outcome;
    private final ActorRef<ReplayCommand> replay;
    private final IntFunction<ActorRef<RunnerCommand>> spawnRunner;
    private final int batchSteps;
    private final Map<ActorRef<RunnerCommand>, LearnerCommand.RunnerReady> runners = new HashMap<>();
    private final Map<ActorRef<RunnerCommand>, Integer> busy = new HashMap<>();
    private final ArrayDeque<ActorRef<RunnerCommand>> idle = new ArrayDeque<>();
    private boolean sampling;
    private boolean draining;
    /**
     * Runners expected at the start (local ones and those of worker nodes that joined before it): no runner collects
     * until all are ready (at most {@link rlx.trainers.actors.Learner#START_TIMEOUT}), so that the quickest alone does
     * not fill the first batches.
     */
    private int expectedAtStart;
    private boolean started;

    /** Spawns the replay actor and runner {@code index} as children of the learner. */
    public interface Children {
        ActorRef<ReplayCommand> replay(ActorContext<LearnerCommand> learner);

        ActorRef<RunnerCommand> runner(ActorContext<LearnerCommand> learner, int index);
    }

    private ApexLearner(ActorContext<LearnerCommand> ctx, TimerScheduler<LearnerCommand> timers, ApexConfig config,
                        ApexRun run, CompletableFuture<TrainOutcome> outcome, Children children, int numEnvs,
                        int expectedAtStart) {
        this.ctx = ctx;
        this.timers = timers;
        this.config = config;
        this.run = run;
        this.outcome = outcome;
        this.replay = children.replay(ctx);
        this.spawnRunner = index -> children.runner(ctx, index);
        this.batchSteps = config.vectorStepsPerBatch() * numEnvs;
        this.expectedAtStart = expectedAtStart;
    }

    /** @param remoteRunners runners of worker nodes that joined before the start */
    public static Behavior<LearnerCommand> create(ApexConfig config, ApexRun run, CompletableFuture<TrainOutcome> outcome,
                                                  Children children, int numEnvs, int remoteRunners) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            ApexLearner l = new ApexLearner(ctx, timers, config, run, outcome, children, numEnvs,
                    config.runners() + remoteRunners);
            timers.startSingleTimer(new LearnerCommand.StartTimeout(), rlx.trainers.actors.Learner.START_TIMEOUT);
            for (int i = 0; i < config.runners(); i++) {
                l.spawnRunner.apply(i);
            }
            return l.behavior();
        }));
    }

    private Behavior<LearnerCommand> behavior() {
        return Behaviors.receive(LearnerCommand.class)
                .onMessage(LearnerCommand.RunnerReady.class, m -> guarded(() -> onReady(m)))
                .onMessage(LearnerCommand.TransitionsStored.class, m -> guarded(() -> onStored(m)))
                .onMessage(LearnerCommand.Sampled.class, m -> guarded(() -> onSampled(m)))
                .onMessage(LearnerCommand.RunnerTerminated.class, m -> guarded(() -> onTerminated(m.runner())))
                .onMessage(LearnerCommand.StartTimeout.class, m -> guarded(this::onStartTimeout))
                .onMessage(LearnerCommand.DrainTimeout.class, m -> guarded(this::finish))
                .build();
    }

    private Behavior<LearnerCommand> onStartTimeout() {
        if (!started) {
            ctx.getLog().warn("{} of {} expected runners ready after {}; starting with them", runners.size(),
                    expectedAtStart, rlx.trainers.actors.Learner.START_TIMEOUT);
            start();
        }
        return Behaviors.same();
    }

    private void start() {
        started = true;
        for (int i = idle.size(); i > 0; i--) {
            dispatch(idle.poll());
        }
    }

    private Behavior<LearnerCommand> guarded(LearnerStep step) {
        return LearnerStep.guarded(ctx, outcome, step);
    }

    private Behavior<LearnerCommand> onReady(LearnerCommand.RunnerReady m) {
        if (runners.put(m.runner(), m) == null) {
            ctx.watchWith(m.runner(), new LearnerCommand.RunnerTerminated(m.runner()));
        } else {
            run.accounting().runnerRestarted();
            busy.remove(m.runner());
        }
        if (!started) {
            if (!idle.contains(m.runner())) {
                idle.add(m.runner());
            }
            if (runners.size() >= expectedAtStart) {
                start();
            }
            return Behaviors.same();
        }
        dispatch(m.runner());
        return Behaviors.same();
    }

    private long inFlightSteps() {
        return (long) busy.size() * batchSteps;
    }

    private void dispatch(ActorRef<RunnerCommand> runner) {
        if (draining || busy.containsKey(runner) || !runners.containsKey(runner)) {
            return;
        }
        if (!run.mayCollect(inFlightSteps(), batchSteps, runners.size())) {
            if (!idle.contains(runner)) {
                idle.add(runner);
            }
            return;
        }
        busy.put(runner, 1);
        runner.tell(new RunnerCommand.CollectTransitions(run.params(), config.vectorStepsPerBatch(), replay));
    }

    private Behavior<LearnerCommand> onStored(LearnerCommand.TransitionsStored m) throws Exception {
        boolean expected = busy.remove(m.runner()) != null;
        if (draining || !expected) {
            run.dropped(m.node(), m.transitions());
            return draining ? maybeFinish() : Behaviors.same();
        }
        run.stored(m.node(), m.transitions(), m.envSteps(), m.episodeReturns(), m.episodeLengths(), m.envRestarts());
        if (run.done()) {
            return drain();
        }
        maybeSample();
        dispatch(m.runner());
        return Behaviors.same();
    }

    private void maybeSample() {
        if (!sampling && run.updates() < run.updatesDue() && run.replaySize() >= config.dqn().batchSize()) {
            sampling = true;
            replay.tell(new ReplayCommand.Sample(config.dqn().batchSize(), run.beta()));
        }
    }

    private Behavior<LearnerCommand> onSampled(LearnerCommand.Sampled m) throws Exception {
        sampling = false;
        if (draining) {
            return maybeFinish();
        }
        float[] td = run.update(m.batch());
        if (config.dqn().prioritized().enabled()) {
            replay.tell(new ReplayCommand.UpdatePriorities(m.batch().indices.clone(), td.clone(), m.batch().size()));
        }
        maybeSample();
        for (int i = idle.size(); i > 0; i--) {
            dispatch(idle.poll());
        }
        return Behaviors.same();
    }

    private Behavior<LearnerCommand> onTerminated(ActorRef<RunnerCommand> runner) throws Exception {
        LearnerCommand.RunnerReady info = runners.remove(runner);
        busy.remove(runner);
        idle.remove(runner);
        if (draining) {
            return maybeFinish();
        }
        if (info != null && info.node().equals(ctx.getSystem().address().toString())) {
            run.accounting().runnerRestarted();
            spawnRunner.apply(info.index());
        } else if (info != null && !started) {
            // a worker's runner that will not come back: start without it rather than wait for the timeout
            expectedAtStart--;
            if (runners.size() >= expectedAtStart) {
                start();
            }
        }
        return Behaviors.same();
    }

    private Behavior<LearnerCommand> drain() throws Exception {
        draining = true;
        timers.startSingleTimer(new LearnerCommand.DrainTimeout(), DRAIN_TIMEOUT);
        return maybeFinish();
    }

    private Behavior<LearnerCommand> maybeFinish() throws Exception {
        return busy.isEmpty() && !sampling ? finish() : Behaviors.same();
    }

    private Behavior<LearnerCommand> finish() throws Exception {
        timers.cancelAll();
        for (ActorRef<RunnerCommand> r : runners.keySet()) {
            r.tell(new RunnerCommand.Stop());
        }
        outcome.complete(run.finish());
        return Behaviors.stopped();
    }
}
