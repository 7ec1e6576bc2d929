package rlx.trainers.actors;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.trainers.core.TrainOutcome;

/**
 * One message's work in a learner actor, which may fail: a learner failure ends the run (its outcome fails and the
 * actor stops) with the checkpoints written so far intact, instead of Pekko restarting it with a blank state.
 */
@FunctionalInterface
public interface LearnerStep {

    Behavior<LearnerCommand> run() throws Exception;

    /** Runs {@code step}; on failure logs it, fails {@code outcome} and stops the learner. */
    static Behavior<LearnerCommand> guarded(ActorContext<LearnerCommand> ctx, CompletableFuture<TrainOutcome> outcome,
                                            LearnerStep step) {
        try {
            return step.run();
        } catch (Exception | Error e) {
            ctx.getLog().error("learner failed; stopping the run (checkpoints written so far are intact)", e);
            outcome.completeExceptionally(e);
            return Behaviors.stopped();
        }
    }
}
