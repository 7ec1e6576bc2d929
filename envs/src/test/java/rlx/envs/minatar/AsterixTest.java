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

class AsterixTest {

    private static final int NOOP = 0;
    private static final int LEFT = 1;
    private static final int UP = 2;
    private static final int DOWN = 4;

    private final Asterix env = new Asterix(MinAtarOptions.deterministic());

    private Step<float[]> repeat(int action, int times) {
        Step<float[]> s = null;
        for (int i = 0; i < times; i++) {
            s = env.step(action);
        }
        return s;
    }

    @Test
    void startsWithThePlayerInTheMiddleAndNothingElse() {
        float[] obs = env.reset(1L).observation();
        assertArrayEquals(new int[] {5, 5}, only(obs, Asterix.PLAYER));
        assertEquals(0, count(obs, Asterix.ENEMY) + count(obs, Asterix.GOLD) + count(obs, Asterix.TRAIL));
    }

    @Test
    void firstEntitySpawnsOnFrameElevenAtASideAndMovesInAtOnce() {
        env.reset(4L);
        Step<float[]> s = repeat(NOOP, 10);
        assertEquals(0, count(s.observation(), Asterix.ENEMY) + count(s.observation(), Asterix.GOLD));
        s = env.step(NOOP);
        float[] obs = s.observation();
        assertEquals(1, count(obs, Asterix.ENEMY) + count(obs, Asterix.GOLD));
        int[] cell = only(obs, count(obs, Asterix.GOLD) == 1 ? Asterix.GOLD : Asterix.ENEMY);
        assertTrue(cell[0] >= 1 && cell[0] <= 8);
        // frame 11 is also a move frame (6, 11, ...), so it has already taken one step in from its side
        assertTrue(cell[1] == 1 || cell[1] == 8);
        assertArrayEquals(new int[] {cell[0], cell[1] == 1 ? 0 : 9}, only(obs, Asterix.TRAIL));
    }

    @Test
    void walkingIntoGoldCollectsIt() {
        env.reset(1L);
        env.placeEntity(4, 3, true, true); // row 5, moving right
        Step<float[]> s = env.step(LEFT);
        assertEquals(0.0, s.reward());
        assertTrue(at(s.observation(), Asterix.GOLD, 5, 3));
        assertTrue(at(s.observation(), Asterix.TRAIL, 5, 2));
        s = env.step(LEFT);
        assertEquals(1.0, s.reward());
        assertEquals(0, count(s.observation(), Asterix.GOLD));
        assertFalse(s.terminated());
    }

    @Test
    void enemiesMoveEveryFifthFrameAndEndTheEpisodeOnContact() {
        env.reset(1L);
        env.placeEntity(4, 3, true, false);
        Step<float[]> s = repeat(NOOP, 5);
        assertTrue(at(s.observation(), Asterix.ENEMY, 5, 3));
        s = env.step(NOOP); // frame 6: first move
        assertTrue(at(s.observation(), Asterix.ENEMY, 5, 4));
        s = repeat(NOOP, 4);
        assertFalse(s.terminated());
        s = env.step(NOOP); // frame 11: into the player
        assertTrue(s.terminated());
        assertEquals(0.0, s.reward());
    }

    @Test
    void entitiesLeaveAtTheFarSideAndThePlayerStaysBetweenRowsOneAndEight() {
        env.reset(1L);
        env.placeEntity(0, 9, true, false);
        Step<float[]> s = repeat(UP, 6);
        assertEquals(0, count(s.observation(), Asterix.ENEMY));
        assertArrayEquals(new int[] {1, 5}, only(s.observation(), Asterix.PLAYER));
        env.reset(1L);
        s = repeat(DOWN, 5);
        assertArrayEquals(new int[] {8, 5}, only(s.observation(), Asterix.PLAYER));
    }

    @Test
    void difficultyRampsAfter101FramesUnlessRampingIsOff() {
        int checked = 0;
        for (long seed = 0; seed < 200 && checked < 3; seed++) {
            env.reset(seed);
            for (int t = 0; t < 101 && !env.terminated(); t++) {
                env.step(NOOP);
            }
            if (env.terminated()) {
                continue;
            }
            assertEquals(0, env.difficulty());
            if (env.step(NOOP).terminated()) {
                continue;
            }
            assertEquals(1, env.difficulty());
            checked++;
        }
        assertEquals(3, checked, "no seed survived 102 frames");
        Asterix flat = new Asterix(new MinAtarOptions(0, false, false));
        flat.reset(0L);
        for (int t = 0; t < 300 && !flat.terminated(); t++) {
            flat.step(NOOP);
        }
        assertEquals(0, flat.difficulty());
    }
}
