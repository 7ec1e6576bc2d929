package rlx.trainers.alphazero;

import java.nio.file.Path;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.alphazero.ReplayWindow;
import rlx.agents.alphazero.SelfPlayGame;
import rlx.agents.alphazero.TrainingPosition;
import rlx.envs.core.Rng;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.Checkpoints;

/**
 * Owns the learner network and the replay window: adds each generation's games, trains, hands the trained
 * parameters to the coach, and writes the checkpoints (it holds their largest part). A failure ends the run.
 */
final class LearnerActor {

    private LearnerActor() {
    }

    static Behavior<LearnerMessage> create(ActorRef<CoachMessage> coach, GenerationSteps steps,
                                           PolicyValueNetwork learner, ReplayWindow window, Rng trainRng,
                                           Checkpoints checkpoints) {
        PolicyValueNetwork best = learner.copy();
        PolicyValueNetwork selfPlay = learner.copy();
        return Behaviors.receive(LearnerMessage.class)
                .onMessage(LearnerMessage.AddAndTrain.class, m -> {
                    try {
                        long start = System.nanoTime();
                        for (SelfPlayGame g : m.games()) {
                            for (TrainingPosition p : g.positions()) {
                                window.add(p);
                            }
                        }
                        PolicyValueNetwork.Losses losses = steps.train(learner, window, trainRng);
                        coach.tell(new CoachMessage.Trained(m.generation(), learner.params(), losses,
                                (System.nanoTime() - start) / 1e9));
                    } catch (RuntimeException e) {
                        coach.tell(new CoachMessage.Failed("learner", e));
                    }
                    return Behaviors.same();
                })
                .onMessage(LearnerMessage.WriteCheckpoint.class, m -> {
                    try {
                        best.setParams(m.best());
                        selfPlay.setParams(m.selfPlay());
                        AlphaZeroTrainerState s = m.state();
                        AlphaZeroTrainerState state = new AlphaZeroTrainerState(s.generation(), s.positions(),
                                s.games(), s.wallSeconds(), s.bestElo(), s.promotions(), s.selfPlayRng(),
                                trainRng.state(), s.matchRng(), s.resumes());
                        Path dir = checkpoints.write(s.positions(), tmp -> AlphaZeroCheckpoint.write(tmp, learner,
                                best, selfPlay, window, state));
                        coach.tell(new CoachMessage.CheckpointWritten(s.generation(), s.positions(), dir));
                    } catch (java.io.IOException | RuntimeException e) {
                        coach.tell(new CoachMessage.Failed("learner (checkpoint)", e));
                    }
                    return Behaviors.same();
                })
                .build();
    }
}
