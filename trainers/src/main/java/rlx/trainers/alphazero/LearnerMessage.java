package rlx.trainers.alphazero;

import java.util.List;
import rlx.agents.alphazero.SelfPlayGame;

/** What the coach tells the learner actor. */
sealed interface LearnerMessage {

    /** Add a generation's self-play games to the window, then train on it. */
    record AddAndTrain(int generation, List<SelfPlayGame> games) implements LearnerMessage {
    }

    /**
     * Write a checkpoint of everything up to the last trained generation: the learner and the window from here,
     * the rest as given ({@code state}'s training stream is replaced by the learner's own).
     */
    record WriteCheckpoint(AlphaZeroTrainerState state, float[] best, float[] selfPlay) implements LearnerMessage {
    }
}
