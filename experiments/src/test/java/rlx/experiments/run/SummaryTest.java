package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path dir;

    private static Summary summary() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("transitions", 50_000L);
        extra.put("final_epsilon", 0.05);
        extra.put("solved", true);
        return new Summary("cartpole-dqn", "dqn", "CartPole-v1", 3, 50_000, 42.5, 1176.4705882352941,
                new EvalSummary(10, 487.3, 12.25), extra);
    }

    @Test
    void jsonHasExactlyTheContractFieldsWithExtraAtTheTopLevel() throws IOException {
        Path file = dir.resolve("summary.json");
        summary().write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("experiment", "algorithm", "env", "seed", "env_steps", "wall_seconds",
                "steps_per_second", "eval", "transitions", "final_epsilon", "solved"), fields);
        List<String> evalFields = new ArrayList<>();
        root.get("eval").fieldNames().forEachRemaining(evalFields::add);
        assertEquals(List.of("episodes", "mean_return", "std_return"), evalFields);
        assertEquals("cartpole-dqn", root.get("experiment").asText());
        assertEquals(50_000, root.get("env_steps").asLong());
        assertEquals(42.5, root.get("wall_seconds").asDouble());
        assertEquals(487.3, root.get("eval").get("mean_return").asDouble());
        assertEquals(10, root.get("eval").get("episodes").asInt());
        assertEquals(50_000, root.get("transitions").asLong());
    }

    @Test
    void readGivesBackAnEqualSummary() {
        Path file = dir.resolve("summary.json");
        Summary original = summary();
        original.write(file);
        assertEquals(original, Summary.read(file));
    }

    @Test
    void nanIsNullAndAMissingEvalIsNull() throws IOException {
        Path file = dir.resolve("summary.json");
        new Summary("e", "dqn", "CartPole-v1", 1, 0, Double.NaN, Double.NaN, null).write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertTrue(root.get("wall_seconds").isNull());
        assertTrue(root.get("eval").isNull());
        Summary back = Summary.read(file);
        assertTrue(Double.isNaN(back.wallSeconds()));
        assertNull(back.eval());
        assertEquals(Map.of(), back.extra());
    }

    @Test
    void readNamesTheFileAndTheMissingField() throws IOException {
        Path file = dir.resolve("summary.json");
        Files.writeString(file, "{\"experiment\": \"e\", \"algorithm\": \"dqn\", \"env\": \"x\", \"seed\": 1}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Summary.read(file));
        assertEquals(file + ": missing field env_steps", e.getMessage());
        Files.writeString(file, "{not json");
        assertThrows(IllegalArgumentException.class, () -> Summary.read(file));
        assertThrows(IllegalArgumentException.class, () -> Summary.read(dir.resolve("none.json")));
    }

    @Test
    void extraMayNotShadowAFixedField() {
        assertThrows(IllegalArgumentException.class, () -> new Summary("e", "dqn", "x", 1, 0, 0, 0, null,
                Map.of("env_steps", 3)));
    }
}
