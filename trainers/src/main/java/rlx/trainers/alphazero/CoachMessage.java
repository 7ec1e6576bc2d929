package rlx.trainers.alphazero;

import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import rlx.agents.alphazero.SelfPlayGame;
import rlx.agents.play.ArenaResult;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.EvalRecord;

/** What the self-play, learner and evaluator actors report to the coach. */
sealed interface CoachMessage {

    /** A self-play actor started (again, after a restart: {@code incarnation} > 0) and waits for its network. */
    record WorkerReady(ActorRef<SelfPlayMessage> worker, int index, long incarnation) implements CoachMessage {
    }

    record ChunkPlayed(int index, int generation, int chunk, List<SelfPlayGame> games, double seconds,
                       long evaluations) implements CoachMessage {
    }

    record Trained(int generation, float[] candidate, PolicyValueNetwork.Losses losses, double seconds)
            implements CoachMessage {
    }

    /**
     * @param best the best network's parameters after the gate (the candidate's when promoted)
     * @param matchRng the evaluator's random stream after this generation, for the checkpoint
     * @param evaluation the evaluation against the opponent, or null when none was asked for
     */
    record Gated(int generation, ArenaResult result, boolean promoted, float[] best, long[] matchRng,
                 EvalRecord evaluation, double seconds) implements CoachMessage {
    }

    record CheckpointWritten(int generation, long positions, Path dir) implements CoachMessage {
    }

    record FinalEvaluated(EvalRecord evaluation) implements CoachMessage {
    }

    /** The learner or the evaluator failed: the run ends with this error, its last checkpoint intact. */
    record Failed(String who, Throwable error) implements CoachMessage {
    }
}
