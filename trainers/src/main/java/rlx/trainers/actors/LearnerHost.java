package rlx.trainers.actors;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.trainers.core.TrainOutcome;

/** Runs a learner actor in an actor system of this JVM and waits for the outcome it completes. */
public final class LearnerHost {

    private LearnerHost() {
    }

    /**
     * Starts an actor system whose guardian only hosts {@code learner} (on the compute dispatcher) and stops when the
     * learner stops; returns the learner's outcome and terminates the system.
     */
    public static TrainOutcome run(Behavior<LearnerCommand> learner, CompletableFuture<TrainOutcome> outcome)
            throws IOException {
        return run(learner, "learner", RuntimeSystem.compute(), 0, outcome);
    }

    /**
     * Starts an actor system whose guardian only hosts {@code root}, named {@code name}, on {@code dispatcher}, with
     * {@code threads} compute threads (0: one per processor); returns the outcome {@code root} completes, or fails
     * if it stops first, and terminates the system.
     */
    public static <T> TrainOutcome run(Behavior<T> root, String name, DispatcherSelector dispatcher, int threads,
                                       CompletableFuture<TrainOutcome> outcome) throws IOException {
        Behavior<Void> guardian = Behaviors.setup(ctx -> {
            ctx.watch(ctx.spawn(root, name, dispatcher));
            return Behaviors.receive(Void.class)
                    .onSignal(Terminated.class, t -> {
                        // a root that stopped without an outcome failed; after one, this changes nothing
                        outcome.completeExceptionally(new IllegalStateException("the " + name + " stopped"));
                        return Behaviors.stopped();
                    })
                    .build();
        });
        ActorSystem<Void> system = ActorSystem.create(guardian, "rlx",
                RuntimeSystem.config(threads, ConfigFactory.empty()));
        try {
            return outcomeOf(outcome);
        } finally {
            terminate(system);
        }
    }

    /** Waits for the learner's outcome; its failure is rethrown as the learner's run threw it. */
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
}
