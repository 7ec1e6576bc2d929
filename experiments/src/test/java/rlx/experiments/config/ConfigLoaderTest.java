package rlx.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path cartpole() throws IOException {
        return write("cartpole-dqn.conf", """
                algorithm = testalgo
                seed = 7
                agent {
                  learning-rate = 0.001
                  network.hidden = [128, 128]
                  target = ${agent.learning-rate}
                }
                """);
    }

    @Test
    void fileIsLayeredOverTheAlgorithmDefaultsAndResolved() throws IOException {
        Config config = ConfigLoader.load(cartpole(), List.of());
        assertEquals(7, config.getInt("seed"));
        assertEquals(0.001, config.getDouble("agent.learning-rate"));
        assertEquals(32, config.getInt("agent.batch-size"), "from defaults/testalgo.conf");
        assertEquals("relu", config.getString("agent.network.activation"), "nested default kept beside a file value");
        assertEquals(List.of(128, 128), config.getIntList("agent.network.hidden"), "lists replace, never merge");
        assertEquals(0.001, config.getDouble("agent.target"), "substitutions resolve after layering");
    }

    @Test
    void overridesSetNumbersListsAndNestedKeysOverTheFile() throws IOException {
        Config config = ConfigLoader.load(cartpole(), List.of(
                "seed=3", "agent.learning-rate=1e-3", "agent.network.hidden=[64,64]", "agent.network.activation = tanh",
                "agent.extra={mode=fast}"));
        assertEquals(3, config.getInt("seed"));
        assertEquals(1e-3, config.getDouble("agent.learning-rate"));
        assertEquals(1e-3, config.getDouble("agent.target"), "substitutions see the overridden value");
        assertEquals(List.of(64, 64), config.getIntList("agent.network.hidden"));
        assertEquals("tanh", config.getString("agent.network.activation"));
        assertEquals("fast", config.getString("agent.extra.mode"));
        assertEquals(32, config.getInt("agent.batch-size"));
    }

    @Test
    void laterOverridesWin() throws IOException {
        Config config = ConfigLoader.load(cartpole(), List.of("seed=3", "seed=4"));
        assertEquals(4, config.getInt("seed"));
    }

    @Test
    void malformedOverridesNameTheOverrideAndTheExpectedForm() throws IOException {
        Path file = cartpole();
        for (String bad : List.of("seed", "=3", "seed=", "agent..lr=1", "agent.network.hidden=[64,", "seed=1, agent.x=2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(file, List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("malformed override '" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("expected key=value"), e.getMessage());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.conf");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(missing, List.of()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aParseErrorNamesTheFileAndLine() throws IOException {
        Path file = write("broken.conf", "algorithm = testalgo\nseed = 1\nagent { batch-size = [1, }\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith("cannot parse config " + file), e.getMessage());
        assertTrue(e.getMessage().contains("broken.conf: 3:"), "line 3: " + e.getMessage());
    }

    @Test
    void anUnknownOrMissingAlgorithmNamesTheFileAndTheKnownOnes() throws IOException {
        Path unknown = write("a.conf", "algorithm = dqnn\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(unknown, List.of()));
        assertTrue(e.getMessage().startsWith("unknown algorithm 'dqnn' in a.conf"), e.getMessage());
        assertTrue(e.getMessage().contains("known: ") && e.getMessage().contains("testalgo"), e.getMessage());

        Path missing = write("b.conf", "seed = 1\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(missing, List.of()));
        assertTrue(e.getMessage().startsWith("missing key algorithm in b.conf"), e.getMessage());

        Path traversal = write("c.conf", "algorithm = \"../defaults/testalgo\"\n");
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(traversal, List.of()));
        assertTrue(e.getMessage().startsWith("unknown algorithm"), e.getMessage());
    }

    @Test
    void anOverrideCanSelectTheAlgorithm() throws IOException {
        Path file = write("d.conf", "algorithm = nothing\n");
        Config config = ConfigLoader.load(file, List.of("algorithm=testalgo"));
        assertEquals(32, config.getInt("agent.batch-size"));
    }

    @Test
    void anUnresolvableSubstitutionNamesTheFile() throws IOException {
        Path file = write("e.conf", "algorithm = testalgo\nseed = ${nowhere}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().contains("e.conf"), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void theRenderedConfigLoadsBackToTheSameValues() throws IOException {
        Config config = ConfigLoader.load(cartpole(), List.of("agent.network.hidden=[64,64]", "seed=11"));
        Path rendered = dir.resolve("config.conf");
        ConfigRenderer.write(config, rendered);
        Config again = ConfigLoader.load(rendered, List.of());
        assertEquals(config.root().unwrapped(), again.root().unwrapped());
        assertTrue(ConfigRenderer.json(config).contains("\"hidden\" : [\n"), ConfigRenderer.json(config));
        assertTrue(ConfigRenderer.hocon(config).contains("seed=11"), ConfigRenderer.hocon(config));
    }
}
