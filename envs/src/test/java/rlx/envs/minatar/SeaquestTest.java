package rlx.envs.minatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.envs.minatar.Boards.at;
import static rlx.envs.minatar.Boards.count;
import static rlx.envs.minatar.Boards.only;

import org.junit.jupiter.api.Test;
import rlx.envs.core.Step;

class SeaquestTest {

    private static final int NOOP = 0;
    private static final int UP = 2;
    private static final int RIGHT = 3;
    private static final int DOWN = 4;
    private static final int FIRE = 5;

    private final Seaquest env = new Seaquest(MinAtarOptions.deterministic());

    private Step<float[]> repeat(int action, int times) {
        Step<float[]> s = null;
        for (int i = 0; i < times; i++) {
            s = env.step(action);
        }
        return s;
    }

    @Test
    void startsSurfacedFacingLeftWithFullOxygenAndNoDivers() {
        float[] obs = env.reset(0L).observation();
        assertArrayEquals(new int[] {0, 5}, only(obs, Seaquest.SUB_FRONT));
        assertArrayEquals(new int[] {0, 6}, only(obs, Seaquest.SUB_BACK));
        assertEquals(10, count(obs, Seaquest.OXYGEN_GAUGE));
        assertTrue(at(obs, Seaquest.OXYGEN_GAUGE, 9, 0) && at(obs, Seaquest.OXYGEN_GAUGE, 9, 9));
        assertEquals(0, count(obs, Seaquest.DIVER_GAUGE));
    }

    @Test
    void surfacingWithoutADiverEndsTheEpisode() {
        env.reset(0L);
        assertFalse(env.step(DOWN).terminated());
        Step<float[]> s = env.step(UP);
        assertTrue(s.terminated());
        assertEquals(0.0, s.reward());
    }

    @Test
    void stayingOnTheSurfaceIsSafeAndUsesNoOxygen() {
        env.reset(0L);
        Step<float[]> s = repeat(NOOP, 500);
        assertFalse(s.terminated());
        assertEquals(10, count(s.observation(), Seaquest.OXYGEN_GAUGE));
    }

    @Test
    void oxygenLastsTwoHundredFramesUnderWater() {
        int checked = 0;
        for (long seed = 0; seed < 300 && checked < 2; seed++) {
            env.reset(seed);
            env.step(DOWN);
            for (int t = 1; t < 100 && !env.terminated(); t++) {
                env.step(NOOP);
            }
            if (env.terminated()) {
                continue;
            }
            assertEquals(5, count(env.observation(), Seaquest.OXYGEN_GAUGE)); // 100 left: 100 * 10 / 200 cells
            for (int t = 100; t < 200 && !env.terminated(); t++) {
                env.step(NOOP);
            }
            if (env.terminated()) {
                continue;
            }
            assertEquals(0, count(env.observation(), Seaquest.OXYGEN_GAUGE));
            assertTrue(env.step(NOOP).terminated(), "frame 201 starts with no oxygen");
            checked++;
        }
        assertEquals(2, checked, "no seed kept the sub alive for 200 frames");
    }

    @Test
    void aTorpedoKillsAFishTwoCellsAhead() {
        env.reset(0L);
        env.step(DOWN); // sub at (1,5) facing left
        env.placeFish(1, 2, true);
        Step<float[]> s = env.step(FIRE); // the torpedo starts in the sub's cell and moves at once
        assertArrayEquals(new int[] {1, 4}, only(s.observation(), Seaquest.FRIENDLY_BULLET));
        assertTrue(at(s.observation(), Seaquest.FISH, 1, 2));
        assertTrue(at(s.observation(), Seaquest.TRAIL, 1, 1));
        s = env.step(NOOP);
        assertEquals(0.0, s.reward());
        s = env.step(NOOP);
        assertEquals(1.0, s.reward());
        assertEquals(0, count(s.observation(), Seaquest.FISH));
        assertEquals(0, count(s.observation(), Seaquest.FRIENDLY_BULLET));
        assertFalse(s.terminated());
    }

    @Test
    void aFishSwimmingIntoTheSubEndsTheEpisode() {
        env.reset(0L);
        env.step(DOWN);
        env.placeFish(1, 4, true); // moves on the 6th frame after placing, into (1,5)
        Step<float[]> s = repeat(NOOP, 5);
        assertFalse(s.terminated());
        s = env.step(NOOP);
        assertTrue(s.terminated());
    }

    @Test
    void enemySubsFireEveryEleventhFrame() {
        env.reset(0L);
        env.placeSub(3, 0, true);
        Step<float[]> s = repeat(NOOP, 10);
        assertEquals(0, count(s.observation(), Seaquest.ENEMY_BULLET));
        assertTrue(at(s.observation(), Seaquest.ENEMY_SUB, 3, 1)); // moved on frame 6
        s = env.step(NOOP); // frame 11: fires from its cell and the bullet moves at once
        assertArrayEquals(new int[] {3, 2}, only(s.observation(), Seaquest.ENEMY_BULLET));
    }

    @Test
    void aRescuedDiverLetsTheSubSurfaceAndRefillsOxygen() {
        env.reset(0L);
        env.placeDiver(1, 5, true);
        Step<float[]> s = env.step(DOWN); // onto the diver
        assertEquals(0, count(s.observation(), Seaquest.DIVER));
        assertArrayEquals(new int[] {9, 8}, only(s.observation(), Seaquest.DIVER_GAUGE));
        s = env.step(UP);
        assertFalse(s.terminated());
        assertEquals(0.0, s.reward());
        assertEquals(0, count(s.observation(), Seaquest.DIVER_GAUGE)); // surfacing costs one diver
        assertEquals(1, env.difficulty());
    }

    @Test
    void surfacingWithSixDiversPaysForTheOxygenLeft() {
        env.reset(0L);
        for (int i = 0; i < 7; i++) {
            env.placeDiver(1, 5, true); // the seventh stays: six is the most the sub carries
        }
        Step<float[]> s = env.step(DOWN);
        assertEquals(6, count(s.observation(), Seaquest.DIVER_GAUGE));
        assertTrue(at(s.observation(), Seaquest.DIVER, 1, 5));
        s = env.step(UP);
        assertEquals(9.0, s.reward()); // 199 oxygen left: 199 * 10 / 200
        assertEquals(0, count(s.observation(), Seaquest.DIVER_GAUGE));
        // the reference's count goes to -1 here, so the next surfacing is allowed even with no diver aboard
        env.step(RIGHT); // away from the diver left behind in (1,5)
        s = env.step(DOWN);
        assertTrue(at(s.observation(), Seaquest.DIVER, 1, 5));
        assertFalse(env.step(UP).terminated());
    }
}
