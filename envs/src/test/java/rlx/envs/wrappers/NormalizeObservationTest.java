package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import rlx.envs.classic.CartPole;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;
import rlx.envs.testing.FixedLengthEnv;

class NormalizeObservationTest {

    @Test
    void makesTheObservationSpaceUnboundedAndKeepsTheRest() {
        CartPole cartPole = new CartPole();
        EnvSpec spec = new NormalizeObservation<>(new TimeLimit<>(cartPole, 7)).spec();
        assertEquals(Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 4), spec.observationSpace());
        assertEquals(cartPole.spec().actionSpace(), spec.actionSpace());
        assertEquals(7, spec.maxEpisodeSteps());
        assertEquals(CartPole.ID, spec.id());
    }

    @Test
    void firstObservationsMatchGymnasiumsValues() {
        // Gymnasium's RunningMeanStd update and normalisation over observations 0, 1, 2, evaluated in NumPy (float64)
        var env = new NormalizeObservation<>(new FixedLengthEnv(5));
        assertEquals(0.0, env.reset().observation()[0], 1e-7);
        assertEquals(0.9999499937516872, env.step(0).observation()[0], 1e-6);
        assertEquals(1.2247448639074228, env.step(0).observation()[0], 1e-6);
        assertEquals(3 + RunningMeanStd.DEFAULT_INITIAL_COUNT, env.statistics().count(), 1e-12);
    }

    @Test
    void statisticsTrackTheRawObservationsAndNormaliseWithThem() {
        List<float[]> returned = new ArrayList<>();
        List<float[]> copies = new ArrayList<>();
        var recording = new Wrapper<float[], Integer>(new TimeLimit<>(new CartPole(), 200)) {
            @Override
            public Reset<float[]> reset(long seed) {
                Reset<float[]> r = env.reset(seed);
                returned.add(r.observation());
                copies.add(r.observation().clone());
                return r;
            }

            @Override
            public Step<float[]> step(Integer action) {
                Step<float[]> s = env.step(action);
                returned.add(s.observation());
                copies.add(s.observation().clone());
                return s;
            }
        };
        var env = new NormalizeObservation<>(recording);
        env.reset(3);
        Step<float[]> step;
        int t = 0;
        do {
            step = env.step(t++ % 3 == 0 ? 0 : 1);
        } while (!step.done());
        assertTrue(copies.size() > 5, "episode too short to test statistics: " + copies.size());

        for (int i = 0; i < copies.size(); i++) {
            assertArrayEquals(copies.get(i), returned.get(i), "the inner env's array " + i + " was modified");
        }
        for (int d = 0; d < 4; d++) {
            double sum = 0;
            for (float[] x : copies) {
                sum += x[d];
            }
            double mean = sum / copies.size();
            double m2 = 0;
            for (float[] x : copies) {
                m2 += (x[d] - mean) * (x[d] - mean);
            }
            // two-pass moments merged exactly with the prior (weight c0, mean 0, var 1)
            double n = copies.size();
            double c0 = RunningMeanStd.DEFAULT_INITIAL_COUNT;
            double expectedMean = mean * n / (n + c0);
            double expectedVar = (c0 + m2 + mean * mean * c0 * n / (n + c0)) / (n + c0);
            assertEquals(expectedMean, env.statistics().mean(d), 1e-9 * Math.abs(expectedMean) + 1e-12, "mean " + d);
            assertEquals(expectedVar, env.statistics().var(d), 1e-9 * expectedVar, "var " + d);
        }
        float[] expected = copies.get(copies.size() - 1).clone();
        env.statistics().normalize(expected, 0, NormalizeObservation.DEFAULT_EPSILON);
        assertArrayEquals(expected, step.observation(), 1e-6f, "normalised with the statistics including itself");
    }

    @Test
    void frozenStatisticsStayPutButStillNormalise() {
        var env = new NormalizeObservation<>(new FixedLengthEnv(10));
        env.reset();
        env.step(0);
        env.step(0);
        RunningMeanStd.State before = env.statistics().state();
        env.setFrozen(true);
        assertTrue(env.frozen());
        float[] obs = env.step(0).observation();
        assertEquals(before, env.statistics().state());
        assertEquals((3 - before.mean()[0]) / Math.sqrt(before.var()[0] + 1e-8), obs[0], 1e-6);
        env.reset();
        assertEquals(before, env.statistics().state(), "reset observations do not update frozen statistics");

        env.setFrozen(false);
        env.step(0);
        assertEquals(before.count() + 1, env.statistics().count(), 1e-12);
    }

    @Test
    void restoredStatisticsReproduceTheNormalisation() {
        var trained = new NormalizeObservation<>(new FixedLengthEnv(10));
        trained.reset();
        for (int i = 0; i < 5; i++) {
            trained.step(0);
        }
        var evaluation = new NormalizeObservation<>(new FixedLengthEnv(10));
        evaluation.statistics().restore(trained.statistics().state());
        evaluation.setFrozen(true);
        trained.setFrozen(true);
        assertArrayEquals(trained.reset().observation(), evaluation.reset().observation());
        assertArrayEquals(trained.step(1).observation(), evaluation.step(1).observation());
    }

    @Test
    void rejectsBadEpsilonAndNonBoxSpaces() {
        assertMessage("epsilon (0.0)", () -> new NormalizeObservation<>(new FixedLengthEnv(1), 0));
        assertMessage("epsilon (NaN)", () -> new NormalizeObservation<>(new FixedLengthEnv(1), Double.NaN));
        Env<float[], Integer> discreteObs = new Wrapper<>(new FixedLengthEnv(1)) {
            @Override
            public EnvSpec spec() {
                return env.spec().withSpaces(new Discrete(4), env.spec().actionSpace());
            }
        };
        assertMessage("needs a Box observation space", () -> new NormalizeObservation<>(discreteObs));
    }

    private static void assertMessage(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks " + fragment);
    }
}
