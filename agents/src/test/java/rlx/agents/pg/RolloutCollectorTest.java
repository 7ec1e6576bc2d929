package rlx.agents.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import rlx.agents.core.ParamsSnapshot;
import rlx.envs.core.EnvRegistry;
import rlx.envs.testing.FixedLengthEnv;
import rlx.envs.vector.SyncVectorEnv;
import rlx.envs.wrappers.RunningMeanStd;
import rlx.networks.ac.ActorCriticConfig;
import rlx.networks.ac.ActorCriticNetwork;
import rlx.networks.config.MlpConfig;
import rlx.networks.config.OptimizerConfig;

class RolloutCollectorTest {
    private static final double GAMMA = 0.9;

    private static ActorCriticNetwork network() {
        return ActorCriticNetwork.create(new ActorCriticConfig(MlpConfig.relu(8), OptimizerConfig.adam(1e-3)),
                rlx.networks.ac.ActorCriticLosses.unclipped(0, 1), 1, 2, 3);
    }

    private static RolloutCollector collector(EnvRegistry registry, int numEnvs, int steps, ActorCriticNetwork net) {
        RolloutCollector c = new RolloutCollector(() -> SyncVectorEnv.make(registry, FixedLengthEnv.ID,
                java.util.Map.of(), numEnvs), new ActorCriticPolicy(net.plainForward()), steps, GAMMA, 7);
        c.load(new ParamsSnapshot(4, net.params()));
        return c;
    }

    @Test
    void recordsTimeMajorStepsEpisodesAndTheActingVersion() {
        EnvRegistry registry = new EnvRegistry().register(FixedLengthEnv.ID, k -> new FixedLengthEnv(3));
        ActorCriticNetwork net = network();
        RolloutCollector c = collector(registry, 2, 5, net);
        Rollout r = c.collect();
        assertEquals(10, r.size());
        assertEquals(4, r.paramsVersion());
        // observation [t] of both copies at each time step: 0, 1, 2, then 0, 1 after the reset
        float[] expectedObs = {0, 0, 1, 1, 2, 2, 0, 0, 1, 1};
        assertArrayEquals(expectedObs, r.observations());
        boolean[] expectedDones = {false, false, false, false, true, true, false, false, false, false};
        assertArrayEquals(expectedDones, r.dones());
        assertArrayEquals(new double[] {3, 3}, r.episodeReturns());
        assertArrayEquals(new int[] {3, 3}, r.episodeLengths());
        for (float reward : r.rewards()) {
            assertEquals(1f, reward, "terminations are not bootstrapped");
        }
        ActorCriticPolicy check = new ActorCriticPolicy(net.plainForward());
        assertEquals(check.value(new float[] {2}, 0), r.lastValues()[0], 1e-6);
        assertEquals(c.envSteps(), 10);
        // log-probabilities are those of the actions taken
        for (int k = 0; k < r.size(); k++) {
            assertTrue(r.logProbs()[k] < 0 && r.logProbs()[k] > -10, "log-prob " + r.logProbs()[k]);
        }
    }

    @Test
    void truncationAddsTheDiscountedValueOfTheCutObservation() {
        // episodes of 10 steps under a 3-step time limit: every third step truncates
        EnvRegistry registry = new EnvRegistry().register(FixedLengthEnv.ID, k -> new FixedLengthEnv(10, 3));
        ActorCriticNetwork net = network();
        Rollout r = collector(registry, 1, 3, net).collect();
        assertTrue(r.dones()[2]);
        float cut = new ActorCriticPolicy(net.plainForward()).value(new float[] {3}, 0);
        assertEquals(1 + GAMMA * cut, r.rewards()[2], 1e-5);
    }

    @Test
    void aThrowingEnvIsRebuiltAndItsEpisodeTruncated() {
        AtomicInteger steps = new AtomicInteger();
        EnvRegistry registry = new EnvRegistry().register(FixedLengthEnv.ID, k -> new CrashingEnv(steps, 4));
        ActorCriticNetwork net = network();
        RolloutCollector c = collector(registry, 1, 6, net);
        Rollout r = c.collect();
        assertEquals(6, r.size(), "failed steps are retried, not recorded");
        assertEquals(1, c.envRestarts(), "steps 1-3 and 5-7 succeed, the 4th throws");
        assertEquals(1, r.envRestarts());
        // steps 1-3 succeed, the 4th call throws: transition 2 becomes the truncated end of its episode
        assertTrue(r.dones()[2]);
        float[] obs = r.observations();
        assertEquals(0f, obs[3], "the rebuilt env starts a fresh episode");
        assertFalse(r.dones()[0]);
        assertEquals(List.of(), java.util.Arrays.stream(r.episodeReturns()).boxed().toList(),
                "interrupted episodes are not reported as finished");
    }

    /** Counts up like FixedLengthEnv(100) but throws on every {@code every}-th step over all instances. */
    static final class CrashingEnv extends rlx.envs.testing.FakeEnv {
        private final AtomicInteger steps;
        private final int every;
        private int t;

        CrashingEnv(AtomicInteger steps, int every) {
            super(new rlx.envs.core.EnvSpec(FixedLengthEnv.ID, rlx.envs.core.Box.uniform(0, 100, 1),
                    new rlx.envs.core.Discrete(2), 0, java.util.OptionalDouble.empty(), java.util.Map.of()));
            this.steps = steps;
            this.every = every;
        }

        @Override
        protected void start() {
            t = 0;
        }

        @Override
        protected double advance(int action) {
            if (steps.incrementAndGet() % every == 0) {
                throw new IllegalStateException("simulator crashed");
            }
            t++;
            return 1;
        }

        @Override
        protected boolean isTerminal() {
            return t == 100;
        }

        @Override
        protected void writeObservation(float[] obs, int offset) {
            obs[offset] = t;
        }
    }

    @Test
    void withANormalizerItActsOnNormalisedObservationsAndReportsWhatItSawRaw() {
        EnvRegistry registry = new EnvRegistry().register(FixedLengthEnv.ID, k -> new FixedLengthEnv(3));
        ActorCriticNetwork net = network();
        RolloutCollector c = collector(registry, 2, 5, net);
        Normalizer normalizer = new Normalizer(10, 10,
                new RunningMeanStd.State(new double[] {1}, new double[] {4}, 5),
                new RunningMeanStd.State(new double[] {0}, new double[] {3}, 5));
        c.load(new ParamsSnapshot(5, net.params()), normalizer);
        Rollout r = c.collect();
        // raw observations 0, 1, 2, 0, 1 per copy, normalised as (x - 1) / 2
        float[] expectedObs = {-0.5f, -0.5f, 0, 0, 0.5f, 0.5f, -0.5f, -0.5f, 0, 0};
        assertArrayEquals(expectedObs, r.observations(), 1e-6f);
        for (float reward : r.rewards()) {
            assertEquals(1 / Math.sqrt(3), reward, 1e-6, "rewards divided by the return's std");
        }
        assertArrayEquals(new double[] {3, 3}, r.episodeReturns(), "episode returns stay raw");
        ActorCriticPolicy check = new ActorCriticPolicy(net.plainForward());
        assertEquals(check.value(new float[] {0.5f}, 0), r.lastValues()[0], 1e-6, "bootstrapped from the normalised obs (2)");
        assertEquals(10, r.seenObservations().count());
        assertEquals(0.8, r.seenObservations().mean()[0], 1e-9);
        assertEquals(0.56, r.seenObservations().var()[0], 1e-9);
        // discounted returns 1, 1.9, 2.71, reset at the episode's end, then 1, 1.9 (gamma 0.9), per copy
        assertEquals(10, r.seenReturns().count());
        assertEquals((1 + 1.9 + 2.71 + 1 + 1.9) / 5, r.seenReturns().mean()[0], 1e-9);
        Rollout next = c.collect();
        assertEquals(10, next.seenObservations().count(), "each rollout reports only what it saw");
        c.load(new ParamsSnapshot(6, net.params()));
        Rollout plain = c.collect();
        assertEquals(null, plain.seenObservations());
        assertEquals(1f, plain.rewards()[0]);
    }
}
