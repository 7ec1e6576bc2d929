package rlx.trainers.actors;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.pg.A3cWorker;
import rlx.agents.pg.RolloutCollector;

/**
 * An env runner actor: wraps a {@link RolloutCollector} (A2C, PPO) or an {@link A3cWorker} (A3C), announces itself to
 * the learner, and answers each request with one rollout or one gradient. It only works when asked, so its mailbox
 * holds at most one request and it can never run ahead of the learner. A crash restarts it (with a fresh collector and
 * seeds); the learner hears of the restart through the next {@link LearnerCommand.RunnerReady}.
 */
public final class EnvRunner {

    /** Builds the runner's plain object for an incarnation (0, 1, ...): a collector or an A3C worker. */
    public interface Parts {
        RolloutCollector collector(long incarnation);

        A3cWorker worker(long incarnation);
    }

    private EnvRunner() {
    }

    /**
     * A supervised runner.
     *
     * @param a3c     whether it computes A3C gradients instead of returning rollouts
     * @param crashes shared count of requests, for {@link RunnerFaults}
     */
    public static Behavior<RunnerCommand> create(ActorRef<LearnerCommand> learner, int index, boolean a3c, Parts parts,
                                                 RunnerFaults faults, AtomicLong crashes) {
        AtomicLong incarnations = new AtomicLong();
        return Behaviors.supervise(Behaviors.<RunnerCommand>setup(ctx -> {
            long incarnation = incarnations.getAndIncrement();
            String node = ctx.getSystem().address().toString();
            LongFunction<Object> build = a3c ? parts::worker : parts::collector;
            Object core = build.apply(incarnation);
            learner.tell(new LearnerCommand.RunnerReady(ctx.getSelf(), index, incarnation, node));
            return Behaviors.receive(RunnerCommand.class)
                    .onMessage(RunnerCommand.Collect.class, c -> {
                        if (injectFault(faults, crashes)) {
                            return Behaviors.stopped();
                        }
                        RolloutCollector collector = (RolloutCollector) core;
                        collector.load(c.params());
                        learner.tell(new LearnerCommand.RolloutDone(ctx.getSelf(), c.round(), collector.collect()));
                        return Behaviors.same();
                    })
                    .onMessage(RunnerCommand.ComputeGradient.class, c -> {
                        if (injectFault(faults, crashes)) {
                            return Behaviors.stopped();
                        }
                        A3cWorker worker = (A3cWorker) core;
                        learner.tell(new LearnerCommand.GradientDone(ctx.getSelf(), worker.step(c.params())));
                        return Behaviors.same();
                    })
                    .onMessage(RunnerCommand.Stop.class, s -> Behaviors.stopped())
                    .build();
        })).onFailure(RuntimeException.class, SupervisorStrategy.restart());
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
