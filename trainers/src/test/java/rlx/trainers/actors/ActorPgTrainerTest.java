package rlx.trainers.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.pg.LocalPgTrainer;
import rlx.trainers.pg.PgAlgorithmKind;

class ActorPgTrainerTest {

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> transitions(TrainOutcome o) {
        return (Map<String, Object>) o.extra().get("transitions");
    }

    private static long count(TrainOutcome o, String key) {
        return ((Number) transitions(o).get(key)).longValue();
    }

    /** Every transition produced was consumed or dropped, and every one was consumed at most once. */
    private static void assertBalanced(TrainOutcome o) {
        assertEquals(count(o, "produced"), count(o, "consumed") + count(o, "dropped"), "accounting: " + o.extra());
        assertEquals(o.envSteps(), count(o, "consumed"), "env steps are the consumed transitions");
        @SuppressWarnings("unchecked")
        Map<String, Number> byNode = (Map<String, Number>) transitions(o).get("by_node");
        assertEquals(count(o, "produced"), byNode.values().stream().mapToLong(Number::longValue).sum());
    }

    @Test
    void ppoWithFourRunnerActorsSolvesCartPole() throws IOException {
        RecordingListener rec = new RecordingListener();
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.PPO, PgTestConfigs.ppo(4), PgTestConfigs.cartPole(2, 100_000,
                1, 0), EnvRegistry.standard(), tmp, rec).run(false);
        assertTrue(o.finalEval().meanReturn() >= 475, "greedy return " + o.finalEval().meanReturn());
        assertEquals(100, o.finalEval().episodes());
        assertBalanced(o);
        assertEquals(0L, ((Number) o.extra().get("runner_restarts")).longValue());
        assertTrue(rec.threads.stream().allMatch(t -> t.contains("rlx.compute-dispatcher")),
                "the learner runs on the compute dispatcher: " + rec.threads);
    }

    @Test
    void a2cWithRunnerActorsSolvesCartPole() throws IOException {
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.A2C, PgTestConfigs.a2c(4), PgTestConfigs.cartPole(2, 300_000,
                1, 0), EnvRegistry.standard(), tmp, new RecordingListener()).run(false);
        assertTrue(o.finalEval().meanReturn() >= 475, "greedy return " + o.finalEval().meanReturn());
        assertBalanced(o);
    }

    /**
     * A3C's learning threshold, on the deterministic path (one in-thread worker, a fixed seed): asynchronous workers
     * are not reproducible run to run, and a learning bar on them failed CI at random (best evaluation 275.3 in one
     * clean-clone run). Its greedy policy can collapse after learning, so, as SB3's EvalCallback does, the run keeps
     * the policy of its best periodic evaluation, which must be near-solved over 100 fresh episodes.
     */
    @Test
    void a3cLearnsAndKeepsItsBestPolicy() throws IOException {
        RecordingListener rec = new RecordingListener();
        TrainSettings settings = new TrainSettings("CartPole-v1", Map.of(), 4, 100_000, 1, 10_000, 10, 100, 10, 0);
        TrainOutcome o = new rlx.trainers.pg.LocalPgTrainer(PgAlgorithmKind.A3C, PgTestConfigs.a3c(0), settings,
                EnvRegistry.standard(), tmp, rec).run(false);
        double best = rec.evals.stream().filter(e -> !e.isFinal()).mapToDouble(e -> e.meanReturn()).max().orElseThrow();
        assertTrue(best >= 400, "best greedy evaluation " + best);
        Map<String, Object> bestEval = bestEval(o);
        assertEquals(best, ((Number) bestEval.get("periodic_mean_return")).doubleValue());
        assertTrue(((Number) bestEval.get("mean_return")).doubleValue() >= 350, "best policy over 100 episodes: "
                + bestEval);
        assertKeptPolicyReplays(o, settings, bestEval);
    }

    /** Asynchronous workers: every gradient accounted for, evaluations on schedule, the best policy kept. */
    @Test
    void a3cWorkersUpdateAsynchronouslyAndNothingIsLost() throws IOException {
        RecordingListener rec = new RecordingListener();
        TrainSettings settings = new TrainSettings("CartPole-v1", Map.of(), 4, 60_000, 1, 10_000, 10, 100, 10, 0);
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.A3C, PgTestConfigs.a3c(4), settings,
                EnvRegistry.standard(), tmp, rec).run(false);
        assertTrue(rec.evals.stream().filter(e -> !e.isFinal()).count() >= 5, "one evaluation every 10k steps");
        Map<String, Object> bestEval = bestEval(o);
        assertEquals(100, bestEval.get("episodes"));
        assertKeptPolicyReplays(o, settings, bestEval);
        assertEquals(100, o.finalEval().episodes());
        assertBalanced(o);
        assertTrue(count(o, "dropped") <= 4 * 4 * 5, "at most one rollout per worker in flight at the end: " + o.extra());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bestEval(TrainOutcome o) {
        return (Map<String, Object>) o.extra().get("best_eval");
    }

    /** The kept directory loads like a checkpoint and replays the same 100 evaluation episodes. */
    private void assertKeptPolicyReplays(TrainOutcome o, TrainSettings settings, Map<String, Object> bestEval) {
        var kept = rlx.trainers.pg.PgRun.loadPolicy(PgTestConfigs.a3c(4), tmp.resolve("best"));
        var again = new rlx.trainers.eval.Evaluator(EnvRegistry.standard(), "CartPole-v1", Map.of(),
                settings.evalEnvs()).atStep(kept, 100, settings.seed(), o.envSteps(), true);
        assertEquals(((Number) bestEval.get("mean_return")).doubleValue(), again.meanReturn(), 1e-9);
    }

    @Test
    void crashingRunnersAreRestartedAndTheRunCompletes() throws IOException {
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.PPO, PgTestConfigs.ppo(3), PgTestConfigs.cartPole(2, 20_000,
                3, 0), EnvRegistry.standard(), tmp, new RecordingListener())
                .withFaults(new RunnerFaults(7, 0)).run(false);
        long restarts = ((Number) o.extra().get("runner_restarts")).longValue();
        assertTrue(restarts >= 10, "every 7th request crashes a runner: " + restarts);
        assertTrue(o.envSteps() >= 20_000);
        assertBalanced(o);
    }

    @Test
    void stoppedRunnersAreReplaced() throws IOException {
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.A3C, PgTestConfigs.a3c(3), PgTestConfigs.cartPole(1, 20_000,
                4, 0), EnvRegistry.standard(), tmp, new RecordingListener())
                .withFaults(new RunnerFaults(0, 50)).run(false);
        long restarts = ((Number) o.extra().get("runner_restarts")).longValue();
        assertTrue(restarts >= 5, "every 50th request stops a runner: " + restarts);
        assertBalanced(o);
    }

    @Test
    void throwingEnvsAreRebuiltAndCounted() throws IOException {
        java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
        EnvRegistry registry = new EnvRegistry().register("CartPole-v1", k -> new ThrowingCartPole(steps, 997));
        TrainOutcome o = new ActorPgTrainer(PgAlgorithmKind.PPO, PgTestConfigs.ppo(2), PgTestConfigs.cartPole(2, 20_000,
                5, 0), registry, tmp, new RecordingListener()).run(false);
        long envRestarts = ((Number) o.extra().get("env_restarts")).longValue();
        assertTrue(envRestarts >= 15, "an env throws every 997 steps: " + envRestarts);
        assertBalanced(o);
    }

    @Test
    void aLearnerFailureStopsTheRunWithTheCheckpointIntact() throws IOException {
        RecordingListener failing = new RecordingListener() {
            @Override
            public synchronized void onEpisode(EpisodeRecord e) {
                super.onEpisode(e);
                if (e.envSteps() > 12_000) {
                    throw new IllegalStateException("disk full");
                }
            }
        };
        var settings = PgTestConfigs.cartPole(2, 20_000, 6, 5_000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ActorPgTrainer(
                PgAlgorithmKind.PPO, PgTestConfigs.ppo(2), settings, EnvRegistry.standard(), tmp, failing).run(false));
        assertEquals("disk full", e.getMessage());
        Path latest = new Checkpoints(tmp, 2).latest().orElseThrow();
        long at = Checkpoints.envSteps(latest);
        assertTrue(at >= 10_000 && at <= 12_100, "last checkpoint before the failure: " + at);
        // the run resumes from it (here in one thread) and completes
        TrainOutcome resumed = new LocalPgTrainer(PgAlgorithmKind.PPO, PgTestConfigs.ppo(0), settings,
                EnvRegistry.standard(), tmp, new RecordingListener()).run(true);
        assertTrue(resumed.envSteps() >= 20_000);
        assertBalanced(resumed);
    }
}
