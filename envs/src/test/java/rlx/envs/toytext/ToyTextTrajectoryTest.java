package rlx.envs.toytext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Replays Gymnasium's toy-text trajectories step by step through {@link EnvRegistry#make} (time limit included):
 * start from the recorded {@code initial_state}, apply the recorded actions, and require the exact recorded
 * observation, reward, flags, state, {@code prob} and {@code action_mask}.
 */
class ToyTextTrajectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"FrozenLake-v1.json", "CliffWalking-v1.json", "Taxi-v4.json"})
    void reproducesEveryRecordedStep(String file) throws Exception {
        JsonNode root = JSON.readTree(resource(file).toFile());
        String envId = root.path("env_id").asText();
        List<String> mismatches = new ArrayList<>();
        int steps = 0;
        for (JsonNode episode : root.path("episodes")) {
            steps += replay(envId, episode, mismatches);
        }

        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
        assertEquals(5, root.path("episodes").size());
        assertTrue(steps > 0, "no steps replayed");
    }

    private static int replay(String envId, JsonNode episode, List<String> mismatches) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = JSON.convertValue(episode.path("make_kwargs"), Map.class);
        Env<?, ?> env = EnvRegistry.standard().make(envId, kwargs);
        env.reset(12345L);
        ToyTextEnv tabular = (ToyTextEnv) env.unwrapped();
        Reset<Integer> start = tabular.restore(episode.path("initial_state").asInt());
        String label = envId + " seed " + episode.path("seed").asInt();
        check(mismatches, label + " initial obs", start.observation(), episode.path("initial_observation").asInt());
        checkInfo(mismatches, label + " reset", start.info(), episode.path("reset_info"));

        JsonNode steps = episode.path("steps");
        for (JsonNode expected : steps) {
            String at = label + " t=" + expected.path("t").asInt();
            Step<?> step = env.stepObject(expected.path("action").asInt());
            check(mismatches, at + " obs", step.observation(), expected.path("obs").asInt());
            check(mismatches, at + " reward", step.reward(), expected.path("reward").asDouble());
            check(mismatches, at + " terminated", step.terminated(), expected.path("terminated").asBoolean());
            check(mismatches, at + " truncated", step.truncated(), expected.path("truncated").asBoolean());
            check(mismatches, at + " state", tabular.state(), expected.path("state").asInt());
            checkInfo(mismatches, at, step.info(), expected);
        }
        check(mismatches, label + " length", steps.size(), episode.path("length").asInt());
        return steps.size();
    }

    private static void checkInfo(List<String> mismatches, String at, Map<String, Object> info, JsonNode expected) {
        check(mismatches, at + " prob", info.get("prob"), expected.path("prob").asDouble());
        if (expected.has("action_mask")) {
            List<Integer> mask = new ArrayList<>();
            expected.path("action_mask").forEach(v -> mask.add(v.asInt()));
            check(mismatches, at + " action_mask", info.get("action_mask"), mask);
        } else {
            check(mismatches, at + " info keys", info.keySet(), Set.of("prob"));
        }
    }

    private static void check(List<String> mismatches, String what, Object actual, Object expected) {
        if (!expected.equals(actual)) {
            mismatches.add(what + ": " + actual + " != " + expected);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ToyTextTrajectoryTest.class.getResource("/reference/gymnasium/" + name).toURI());
    }
}
