package rlx.trainers.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.DqnLearner;
import rlx.agents.dqn.EpsilonGreedyPolicy;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.eval.Evaluator;

/**
 * The fast learning check CI runs: DQN on the real CartPole-v1 with a small budget and a fixed seed must end well
 * above a random policy (about 22). The full-length runs that must reach 475 are the experiment configs.
 */
class CartPoleLearningTest {

    @Test
    void dqnLearnsCartPoleWellAboveRandomOnASmallBudget(@TempDir Path dir) throws Exception {
        DqnConfig config = TestConfigs.dqn(List.of(64, 64), 1e-3, 64, 500, 2, 500, 0.3, 1, false);
        TrainSettings settings = new TrainSettings("CartPole-v1", Map.of(), 1, 12_000, 3, 2_000, 5, 20, 10, 0);

        TrainOutcome outcome = new LocalDqnTrainer(config, settings, EnvRegistry.standard(), dir,
                new TrainingListener() { }).run(false);

        double mean = outcome.finalEval().meanReturn();
        assertTrue(mean >= 100, "greedy return after 12k steps: " + mean + " (random: about 22)");

        // the kept best policy, loaded from its directory, plays the final evaluation's episodes as best_eval says
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) outcome.extra().get("best_eval");
        DqnLearner kept = DqnLearner.load(config, dir.resolve("best").resolve("learner"));
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(kept.online().plainForward(), 4, 2);
        policy.load(kept.params());
        EvalRecord again = new Evaluator(EnvRegistry.standard(), "CartPole-v1", Map.of(), 10)
                .atStep(policy::greedy, 20, 3, outcome.envSteps(), true);
        assertEquals(again.meanReturn(), (Double) best.get("mean_return"), 1e-9, "best_eval " + best + ", final "
                + outcome.finalEval());
    }
}
