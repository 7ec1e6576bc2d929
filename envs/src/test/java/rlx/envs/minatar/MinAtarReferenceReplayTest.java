package rlx.envs.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays trajectories of the reference implementation's own game code (kenjyoung/MinAtar) step for step: every
 * observation bit, reward and terminal flag must match. The files come from {@code reference/minatar/generate.py},
 * which swaps numpy's generator for one that draws exactly what the Java port draws, so a seed plays the same game.
 */
class MinAtarReferenceReplayTest {

    @ParameterizedTest
    @CsvSource({"breakout, 30", "freeway, 3", "asterix, 30", "space_invaders, 30", "seaquest, 40"})
    void replaysTheReferenceBitForBit(String game, int episodes) throws IOException {
        Supplier<MinAtarEnv> make = switch (game) {
            case "breakout" -> () -> new Breakout(MinAtarOptions.deterministic());
            case "freeway" -> () -> new Freeway(MinAtarOptions.deterministic());
            case "asterix" -> () -> new Asterix(MinAtarOptions.deterministic());
            case "space_invaders" -> () -> new SpaceInvaders(MinAtarOptions.deterministic());
            default -> () -> new Seaquest(MinAtarOptions.deterministic());
        };
        MinAtarEnv env = null;
        int seen = 0;
        int steps = 0;
        double rewards = 0;
        try (BufferedReader in = open(game)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ");
                if (f[0].equals("E")) {
                    env = make.get();
                    env.reset(Long.parseLong(f[1]));
                    assertEquals(f[2], bits(env.observation()), game + " reset, seed " + f[1]);
                    seen++;
                    continue;
                }
                double reward = env.step(Integer.parseInt(f[0])).reward();
                steps++;
                rewards += reward;
                String where = game + " episode " + seen + " step " + steps;
                assertEquals(Double.parseDouble(f[1]), reward, "reward, " + where);
                assertEquals(f[2].equals("1"), env.terminated(), "terminal, " + where);
                assertEquals(f[3], bits(env.observation()), "observation, " + where + "\n" + env.render());
            }
        }
        assertEquals(episodes, seen);
        assertTrue(rewards > 0, game + " trajectories never scored");
    }

    private static BufferedReader open(String game) throws IOException {
        InputStream raw = MinAtarReferenceReplayTest.class.getResourceAsStream("/reference/minatar/" + game + ".txt.gz");
        if (raw == null) {
            throw new IOException("missing reference/minatar/" + game + ".txt.gz");
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
    }

    private static String bits(float[] obs) {
        StringBuilder sb = new StringBuilder(obs.length);
        for (float v : obs) {
            sb.append(v == 1f ? '1' : '0');
        }
        return sb.toString();
    }
}
