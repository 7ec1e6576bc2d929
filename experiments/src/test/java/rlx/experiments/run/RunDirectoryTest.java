package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    private static final Instant START = Instant.parse("2024-03-05T07:08:09.750Z");

    @TempDir
    Path results;

    @Test
    void createLaysOutTheRunUnderRunsExperimentTimestampSeed() {
        RunDirectory run = RunDirectory.create(results, "cartpole-dqn", 3, START);
        Path expected = results.resolve("runs/cartpole-dqn/20240305T070809Z-seed3");
        assertEquals(expected, run.path());
        assertTrue(Files.isDirectory(expected));
        assertTrue(Files.isDirectory(run.checkpoints()));
        assertEquals(expected.resolve("config.conf"), run.config());
        assertEquals(expected.resolve("provenance.json"), run.provenance());
        assertEquals(expected.resolve("metrics.csv"), run.metrics());
        assertEquals(expected.resolve("eval.csv"), run.eval());
        assertEquals(expected.resolve("checkpoints"), run.checkpoints());
        assertEquals(expected.resolve("summary.json"), run.summary());
        assertEquals(expected.resolve("learning-curve.png"), run.learningCurve());
        assertEquals(results.resolve("runs/cartpole-dqn").toAbsolutePath(), run.experimentDir());
        assertEquals("cartpole-dqn", run.experiment());
        assertEquals("20240305T070809Z-seed3", run.name());
    }

    @Test
    void theSameSecondAndSeedGetsASuffix() {
        RunDirectory first = RunDirectory.create(results, "e", 1, START);
        RunDirectory second = RunDirectory.create(results, "e", 1, START);
        RunDirectory third = RunDirectory.create(results, "e", 1, START);
        RunDirectory otherSeed = RunDirectory.create(results, "e", 2, START);
        assertNotEquals(first.path(), second.path());
        assertEquals("20240305T070809Z-seed1-2", second.name());
        assertEquals("20240305T070809Z-seed1-3", third.name());
        assertEquals("20240305T070809Z-seed2", otherSeed.name());
    }

    @Test
    void experimentNamesMustBeOneFolder() {
        for (String bad : List.of("", " ", "a/b", "..", ".", " padded")) {
            assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(results, bad, 0, START), bad);
        }
    }

    @Test
    void openAcceptsARunDirectoryAndRefusesOthersClearly() throws IOException {
        RunDirectory created = RunDirectory.create(results, "e", 1, START);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(created.path()));
        assertTrue(empty.getMessage().startsWith("not a run directory: " + created.path()), empty.getMessage());

        Files.writeString(created.config(), "algorithm = dqn\n");
        RunDirectory opened = RunDirectory.open(created.path());
        assertEquals(created, opened);
        assertEquals("e", opened.experiment());

        Path missing = results.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(missing));
        assertEquals("no such run directory: " + missing, e.getMessage());
    }

    @Test
    void expandTurnsExperimentsAndResultRootsIntoTheirRunsInNameOrder() throws IOException {
        RunDirectory b = RunDirectory.create(results, "e", 2, START.plusSeconds(1));
        RunDirectory a = RunDirectory.create(results, "e", 1, START);
        RunDirectory unfinished = RunDirectory.create(results, "e", 3, START.plusSeconds(2));
        RunDirectory other = RunDirectory.create(results, "d", 1, START);
        Files.writeString(a.metrics(), "env_steps\n");
        Files.writeString(b.summary(), "{}");
        Files.writeString(other.config(), "algorithm = dqn\n");
        assertEquals(List.of(a, b), RunDirectory.expand(a.experimentDir()), "a directory with no run file is skipped");
        assertEquals(List.of(a), RunDirectory.expand(a.path()));
        assertEquals(List.of(other, a, b), RunDirectory.expand(results.resolve("runs")), "experiments by name");
        assertEquals(List.of(other, a, b), RunDirectory.expand(results));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.expand(unfinished.path()));
        assertTrue(e.getMessage().startsWith("not a run or experiment directory: " + unfinished.path()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.expand(results.resolve("missing")));
    }
}
