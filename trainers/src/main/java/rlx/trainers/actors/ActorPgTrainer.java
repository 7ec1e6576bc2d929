package rlx.trainers.actors;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.pg.PgAlgorithmKind;
import rlx.trainers.pg.PgRun;

/**
 * Runs A2C, PPO or A3C on the actor runtime in this JVM: a learner actor and {@code runtime.runners} env runner
 * actors, each with {@code env.num-envs} env copies, all on the compute dispatcher.
 */
public final class ActorPgTrainer {

    private final PgAlgorithmKind kind;
    private final PgConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private RunnerFaults faults = RunnerFaults.NONE;

    public ActorPgTrainer(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, EnvRegistry registry,
                          Path checkpointDir, TrainingListener listener) {
        this.kind = kind;
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
    }

    /** Injects runner crashes (tests of supervision). */
    public ActorPgTrainer withFaults(RunnerFaults value) {
        this.faults = value;
        return this;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        PgRun run = new PgRun(config, settings, registry, checkpointDir, listener, resume);
        CompletableFuture<TrainOutcome> outcome = new CompletableFuture<>();
        Behavior<LearnerCommand> learner = learner(run, outcome, config.runtime().runners());
        // the guardian only hosts the learner, on the compute dispatcher, and ends the system when it stops
        Behavior<Void> guardian = Behaviors.setup(ctx -> {
            var ref = ctx.spawn(learner, "learner", RuntimeSystem.compute());
            ctx.watch(ref);
            return Behaviors.receive(Void.class)
                    .onSignal(org.apache.pekko.actor.typed.Terminated.class, t -> Behaviors.stopped())
                    .build();
        });
        ActorSystem<Void> system = ActorSystem.create(guardian, "rlx", RuntimeSystem.config(0, ConfigFactory.empty()));
        try {
            return outcomeOf(outcome);
        } finally {
            terminate(system);
        }
    }

    /**
     * The learner of {@code run} with {@code localRunners} runners spawned as its children (and replaced when they
     * stop); it completes {@code outcome} when the run ends.
     */
    public Behavior<LearnerCommand> learner(PgRun run, CompletableFuture<TrainOutcome> outcome, int localRunners) {
        AtomicLong requests = new AtomicLong();
        Learner.LocalRunners spawn = (ctx, index) -> ctx.spawn(
                EnvRunner.create(ctx.getSelf(), index, parts(run, index), faults, requests),
                "runner-" + index + "-" + requests.get() + "-" + System.nanoTime(), RuntimeSystem.compute());
        return Learner.create(kind, run, outcome, spawn, localRunners);
    }

    /** Waits for the learner's outcome; its failure is rethrown as PgRun threw it. */
    public static TrainOutcome outcomeOf(CompletableFuture<TrainOutcome> outcome) throws IOException {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while training", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("learner failed: " + cause, cause);
        }
    }

    /** Terminates {@code system} and waits up to 30 s for it. */
    public static void terminate(ActorSystem<?> system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the outcome is already known; a slow shutdown does not change it
        }
    }

    private EnvRunner.Parts parts(PgRun run, int index) {
        return new RunnerParts(kind, config, settings, registry, run.inputSize(), run.numActions(), run.resumes(),
                index);
    }

    static Duration drainTimeout() {
        return Learner.DRAIN_TIMEOUT;
    }
}
