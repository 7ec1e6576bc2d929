package rlx.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

class ReplayWindowTest {

    private final Game game = new ConnectFour();

    private ReplayWindow window(int capacity) {
        return new ReplayWindow(capacity, 2, game.observationSize(), game.numDistinctActions(), game.symmetries());
    }

    private TrainingPosition position(String moves, int favourite, float value) {
        GameState s = game.parse(moves);
        float[] obs = new float[game.observationSize()];
        s.observationTensor(obs, 0);
        float[] policy = new float[7];
        policy[favourite] = 1;
        return new TrainingPosition(obs, policy, value);
    }

    @Test
    void storesEachPositionAndItsMirror() {
        ReplayWindow w = window(10);
        w.add(position("1", 0, 1f)); // o to move after x in column 1; the target favours column 1
        assertEquals(2, w.size());
        float[] boards = new float[2 * 84];
        float[] policy = new float[2 * 7];
        float[] values = new float[2];
        // draw until both stored rows have been seen
        boolean sawOriginal = false;
        boolean sawMirror = false;
        Rng rng = new Rng(1);
        float[] original = new float[84];
        game.parse("1").observationTensor(original, 0);
        float[] mirrored = new float[84];
        game.parse("7").observationTensor(mirrored, 0);
        for (int k = 0; k < 50; k++) {
            w.sample(1, rng, boards, policy, values);
            float[] b = java.util.Arrays.copyOf(boards, 84);
            if (java.util.Arrays.equals(b, original)) {
                sawOriginal = true;
                assertEquals(1f, policy[0]);
            } else {
                assertArrayEquals(mirrored, b);
                sawMirror = true;
                assertEquals(1f, policy[6]); // the mirrored target favours column 7
            }
            assertEquals(1f, values[0]);
        }
        assertEquals(true, sawOriginal && sawMirror);
    }

    @Test
    void keepsOnlyTheMostRecentPositionsAndSurvivesAWriteAndRead() throws IOException {
        ReplayWindow w = window(4);
        w.add(position("1", 0, 1f));
        w.add(position("12", 1, -1f));
        w.add(position("123", 2, 0f)); // pushes out the first position and its mirror
        assertEquals(4, w.size());
        assertEquals(6, w.added());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        w.write(new DataOutputStream(bytes));
        ReplayWindow copy = window(4);
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "test");
        Rng a = new Rng(9);
        Rng b = new Rng(9);
        float[][] x = {new float[8 * 84], new float[8 * 7], new float[8]};
        float[][] y = {new float[8 * 84], new float[8 * 7], new float[8]};
        w.sample(8, a, x[0], x[1], x[2]);
        copy.sample(8, b, y[0], y[1], y[2]);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(x[i], y[i]);
        }
        for (float v : x[2]) {
            assertEquals(true, v == -1f || v == 0f, "only the last two positions remain, got value " + v);
        }
        IOException wrongShape = assertThrows(IOException.class, () -> window(8).read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "old/window.bin"));
        assertEquals(true, wrongShape.getMessage().startsWith("old/window.bin: window of 4 positions"),
                wrongShape.getMessage());
    }
}
