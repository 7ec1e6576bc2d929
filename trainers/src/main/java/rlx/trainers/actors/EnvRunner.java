package rlx.trainers.actors;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.dqn.DqnCollector;
import rlx.agents.pg.A3cWorker;
import rlx.agents.pg.RolloutCollector;

/**
 * An env runner actor: wraps a {@link RunnerWork} (rollouts for A2C and PPO, gradients for A3C, transitions for
 * distributed DQN), announces itself to the learner, and answers each request with one rollout, one gradient or one
 * batch of transitions (the last goes to the replay actor). It only works when asked, so its mailbox
 * holds at most one request and it can never run ahead of the learner. A crash restarts it (with a fresh collector and
 * seeds); the learner hears of the restart through the next {@link LearnerCommand.RunnerReady}.
 */
public final class EnvRunner {

    /** Builds the runner's plain object for an incarnation (0, 1, ...). */
    @FunctionalInterface
    public interface Parts {
        RunnerWork build(long incarnation);
    }

    private EnvRunner() {
    }

    /**
     * A supervised runner.
     *
     * @param crashes shared count of requests, for {@link RunnerFaults}
     */
    public static Behavior<RunnerCommand> create(ActorRef<LearnerCommand> learner, int index, Parts parts,
                                                 RunnerFaults faults, AtomicLong crashes) {
        AtomicLong incarnations = new AtomicLong();
        return Behaviors.supervise(Behaviors.<RunnerCommand>setup(ctx -> {
            ctx.setLoggerName(EnvRunner.class);
            long incarnation = incarnations.getAndIncrement();
            AtomicLong answered = new AtomicLong();
            String node = ctx.getSystem().address().toString();
            RunnerWork work = parts.build(incarnation);
            learner.tell(new LearnerCommand.RunnerReady(ctx.getSelf(), index, incarnation, node));
            ctx.getLog().debug("runner {} on {} ready (incarnation {})", index, node, incarnation);
            return Behaviors.receive(RunnerCommand.class)
                    .onMessage(RunnerCommand.Collect.class, c -> {
                        if (injectFault(faults, crashes)) {
                            return Behaviors.stopped();
                        }
                        RolloutCollector collector = ((RunnerWork.Rollouts) work).collector();
                        collector.load(c.params(), c.normalizer());
                        learner.tell(new LearnerCommand.RolloutDone(ctx.getSelf(), c.round(), collector.collect()));
                        logFirst(ctx.getLog(), answered, index, node);
                        return Behaviors.same();
                    })
                    .onMessage(RunnerCommand.ComputeGradient.class, c -> {
                        if (injectFault(faults, crashes)) {
                            return Behaviors.stopped();
                        }
                        A3cWorker worker = ((RunnerWork.Gradients) work).worker();
                        learner.tell(new LearnerCommand.GradientDone(ctx.getSelf(), worker.step(c.params())));
                        logFirst(ctx.getLog(), answered, index, node);
                        return Behaviors.same();
                    })
                    .onMessage(RunnerCommand.CollectTransitions.class, c -> {
                        if (injectFault(faults, crashes)) {
                            return Behaviors.stopped();
                        }
                        DqnCollector collector = ((RunnerWork.Transitions) work).collector();
                        collector.load(c.params());
                        c.replay().tell(new ReplayCommand.Store(ctx.getSelf(), node,
                                collector.collect(c.vectorSteps())));
                        logFirst(ctx.getLog(), answered, index, node);
                        return Behaviors.same();
                    })
                    .onMessage(RunnerCommand.Stop.class, s -> Behaviors.stopped())
                    .build();
        })).onFailure(RuntimeException.class, SupervisorStrategy.restart());
    }

    private static void logFirst(org.slf4j.Logger log, AtomicLong answered, int index, String node) {
        if (answered.getAndIncrement() == 0) {
            log.debug("runner {} on {} answered its first request", index, node);
        }
    }

    /** Throws for an injected crash; true for an injected stop. */
    private static boolean injectFault(RunnerFaults faults, AtomicLong requests) {
        long n = requests.incrementAndGet();
        if (faults.crashEvery() > 0 && n % faults.crashEvery() == 0) {
            throw new InjectedFault("injected runner crash at request " + n);
        }
        return faults.stopEvery() > 0 && n % faults.stopEvery() == 0;
    }

    /** The exception of {@link RunnerFaults}. */
    static final class InjectedFault extends RuntimeException {
        InjectedFault(String message) {
            super(message);
        }
    }
}
