package rlx.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;

/** The episode rules, seeding and sampling every toy-text env shares through {@link ToyTextEnv}. */
class ToyTextEnvTest {

    @Test
    void steppingBeforeResetIsRefused() {
        for (ToyTextEnv env : List.of(new FrozenLake(), new CliffWalking(), new Taxi())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
            assertTrue(e.getMessage().contains("before reset()"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> env.stepInto(0, new float[1], 0));
        }
    }

    @Test
    void actionsOutsideTheSpaceAreRejected() {
        FrozenLake lake = new FrozenLake();
        lake.reset(0);
        assertThrows(InvalidActionException.class, () -> lake.step(4));
        assertThrows(InvalidActionException.class, () -> lake.step(-1));
        assertThrows(InvalidActionException.class, () -> lake.step(null));
        assertThrows(InvalidActionException.class, () -> lake.stepInto(7, new float[1], 0));
        assertThrows(InvalidActionException.class, () -> lake.stepInto(new float[] {1f}, 0, new float[1], 0));
        Taxi taxi = new Taxi();
        int state = taxi.reset(0).observation();
        assertThrows(InvalidActionException.class, () -> taxi.step(6));
        // a rejected action neither moves the taxi nor ends the episode
        assertEquals(state, taxi.state());
        assertDoesNotThrow(() -> taxi.step(4));
    }

    @Test
    void theSameSeedGivesTheSameStartStatesOverManyResets() {
        List<Integer> first = starts(new Taxi(), 42);
        List<Integer> second = starts(new Taxi(), 42);
        List<Integer> other = starts(new Taxi(), 43);

        assertEquals(first, second);
        assertNotEquals(first, other);
        double[] initial = new Taxi().initialStateDistribution();
        assertTrue(first.stream().allMatch(s -> initial[s] > 0), "a start outside the initial distribution");
        assertTrue(first.stream().distinct().count() > 100, "starts barely vary: " + first);
    }

    private static List<Integer> starts(Taxi env, long seed) {
        List<Integer> starts = new ArrayList<>();
        starts.add(env.reset(seed).observation());
        for (int i = 0; i < 499; i++) {
            starts.add(env.reset().observation());
        }
        return starts;
    }

    @Test
    void reseedingRestartsTheGeneratorInBothApis() {
        Taxi generic = new Taxi();
        Taxi flat = new Taxi();
        float[] obs = new float[1];
        for (long seed = 0; seed < 50; seed++) {
            int start = generic.reset(seed).observation();
            flat.resetInto(seed, obs, 0);
            assertEquals(start, obs[0]);
            assertEquals(start, generic.reset(seed).observation());
        }
    }

    @Test
    void slipperyStepsFollowTheTableFrequencies() {
        FrozenLake env = new FrozenLake();
        env.reset(2024);
        int state = 6;
        int action = 0;
        int trials = 60_000;
        int[] counts = new int[env.numStates()];
        for (int i = 0; i < trials; i++) {
            env.restore(state);
            counts[env.step(action).observation()]++;
        }
        double[] expected = new double[env.numStates()];
        for (Transition t : env.transitions(state, action)) {
            expected[t.nextState()] += t.probability();
        }
        for (int s = 0; s < env.numStates(); s++) {
            assertEquals(expected[s], counts[s] / (double) trials, 0.01, "next state " + s);
        }
    }

    @Test
    void resetsFollowTheInitialDistribution() {
        Taxi env = new Taxi();
        env.reset(99);
        int resets = 90_000;
        int[] counts = new int[env.numStates()];
        for (int i = 0; i < resets; i++) {
            counts[env.reset().observation()]++;
        }
        double[] initial = env.initialStateDistribution();
        for (int s = 0; s < env.numStates(); s++) {
            double mean = initial[s] * resets;
            // 300 equally likely starts: 300 expected each, sd about 17
            assertEquals(mean, counts[s], initial[s] == 0 ? 0 : 0.3 * mean, "state " + s);
        }
    }

    @Test
    void theFlatViewSharesTheStateAndWritesTheIndex() {
        FlatEnv flat = EnvRegistry.standard().makeFlat(CliffWalking.ID, Map.of());
        CliffWalking env = (CliffWalking) flat;
        float[] obs = new float[3];

        flat.resetInto(5, obs, 1);
        assertEquals(36f, obs[1]);
        assertEquals(-1.0, flat.stepInto(0, obs, 2));
        assertEquals(24f, obs[2]);
        assertEquals(24, env.state());
        assertEquals(1, flat.observationSize());
        assertEquals(1, flat.actionSize());

        env.restore(35);
        assertEquals(-1.0, flat.stepInto(2, obs, 0));
        assertEquals(47f, obs[0]);
        assertTrue(flat.terminated());
        assertThrows(IllegalStateException.class, () -> flat.stepInto(0, obs, 0));
        flat.resetInto(obs, 0);
        assertFalse(flat.terminated());
    }

    @Test
    void internalStateIsTheStateIndex() {
        Taxi env = new Taxi();
        env.restoreInternalState(new double[] {123});

        assertArrayEquals(new double[] {123}, env.internalState());
        assertEquals(123, env.state());
        assertEquals(-1.0, env.step(1).reward());   // restoring starts an episode
        assertThrows(IllegalArgumentException.class, () -> env.restoreInternalState(new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> env.restoreInternalState(new double[] {500}));
        assertThrows(IllegalArgumentException.class, () -> env.restoreInternalState(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> env.restore(-1));
    }

    @Test
    void resetInfoReportsProbabilityOne() {
        assertEquals(Map.of("prob", 1.0), new FrozenLake().reset(0).info());
        assertEquals(Map.of("prob", 1.0), new CliffWalking().reset(0).info());
        Map<String, Object> taxi = new Taxi().reset(0).info();
        assertEquals(1.0, taxi.get("prob"));
        assertEquals(6, ((List<?>) taxi.get("action_mask")).size());
    }

    @Test
    void unknownKwargsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> EnvRegistry.standard().makeRaw(Taxi.ID, Map.of("is_raining", true)));
    }
}
