package rlx.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Step;

class FrozenLakeTest {

    private static final int LEFT = 0;
    private static final int DOWN = 1;
    private static final int RIGHT = 2;
    private static final int UP = 3;

    private static FrozenLake lake(Map<String, ?> kwargs) {
        return (FrozenLake) EnvRegistry.standard().makeRaw(FrozenLake.ID, kwargs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4x4", "8x8"})
    void holesAndTheGoalAreAbsorbing(String mapName) {
        for (boolean slippery : new boolean[] {true, false}) {
            FrozenLake env = lake(Map.of("map_name", mapName, "is_slippery", slippery));
            String tiles = String.join("", env.desc());
            int absorbing = 0;
            for (int s = 0; s < env.numStates(); s++) {
                if (tiles.charAt(s) == 'H' || tiles.charAt(s) == 'G') {
                    absorbing++;
                    for (int a = 0; a < 4; a++) {
                        assertEquals(List.of(new Transition(1.0, s, 0, true)), env.transitions(s, a), "P[" + s + "][" + a + "]");
                    }
                }
            }
            assertEquals(mapName.equals("4x4") ? 5 : 11, absorbing);
        }
    }

    @Test
    void fallingIntoAHoleEndsTheEpisodeWithoutReward() {
        FrozenLake env = lake(Map.of("is_slippery", false));
        env.restore(1);

        Step<Integer> step = env.step(DOWN);

        assertEquals(5, step.observation());
        assertEquals(0.0, step.reward());
        assertTrue(step.terminated());
        assertFalse(step.truncated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(LEFT));
        assertTrue(e.getMessage().contains("terminated"), e.getMessage());
    }

    @Test
    void reachingTheGoalPaysOne() {
        FrozenLake env = lake(Map.of("is_slippery", false));
        env.restore(14);

        Step<Integer> step = env.step(RIGHT);

        assertEquals(15, step.observation());
        assertEquals(1.0, step.reward());
        assertTrue(step.terminated());
        assertEquals(Map.of("prob", 1.0), step.info());
    }

    @Test
    void slipperyMovesUseGymnasiumsSuccessAndFailRates() {
        FrozenLake env = new FrozenLake();
        double success = 1.0 / 3.0;
        double fail = (1.0 - success) / 2.0;

        // the two rates are different doubles, as in Gymnasium 1.4
        assertNotEquals(success, fail);
        assertEquals(List.of(
                new Transition(fail, 2, 0, false),     // up
                new Transition(success, 5, 0, true),   // left, into the hole
                new Transition(fail, 10, 0, false)),   // down
                env.transitions(6, LEFT));
    }

    @Test
    void aCustomSuccessRateSplitsTheRestBetweenThePerpendicularMoves() {
        FrozenLake env = lake(Map.of("success_rate", 0.8));

        List<Transition> right = env.transitions(0, RIGHT);

        assertEquals(List.of(4, 1, 0), right.stream().map(Transition::nextState).toList());
        assertEquals(0.8, right.get(1).probability());
        assertEquals(0.09999999999999998, right.get(0).probability());
        assertEquals(0.09999999999999998, right.get(2).probability());
    }

    @Test
    void rewardScheduleGivesGoalHoleAndFrozenRewards() {
        FrozenLake env = lake(Map.of("is_slippery", false, "reward_schedule", List.of(10, -5, -1)));

        assertEquals(-1.0, env.transitions(0, RIGHT).get(0).reward());   // frozen
        assertEquals(-5.0, env.transitions(1, DOWN).get(0).reward());    // hole
        assertEquals(10.0, env.transitions(14, RIGHT).get(0).reward());  // goal
        assertEquals(-1.0, env.transitions(4, UP).get(0).reward());      // the start tile counts as frozen
        assertEquals(0.0, env.transitions(5, UP).get(0).reward());       // absorbing states pay nothing
        assertEquals(List.of(10.0, -5.0, -1.0), env.spec().kwargs().get("reward_schedule"));
    }

    @Test
    void aCustomMapStartsOnItsStartTiles() {
        FrozenLake env = lake(Map.of("desc", List.of("FSF", "SHG"), "is_slippery", false));

        assertEquals(6, env.numStates());
        assertArrayEquals(new int[] {2, 3}, env.shape());
        assertArrayEquals(new double[] {0, 0.5, 0, 0.5, 0, 0}, env.initialStateDistribution());
        assertEquals(new Transition(1.0, 5, 1, true), env.transitions(2, DOWN).get(0));
        for (int seed = 0; seed < 20; seed++) {
            int start = env.reset(seed).observation();
            assertTrue(start == 1 || start == 3, "start " + start);
        }
    }

    @Test
    void rejectsMalformedMaps() {
        assertThrows(IllegalArgumentException.class, () -> lake(Map.of("desc", List.of("SFX"))));
        assertThrows(IllegalArgumentException.class, () -> lake(Map.of("desc", List.of("SF", "FFG"))));
        assertThrows(IllegalArgumentException.class, () -> lake(Map.of("desc", List.of("FFG"))));
        assertThrows(IllegalArgumentException.class, () -> lake(Map.of("map_name", "5x5")));
        assertThrows(IllegalArgumentException.class, () -> lake(Map.of("success_rate", 1.5)));
        assertThrows(IllegalArgumentException.class, () -> lake(Map.of("reward_schedule", List.of(1, 0))));
    }

    @Test
    void registrationsCarryGymnasiumsLimitsAndThresholds() {
        EnvRegistry registry = EnvRegistry.standard();
        FrozenLake small = (FrozenLake) registry.makeRaw(FrozenLake.ID);
        FrozenLake large = (FrozenLake) registry.makeRaw(FrozenLake.ID_8X8);
        FrozenLake largeMapOnSmallId = lake(Map.of("map_name", "8x8"));

        assertEquals(16, small.numStates());
        assertEquals(100, small.spec().maxEpisodeSteps());
        assertEquals(0.70, small.spec().rewardThreshold().getAsDouble());
        assertEquals(64, large.numStates());
        assertEquals(FrozenLake.ID_8X8, large.spec().id());
        assertEquals(200, large.spec().maxEpisodeSteps());
        assertEquals(0.85, large.spec().rewardThreshold().getAsDouble());
        // as in Gymnasium, the id decides the limit, not the map
        assertEquals(64, largeMapOnSmallId.numStates());
        assertEquals(100, largeMapOnSmallId.spec().maxEpisodeSteps());
        assertEquals(Map.of("map_name", "4x4", "is_slippery", true, "success_rate", 1.0 / 3.0,
                "reward_schedule", List.of(1.0, 0.0, 0.0)), small.spec().kwargs());
    }

    @Test
    void theTimeLimitTruncatesAtOneHundredSteps() {
        Env<?, ?> env = EnvRegistry.standard().make(FrozenLake.ID, Map.of("is_slippery", false));
        env.reset(0);
        Step<?> step = null;
        for (int t = 1; t <= 100; t++) {
            step = env.stepObject(LEFT);
            assertEquals(t == 100, step.truncated(), "t=" + t);
        }
        assertFalse(step.terminated());
        assertThrows(IllegalStateException.class, () -> env.stepObject(LEFT));
    }
}
