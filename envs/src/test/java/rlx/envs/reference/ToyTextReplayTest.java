package rlx.envs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rlx.envs.core.EnvRegistry;

/** The general trajectory replayer also accepts the toy-text envs (state index as internal state, info values). */
class ToyTextReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"FrozenLake-v1.json", "CliffWalking-v1.json", "Taxi-v4.json"})
    void replaysToyTextTrajectoriesWithoutMismatch(String file) throws Exception {
        ReplayReport report = new TrajectoryReplay(EnvRegistry.standard()).replay(ReferenceFiles.gymnasium(file));

        assertEquals(0, report.mismatches(), () -> report.summaryLine() + "\n" + String.join("\n", report.details()));
        assertTrue(report.episodes() == 5 && report.steps() > 0, report::summaryLine);
    }
}
