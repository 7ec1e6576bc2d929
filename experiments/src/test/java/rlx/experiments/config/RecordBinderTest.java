package rlx.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordBinderTest {

    enum Loss { MSE, HUBER, SMOOTH_L1 }

    record Network(List<Integer> hidden, String activation) {
        Network {
            if (hidden.isEmpty()) {
                throw new IllegalArgumentException("hidden must name at least one layer");
            }
        }
    }

    record Agent(double learningRate, int batchSize, long learningStarts, boolean doubleQ, float tau, Loss loss,
                 List<Double> epsilons, List<Long> milestones, List<String> tags, Network network,
                 Map<String, Object> extra, Optional<Integer> targetUpdate, Integer maxGrad) {
        Agent {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch-size must be > 0, got " + batchSize);
            }
        }
    }

    record Experiment(String algorithm, long seed, Agent agent) {
    }

    record Unsupported(java.util.Set<String> names) {
    }

    private static final String AGENT = """
            algorithm = testalgo
            seed = 5
            agent {
              learning-rate = 2.5e-4
              batch-size = 64
              learning-starts = 1e4
              double-q = true
              tau = 0.005
              loss = Huber
              epsilons = [1, 0.5, 0.05]
              milestones = [10000, 3000000000]
              tags = [a, "b c"]
              network { hidden = [64, 64], activation = relu }
              extra { mode = fast, sizes = [1, 2], nested { x = 1.5 } }
              max-grad = 10
            }
            """;

    @TempDir
    Path dir;

    private Config load(String text, String... overrides) throws IOException {
        Path file = dir.resolve("cartpole-dqn.conf");
        Files.writeString(file, text);
        return ConfigLoader.load(file, List.of(overrides));
    }

    private IllegalArgumentException bindFails(String text, String... overrides) throws IOException {
        Config config = load(text, overrides);
        return assertThrows(IllegalArgumentException.class, () -> RecordBinder.bind(config, "agent", Agent.class));
    }

    @Test
    void bindsEverySupportedType() throws IOException {
        Agent agent = RecordBinder.bind(load(AGENT), "agent", Agent.class);
        assertEquals(2.5e-4, agent.learningRate());
        assertEquals(64, agent.batchSize());
        assertEquals(10_000L, agent.learningStarts(), "an exact 1e4 is an integer");
        assertTrue(agent.doubleQ());
        assertEquals(0.005f, agent.tau());
        assertEquals(Loss.HUBER, agent.loss(), "enum names are case-insensitive");
        assertEquals(List.of(1.0, 0.5, 0.05), agent.epsilons(), "integers widen in a List<Double>");
        assertEquals(List.of(10_000L, 3_000_000_000L), agent.milestones());
        assertEquals(List.of("a", "b c"), agent.tags());
        assertEquals(new Network(List.of(64, 64), "relu"), agent.network());
        assertEquals(Map.of("mode", "fast", "sizes", List.of(1, 2), "nested", Map.of("x", 1.5)), agent.extra(),
                "Map<String, Object> holds raw unwrapped values");
        assertEquals(Optional.empty(), agent.targetUpdate(), "absent optional component");
        assertEquals(10, agent.maxGrad());
    }

    @Test
    void bindsTheRootAndOptionalsThatArePresentOrNull() throws IOException {
        Experiment experiment = RecordBinder.bind(load(AGENT, "agent.target-update=500"), "", Experiment.class);
        assertEquals("testalgo", experiment.algorithm());
        assertEquals(5L, experiment.seed());
        assertEquals(Optional.of(500), experiment.agent().targetUpdate());
        Agent withNull = RecordBinder.bind(load(AGENT, "agent.target-update=null"), "agent", Agent.class);
        assertEquals(Optional.empty(), withNull.targetUpdate());
    }

    @Test
    void acceptsExactNumbersWrittenAsStringsAndKebabEnumNames() throws IOException {
        Agent agent = RecordBinder.bind(load(AGENT, "agent.batch-size=\"128\"", "agent.loss=smooth-l1",
                "agent.learning-rate=\"0.5\""), "agent", Agent.class);
        assertEquals(128, agent.batchSize());
        assertEquals(Loss.SMOOTH_L1, agent.loss());
        assertEquals(0.5, agent.learningRate());
    }

    @Test
    void keysAreKebabCaseComponentNames() {
        assertEquals("learning-starts", RecordBinder.keyOf("learningStarts"));
        assertEquals("double-q", RecordBinder.keyOf("doubleQ"));
        assertEquals("seed", RecordBinder.keyOf("seed"));
        assertEquals("hidden2-size", RecordBinder.keyOf("hidden2Size"));
    }

    @Test
    void anUnknownKeyListsTheAllowedOnes() throws IOException {
        IllegalArgumentException e = bindFails(AGENT.replace("learning-rate = 2.5e-4", "learnig-rate = 2.5e-4"));
        assertTrue(e.getMessage().contains("unknown key agent.learnig-rate in cartpole-dqn.conf:4; allowed: "
                + "learning-rate, batch-size, learning-starts, double-q, tau, loss, epsilons, milestones, tags, "
                + "network, extra, target-update, max-grad"), e.getMessage());
    }

    @Test
    void aMissingKeyIsNamedWithItsFullPath() throws IOException {
        Config config = load(AGENT.replace("double-q = true", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordBinder.bind(config, "agent", Agent.class));
        assertEquals("missing key agent.double-q in cartpole-dqn.conf:3", e.getMessage());
        IllegalArgumentException section = assertThrows(IllegalArgumentException.class,
                () -> RecordBinder.bind(config, "trainer", Agent.class));
        assertTrue(section.getMessage().startsWith("missing key trainer in cartpole-dqn.conf"), section.getMessage());
    }

    @Test
    void aWrongTypeShowsTheValueAndWhatIsExpected() throws IOException {
        IllegalArgumentException e = bindFails(AGENT.replace("batch-size = 64", "batch-size = \"big\""));
        assertEquals("agent.batch-size = \"big\": expected an integer (cartpole-dqn.conf:5)", e.getMessage());
        e = bindFails(AGENT.replace("batch-size = 64", "batch-size = 6.5"));
        assertEquals("agent.batch-size = 6.5: expected an integer (cartpole-dqn.conf:5)", e.getMessage());
        e = bindFails(AGENT.replace("batch-size = 64", "batch-size = 3000000000"));
        assertTrue(e.getMessage().contains("expected an integer between -2147483648 and 2147483647"), e.getMessage());
        e = bindFails(AGENT.replace("double-q = true", "double-q = 1"));
        assertTrue(e.getMessage().startsWith("agent.double-q = 1: expected true or false"), e.getMessage());
        e = bindFails(AGENT.replace("learning-rate = 2.5e-4", "learning-rate = fast"));
        assertTrue(e.getMessage().startsWith("agent.learning-rate = \"fast\": expected a number"), e.getMessage());
        e = bindFails(AGENT.replace("tags = [a, \"b c\"]", "tags = a"));
        assertTrue(e.getMessage().startsWith("agent.tags = \"a\": expected a list"), e.getMessage());
        e = bindFails(AGENT.replace("max-grad = 10", "max-grad = null"));
        assertTrue(e.getMessage().startsWith("agent.max-grad = null: expected an integer"), e.getMessage());
    }

    @Test
    void aWrongTypeFromAnOverrideNamesTheOverride() throws IOException {
        IllegalArgumentException e = bindFails(AGENT, "agent.batch-size=big");
        assertEquals("agent.batch-size = \"big\": expected an integer (override agent.batch-size=big)", e.getMessage());
    }

    @Test
    void anEnumValueOutsideTheSetListsTheAllowedValues() throws IOException {
        IllegalArgumentException e = bindFails(AGENT.replace("loss = Huber", "loss = hubr"));
        assertEquals("agent.loss = \"hubr\": expected one of mse, huber, smooth_l1 (cartpole-dqn.conf:9)",
                e.getMessage());
    }

    @Test
    void nestedErrorsCarryTheFullPath() throws IOException {
        IllegalArgumentException e = bindFails(AGENT, "agent.network.hidden=[64, x]");
        assertTrue(e.getMessage().startsWith("agent.network.hidden[1] = \"x\": expected an integer"), e.getMessage());
        e = bindFails(AGENT, "agent.network.dropout=0.1");
        assertTrue(e.getMessage().startsWith("unknown key agent.network.dropout in override agent.network.dropout=0.1;"
                + " allowed: hidden, activation"), e.getMessage());
        e = bindFails(AGENT, "agent.network=5");
        assertTrue(e.getMessage().startsWith("agent.network = 5: expected an object with keys hidden, activation"),
                e.getMessage());
    }

    @Test
    void aCompactConstructorFailureIsPrefixedWithTheKeyPath() throws IOException {
        IllegalArgumentException e = bindFails(AGENT, "agent.batch-size=0");
        assertTrue(e.getMessage().startsWith("agent: batch-size must be > 0, got 0 ("), e.getMessage());
        e = bindFails(AGENT, "agent.network.hidden=[]");
        assertTrue(e.getMessage().startsWith("agent.network: hidden must name at least one layer ("), e.getMessage());
        assertFalse(e.getMessage().contains("agent: "), "the parent is not built once a child failed: " + e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        IllegalArgumentException e = bindFails(AGENT.replace("double-q = true", "doubel-q = true"),
                "agent.loss=hubr", "agent.batch-size=big");
        String message = e.getMessage();
        assertTrue(message.contains("unknown key agent.doubel-q"), message);
        assertTrue(message.contains("missing key agent.double-q"), message);
        assertTrue(message.contains("agent.loss = \"hubr\""), message);
        assertTrue(message.contains("agent.batch-size = \"big\""), message);
        assertEquals(4, message.split(" \\| ").length, message);
    }

    @Test
    void anUnsupportedComponentTypeIsAProgrammingError() {
        Config config = ConfigFactory.parseString("u { names = [a] }");
        assertThrows(IllegalStateException.class, () -> RecordBinder.bind(config, "u", Unsupported.class));
    }
}
