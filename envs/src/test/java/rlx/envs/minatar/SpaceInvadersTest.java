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

class SpaceInvadersTest {

    private static final int NOOP = 0;
    private static final int LEFT = 1;
    private static final int RIGHT = 3;
    private static final int FIRE = 5;

    private final SpaceInvaders env = new SpaceInvaders(MinAtarOptions.deterministic());

    private Step<float[]> repeat(int action, int times) {
        Step<float[]> s = null;
        for (int i = 0; i < times; i++) {
            s = env.step(action);
        }
        return s;
    }

    @Test
    void startsWithAFourBySixBlockMovingLeftAndTheCannonInColumnFive() {
        float[] obs = env.reset(0L).observation();
        assertArrayEquals(new int[] {9, 5}, only(obs, SpaceInvaders.CANNON));
        assertEquals(24, count(obs, SpaceInvaders.ALIEN));
        assertEquals(24, count(obs, SpaceInvaders.ALIEN_LEFT));
        assertEquals(0, count(obs, SpaceInvaders.ALIEN_RIGHT));
        assertTrue(at(obs, SpaceInvaders.ALIEN, 0, 2) && at(obs, SpaceInvaders.ALIEN, 3, 7));
        assertFalse(at(obs, SpaceInvaders.ALIEN, 4, 2) || at(obs, SpaceInvaders.ALIEN, 0, 8));
    }

    @Test
    void aShotKillsTheLowestAlienAboveAndTheAliensShootBack() {
        env.reset(0L);
        Step<float[]> s = env.step(FIRE);
        assertArrayEquals(new int[] {8, 5}, only(s.observation(), SpaceInvaders.FRIENDLY_BULLET));
        s = repeat(NOOP, 4);
        assertArrayEquals(new int[] {4, 5}, only(s.observation(), SpaceInvaders.FRIENDLY_BULLET));
        assertEquals(0.0, s.reward());
        s = env.step(NOOP); // frame 6: bullet meets the alien at (3,5)
        assertEquals(1.0, s.reward());
        assertFalse(at(s.observation(), SpaceInvaders.ALIEN, 3, 5));
        assertEquals(23, count(s.observation(), SpaceInvaders.ALIEN));
        assertEquals(0, count(s.observation(), SpaceInvaders.FRIENDLY_BULLET));
        s = repeat(NOOP, 5); // frame 11: the lowest alien of column 5 fires
        assertArrayEquals(new int[] {2, 5}, only(s.observation(), SpaceInvaders.ENEMY_BULLET));
        s = repeat(NOOP, 2); // frame 13: the block steps left
        assertTrue(at(s.observation(), SpaceInvaders.ALIEN, 0, 1));
        assertFalse(at(s.observation(), SpaceInvaders.ALIEN, 0, 7));
        assertTrue(at(s.observation(), SpaceInvaders.ALIEN_LEFT, 3, 1));
        assertArrayEquals(new int[] {4, 5}, only(s.observation(), SpaceInvaders.ENEMY_BULLET));
        s = repeat(NOOP, 4);
        assertFalse(s.terminated());
        s = env.step(NOOP); // frame 18: the enemy bullet reaches the cannon
        assertTrue(s.terminated());
    }

    @Test
    void theCannonCanShootOnlyEveryFifthFrame() {
        env.reset(0L);
        env.step(FIRE);
        Step<float[]> s = repeat(FIRE, 3);
        assertEquals(1, count(s.observation(), SpaceInvaders.FRIENDLY_BULLET));
        assertArrayEquals(new int[] {9, 5}, only(s.observation(), SpaceInvaders.CANNON)); // FIRE never moves
    }

    @Test
    void aliensReverseAndDescendAtTheEdge() {
        env.reset(0L);
        Step<float[]> s = repeat(RIGHT, 4); // out of the way of the enemy bullets, which start left of column 8
        assertArrayEquals(new int[] {9, 9}, only(s.observation(), SpaceInvaders.CANNON));
        // moves every 12 frames (13, 25): columns 2..7 -> 1..6 -> 0..5
        s = repeat(NOOP, 32);
        assertTrue(at(s.observation(), SpaceInvaders.ALIEN_LEFT, 0, 0) && at(s.observation(), SpaceInvaders.ALIEN, 3, 5));
        assertFalse(at(s.observation(), SpaceInvaders.ALIEN, 0, 6));
        s = env.step(NOOP); // frame 37: at the left edge the block turns and drops a row instead
        assertFalse(s.terminated());
        assertEquals(24, count(s.observation(), SpaceInvaders.ALIEN_RIGHT));
        assertEquals(0, count(s.observation(), SpaceInvaders.ALIEN_LEFT));
        assertFalse(at(s.observation(), SpaceInvaders.ALIEN, 0, 0));
        assertTrue(at(s.observation(), SpaceInvaders.ALIEN, 1, 0) && at(s.observation(), SpaceInvaders.ALIEN, 4, 5));
    }

    @Test
    void theLastAlienMovesEveryFrame() {
        env.reset(0L);
        env.keepOnlyAlien(0, 5);
        Step<float[]> s = repeat(NOOP, 12);
        assertArrayEquals(new int[] {0, 5}, only(s.observation(), SpaceInvaders.ALIEN));
        s = env.step(NOOP); // frame 13: the move timer restarts at min(aliens left, 12) = 1
        assertArrayEquals(new int[] {0, 4}, only(s.observation(), SpaceInvaders.ALIEN));
        s = env.step(NOOP);
        assertArrayEquals(new int[] {0, 3}, only(s.observation(), SpaceInvaders.ALIEN));
    }

    @Test
    void clearingAWaveBringsAFasterOne() {
        env.reset(0L);
        env.keepOnlyAlien(3, 5);
        env.step(FIRE);
        Step<float[]> s = repeat(NOOP, 5);
        assertEquals(1.0, s.reward());
        assertEquals(24, count(s.observation(), SpaceInvaders.ALIEN));
        assertEquals(1, env.difficulty());
        SpaceInvaders flat = new SpaceInvaders(new MinAtarOptions(0, false, false));
        flat.reset(0L);
        flat.keepOnlyAlien(3, 5);
        flat.step(FIRE);
        for (int i = 0; i < 5; i++) {
            flat.step(NOOP);
        }
        assertEquals(0, flat.difficulty());
    }
}
