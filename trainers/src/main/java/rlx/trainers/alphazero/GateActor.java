package rlx.trainers.alphazero;

import java.nio.file.Path;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.play.ArenaResult;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.EvalRecord;

/**
 * The evaluator: plays each trained candidate against the best network, promotes it on the gate's score (writing
 * the new best to {@code best-network/}, where players find it), and plays the best against the evaluation
 * opponent when asked. A failure ends the run.
 */
final class GateActor {

    private GateActor() {
    }

    static Behavior<GateMessage> create(ActorRef<CoachMessage> coach, GenerationSteps steps, Game game,
                                        PolicyValueNetwork best, Rng matchRng, int cacheSize, Path bestDir) {
        PolicyValueNetwork candidate = best.copy();
        BatchedSearch candidateSearch = new BatchedSearch(game, cacheSize);
        BatchedSearch bestSearch = new BatchedSearch(game, cacheSize);
        return Behaviors.receive(GateMessage.class)
                .onMessage(GateMessage.Gate.class, m -> {
                    try {
                        long start = System.nanoTime();
                        candidate.setParams(m.candidate());
                        candidateSearch.clearCache();
                        ArenaResult result = steps.gate(candidate::evaluate, candidateSearch, best::evaluate,
                                bestSearch, matchRng);
                        boolean promoted = steps.promotes(result);
                        if (promoted) {
                            best.setParams(m.candidate());
                            bestSearch.clearCache();
                            best.save(bestDir);
                        }
                        EvalRecord eval = m.evaluationGames() > 0 ? steps.evaluate(best::evaluate, bestSearch,
                                m.evaluationGames(), m.positions(), m.generation(), false, matchRng) : null;
                        coach.tell(new CoachMessage.Gated(m.generation(), result, promoted, best.params(),
                                matchRng.state(), eval, (System.nanoTime() - start) / 1e9));
                    } catch (RuntimeException e) {
                        coach.tell(new CoachMessage.Failed("evaluator", e));
                    }
                    return Behaviors.same();
                })
                .onMessage(GateMessage.FinalEvaluation.class, m -> {
                    try {
                        coach.tell(new CoachMessage.FinalEvaluated(steps.evaluate(best::evaluate,
                                new BatchedSearch(game, cacheSize), m.games(), m.positions(), m.generation(), true,
                                matchRng)));
                    } catch (RuntimeException e) {
                        coach.tell(new CoachMessage.Failed("evaluator", e));
                    }
                    return Behaviors.same();
                })
                .build();
    }
}
