package rlx.trainers.actors;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.networks.ac.ActorCriticNetwork;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.Collectors;

/**
 * Collection throughput of the actor runtime: {@code runners} env runner actors answer rollout requests as fast as
 * they can (acting with the plain-Java network included, no learning), and a stand-in learner counts env steps over a
 * measured window after a warm-up.
 */
public final class RunnerBenchmark {

    /** Steps collected in the measured window. */
    public record Result(int runners, long envSteps, double seconds) {
        public double stepsPerSecond() {
            return envSteps / seconds;
        }
    }

    private RunnerBenchmark() {
    }

    private record Tick(boolean end) implements LearnerCommand.Internal {
    }

    /**
     * A stand-in learner that spawns {@code localRunners} runners, keeps every runner (local or joined from another
     * JVM) busy with rollout requests, and completes {@code result} with the steps of a window that opens
     * {@code warmupSeconds} after the first rollout arrives.
     *
     * @param runners the runner count reported in the result
     */
    public static Behavior<LearnerCommand> counter(PgConfig config, TrainSettings settings, EnvRegistry registry,
                                                   int inputSize, int numActions, int localRunners, int runners,
                                                   double warmupSeconds, double seconds,
                                                   CompletableFuture<Result> result) {
        ActorCriticNetwork net = ActorCriticNetwork.create(config.network(), config.losses(), inputSize, numActions, 1);
        ParamsSnapshot params = new ParamsSnapshot(0, net.params());
        // a normalising config pays for normalisation while it collects, as in training
        rlx.agents.pg.Normalizer normalizer = config.normalize().enabled()
                ? rlx.agents.pg.Normalizer.initial(config.normalize(), inputSize) : null;
        AtomicLong steps = new AtomicLong();
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            for (int i = 0; i < localRunners; i++) {
                int index = i;
                ctx.spawn(EnvRunner.create(ctx.getSelf(), index, incarnation -> new RunnerWork.Rollouts(
                        Collectors.collector(config, settings, registry, inputSize, numActions,
                                Collectors.runnerSeed(settings.seed(), index, 0, incarnation))),
                        RunnerFaults.NONE, new AtomicLong()), "runner-" + i, RuntimeSystem.compute());
            }
            long[] mark = {-1, 0};
            return Behaviors.receive(LearnerCommand.class)
                    .onMessage(LearnerCommand.RunnerReady.class, m -> {
                        m.runner().tell(new RunnerCommand.Collect(0, params, normalizer));
                        return Behaviors.same();
                    })
                    .onMessage(LearnerCommand.RolloutDone.class, m -> {
                        if (steps.getAndAdd(m.rollout().size()) == 0) {
                            timers.startSingleTimer(new Tick(false), Duration.ofMillis((long) (warmupSeconds * 1000)));
                        }
                        m.runner().tell(new RunnerCommand.Collect(0, params, normalizer));
                        return Behaviors.same();
                    })
                    .onMessage(Tick.class, t -> {
                        if (!t.end()) {
                            mark[0] = steps.get();
                            mark[1] = System.nanoTime();
                            timers.startSingleTimer(new Tick(true), Duration.ofMillis((long) (seconds * 1000)));
                            return Behaviors.same();
                        }
                        result.complete(new Result(runners, steps.get() - mark[0], (System.nanoTime() - mark[1]) / 1e9));
                        return Behaviors.stopped();
                    })
                    .build();
        }));
    }

    public static Result run(PgConfig config, TrainSettings settings, EnvRegistry registry, int inputSize,
                             int numActions, int runners, double warmupSeconds, double seconds) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Behavior<LearnerCommand> counter = counter(config, settings, registry, inputSize, numActions, runners,
                runners, warmupSeconds, seconds, result);
        ActorSystem<LearnerCommand> system = ActorSystem.create(counter, "rlx-bench",
                RuntimeSystem.config(0, ConfigFactory.empty()));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("benchmark failed: " + e.getCause(), e.getCause());
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the measurement is done
            }
        }
    }
}
