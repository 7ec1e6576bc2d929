package rlx.envs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rlx.envs.core.EnvRegistry;

class ClassicControlReplayTest {

    private final TrajectoryReplay replay = new TrajectoryReplay(EnvRegistry.standard());

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1.json", "MountainCar-v0.json", "Pendulum-v1.json", "Acrobot-v1.json"})
    void replaysGymnasiumTrajectoriesWithoutMismatch(String file) throws Exception {
        ReplayReport report = replay.replay(ReferenceFiles.gymnasium(file));

        assertEquals(0, report.mismatches(), () -> report.summaryLine() + "\n" + String.join("\n", report.details()));
        assertTrue(report.episodes() > 0 && report.steps() > 0, report::summaryLine);
        assertTrue(report.stepwiseMaxError() <= Tolerance.RELATIVE, report::summaryLine);
    }

    /** Non-chaotic envs stay within float64 rounding of Gymnasium (libm's cos may differ by one ulp). */
    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1.json", "MountainCar-v0.json"})
    void straightPortsMatchToFloat64Rounding(String file) throws Exception {
        ReplayReport report = replay.replay(ReferenceFiles.gymnasium(file));

        assertTrue(report.rolloutMaxError() <= 4 * Math.ulp(1.0), report::summaryLine);
        assertTrue(report.stepwiseMaxError() <= 4 * Math.ulp(1.0), report::summaryLine);
    }

    @Test
    void detectsAPerturbedObservation(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(ReferenceFiles.gymnasium("CartPole-v1.json").toFile());
        ArrayNode obs = (ArrayNode) root.path("episodes").get(0).path("steps").get(3).path("obs");
        obs.set(0, obs.get(0).asDouble() + 1e-4);
        Path corrupted = dir.resolve("corrupted.json");
        json.writeValue(corrupted.toFile(), root);

        ReplayReport report = replay.replay(corrupted);

        // the perturbed step fails both in the rollout and in the stepwise replay
        assertEquals(2, report.mismatches(), report::summaryLine);
        assertTrue(report.details().get(0).contains("t=4"), report.details()::toString);
    }

    @Test
    void detectsAWrongTerminationFlag(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(ReferenceFiles.gymnasium("MountainCar-v0.json").toFile());
        ((ObjectNode) root.path("episodes").get(1).path("steps").get(10)).put("terminated", true);
        Path corrupted = dir.resolve("corrupted.json");
        json.writeValue(corrupted.toFile(), root);

        assertEquals(2, replay.replay(corrupted).mismatches());
    }

    @Test
    void rejectsAFileOfAnotherFormat(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something-else\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> replay.replay(other));
        assertTrue(e.getMessage().contains(TrajectoryReplay.FORMAT), e.getMessage());
        assertTrue(e.getMessage().contains("other.json"), e.getMessage());
    }
}
