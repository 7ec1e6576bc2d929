package rlx.envs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rlx.envs.core.EnvRegistry;

class ModelReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelReplay replay = new ModelReplay(EnvRegistry.standard());

    static List<Path> modelFiles() throws IOException {
        try (Stream<Path> files = Files.list(ReferenceFiles.gymnasium("README.md").getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".model.json")).sorted().toList();
        }
    }

    @Test
    void findsTheThreeToyTextModelFiles() throws IOException {
        assertEquals(List.of("CliffWalking-v1.model.json", "FrozenLake-v1.model.json", "Taxi-v4.model.json"),
                modelFiles().stream().map(f -> f.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @MethodSource("modelFiles")
    void everyModelMatchesGymnasiumExactly(Path file) throws IOException {
        ModelReport report = replay.replay(file);

        assertEquals(0, report.mismatches(), () -> report.summaryLine() + "\n" + String.join("\n", report.details()));
        JsonNode root = JSON.readTree(file.toFile());
        int expectedStates = 0;
        for (JsonNode model : root.path("models")) {
            expectedStates += model.path("nS").asInt();
        }
        assertEquals(expectedStates, report.states(), report::summaryLine);
        assertEquals(root.path("env_id").asText(), report.envId());
    }

    @Test
    void statesSumOverTheSlipperyAndDeterministicLake() throws IOException {
        ModelReport report = replay.replay(ReferenceFiles.gymnasium("FrozenLake-v1.model.json"));

        assertEquals("model env=FrozenLake-v1 states=32 mismatches=0", report.summaryLine());
    }

    @Test
    void theGeneralReplayHandsModelFilesToModelReplay() throws IOException {
        ReplayResult result = new ReferenceReplay(EnvRegistry.standard())
                .replay(ReferenceFiles.gymnasium("Taxi-v4.model.json"));

        assertEquals("model env=Taxi-v4 states=500 mismatches=0", result.summaryLine());
    }

    @Test
    void detectsAProbabilityOneUlpOff(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "FrozenLake-v1.model.json", root -> {
            ArrayNode outcome = outcome(root, 0, 14, 1, 2);
            outcome.set(0, Math.nextUp(outcome.get(0).asDouble()));
        });

        assertEquals(1, report.mismatches(), report::summaryLine);
        assertTrue(report.details().get(0).contains("P[14][1][2]"), report.details()::toString);
    }

    @Test
    void detectsOutcomesInAnotherOrder(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "FrozenLake-v1.model.json", root -> {
            ArrayNode outcomes = (ArrayNode) root.path("models").get(0).path("P").get(6).get(0);
            JsonNode first = outcomes.remove(0);
            outcomes.add(first);
        });

        assertEquals(1, report.mismatches(), report::summaryLine);
        assertTrue(report.details().get(0).contains("P[6][0]"), report.details()::toString);
    }

    @Test
    void detectsWrongRewardsNextStatesAndFlagsInSeveralStates(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "CliffWalking-v1.model.json", root -> {
            outcome(root, 0, 35, 2, 0).set(3, false);        // the goal no longer terminates
            outcome(root, 0, 36, 1, 0).set(2, -1);           // the cliff no longer costs -100
            outcome(root, 0, 24, 0, 0).set(1, 13);           // up from 24 lands elsewhere
            outcome(root, 0, 24, 3, 0).set(1, 13);           // same state again: still one mismatch
        });

        assertEquals(3, report.mismatches(), report::summaryLine);
        assertEquals(48, report.states());
        assertEquals(4, report.details().size(), report.details()::toString);
    }

    @Test
    void detectsAChangedInitialDistribution(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "Taxi-v4.model.json", root -> {
            ArrayNode initial = (ArrayNode) root.path("models").get(0).path("initial_state_distrib");
            initial.set(0, 1.0 / 300);
            initial.set(1, 0.0);
        });

        assertEquals(2, report.mismatches(), report::summaryLine);
    }

    @Test
    void detectsAMissingOutcome(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "FrozenLake-v1.model.json",
                root -> ((ArrayNode) root.path("models").get(0).path("P").get(0).get(2)).remove(2));

        assertEquals(1, report.mismatches(), report::summaryLine);
        assertTrue(report.details().get(0).contains("has 3 outcomes"), report.details()::toString);
    }

    @Test
    void aDifferentMapFailsTheWholeModel(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "FrozenLake-v1.model.json",
                root -> ((ArrayNode) root.path("models").get(1).path("desc")).set(1, "FFFH"));

        assertEquals(16, report.mismatches(), report::summaryLine);
        assertEquals(32, report.states());
        assertTrue(report.details().get(0).contains("desc"), report.details()::toString);
    }

    @Test
    void anEnvThatCannotBeMadeFailsTheWholeModel(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "CliffWalking-v1.model.json",
                root -> ((ObjectNode) root.path("models").get(0).path("make_kwargs")).put("windy", true));

        assertEquals(48, report.mismatches(), report::summaryLine);
        assertTrue(report.details().get(0).contains("windy"), report.details()::toString);
    }

    @Test
    void keepsAtMostTwentyDetails(@TempDir Path dir) throws IOException {
        ModelReport report = corrupt(dir, "Taxi-v4.model.json", root -> {
            for (int s = 0; s < 30; s++) {
                outcome(root, 0, s, 4, 0).set(2, 7);
            }
        });

        assertEquals(30, report.mismatches());
        assertEquals(20, report.details().size());
    }

    @Test
    void rejectsAFileOfAnotherFormat(@TempDir Path dir) throws IOException {
        Path trajectories = ReferenceFiles.gymnasium("FrozenLake-v1.json");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> replay.replay(trajectories));
        assertTrue(e.getMessage().contains("FrozenLake-v1.json"), e.getMessage());
        assertTrue(e.getMessage().contains(ModelReplay.FORMAT), e.getMessage());

        Path notJson = dir.resolve("broken.model.json");
        Files.writeString(notJson, "{ not json");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> replay.replay(notJson));
        assertTrue(broken.getMessage().contains("broken.model.json"), broken.getMessage());
    }

    private ModelReport corrupt(Path dir, String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(ReferenceFiles.gymnasium(name).toFile());
        change.accept(root);
        Path corrupted = dir.resolve(name);
        JSON.writeValue(corrupted.toFile(), root);
        return replay.replay(corrupted);
    }

    private static ArrayNode outcome(ObjectNode root, int model, int state, int action, int index) {
        return (ArrayNode) root.path("models").get(model).path("P").get(state).get(action).get(index);
    }
}
