package rlx.trainers.apex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.dqn.ApexConfig;
import rlx.agents.dqn.DqnCollector;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.ExplorationConfig;
import rlx.agents.dqn.PrioritizedConfig;
import rlx.envs.core.EnvRegistry;
import rlx.envs.testing.MoveRightEnv;
import rlx.networks.config.ActivationKind;
import rlx.networks.config.LossKind;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.config.WeightInitKind;
import rlx.networks.q.QNetworkConfig;
import rlx.trainers.actors.RunnerFaults;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

class ActorApexTrainerTest {
    private static final int CHAIN = 8;

    @TempDir
    Path tmp;

    private static ApexConfig config(boolean prioritized) {
        QNetworkConfig network = new QNetworkConfig(new MlpConfig(List.of(32), ActivationKind.RELU,
                WeightInitKind.XAVIER), false, OptimizerConfig.adam(5e-3), LossKind.HUBER, 1.0);
        DqnConfig dqn = new DqnConfig(0.99, 20_000, 32, 500, 2, 1, 200, 1.0, true, 1,
                new ExplorationConfig(ExplorationConfig.Kind.LINEAR, 1.0, 0.05, 0.5, 0.999),
                prioritized ? new PrioritizedConfig(true, 0.6, 0.4, 1.0, 1e-6) : PrioritizedConfig.disabled(), network);
        // a chain needs more exploration than Ape-X's 0.4^(1..8): epsilons 0.9, 0.85, 0.81
        return new ApexConfig(dqn, 3, 20, 0.9, 1, 2);
    }

    private static TrainSettings settings(long steps) {
        return settings(steps, 0);
    }

    private static TrainSettings settings(long steps, long evalInterval) {
        return new TrainSettings(MoveRightEnv.ID, Map.of(), 2, steps, 7, evalInterval, 5, 10, 5, 0);
    }

    private static EnvRegistry chain() {
        return new EnvRegistry().register(MoveRightEnv.ID, k -> new MoveRightEnv(CHAIN, 40));
    }

    @SuppressWarnings("unchecked")
    private static long count(TrainOutcome o, String key) {
        return ((Number) ((Map<String, Object>) o.extra().get("transitions")).get(key)).longValue();
    }

    @Test
    void apexEpsilonsFollowThePaper() {
        assertEquals(0.4, DqnCollector.apexEpsilon(0, 8, 0.4, 7), 1e-12);
        assertEquals(Math.pow(0.4, 8), DqnCollector.apexEpsilon(7, 8, 0.4, 7), 1e-12);
        assertEquals(Math.pow(0.4, 1 + 7.0 * 3 / 7), DqnCollector.apexEpsilon(3, 8, 0.4, 7), 1e-12);
    }

    @Test
    void runnersReplayAndLearnerSolveTheChainAndAccountForEveryTransition() throws IOException {
        // asynchronous: 12k steps leave a margin for a loaded machine, where 8k once fell short of the goal
        TrainOutcome o = new ActorApexTrainer(config(true), settings(12_000, 2_000), chain(), tmp,
                new TrainingListener() { }).run(false);
        // Asynchronous: the final greedy policy usually walks right too, but once (a CI run with other tests beside
        // it) it ended at 0 after solving the chain. So, as with A3C, the claim is on the kept best policy, which
        // must walk right to the goal on the final evaluation's episodes.
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) o.extra().get("best_eval");
        assertEquals(1.0, (Double) best.get("periodic_mean_return"), 1e-9, "best_eval " + best);
        assertEquals(1.0, (Double) best.get("mean_return"), 1e-9, "the kept policy walks right to the goal: " + best);
        assertEquals(10, o.finalEval().episodes());
        assertEquals(count(o, "produced"), count(o, "consumed") + count(o, "dropped"));
        long gradientSteps = ((Number) o.extra().get("gradient_steps")).longValue();
        // the replay ratio: 1 gradient step per 2 x 2 env steps after 500 learning-start steps
        long due = (o.envSteps() - 500) / 4;
        assertTrue(gradientSteps <= due && gradientSteps >= due * 0.8, gradientSteps + " steps, " + due + " due");
    }

    @Test
    void crashingRunnersAreRestarted() throws IOException {
        TrainOutcome o = new ActorApexTrainer(config(false), settings(4_000), chain(), tmp, new TrainingListener() {
        }).withFaults(new RunnerFaults(5, 0)).run(false);
        assertTrue(((Number) o.extra().get("runner_restarts")).longValue() >= 5);
        assertEquals(count(o, "produced"), count(o, "consumed") + count(o, "dropped"));
        assertTrue(o.envSteps() >= 4_000);
    }
}
