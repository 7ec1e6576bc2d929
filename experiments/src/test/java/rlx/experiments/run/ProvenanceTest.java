package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void jsonHasEveryFieldInSnakeCase() throws IOException {
        Provenance p = Provenance.collect(Path.of("").toAbsolutePath(), 42, Map.of("env", 7L, "agent", 9L));
        Path file = dir.resolve("provenance.json");
        p.write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("git_commit", "git_dirty", "java_version", "java_vendor", "dl4j_version",
                "nd4j_version", "nd4j_backend", "os", "cpu_model", "cores", "hostname", "root_seed", "derived_seeds"),
                fields);
        assertEquals(42, root.get("root_seed").asLong());
        assertEquals(List.of("agent", "env"), fieldNames(root.get("derived_seeds")), "seeds sorted by name");
        assertEquals(9, root.get("derived_seeds").get("agent").asLong());
        assertEquals(Runtime.version().toString(), root.get("java_version").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), root.get("cores").asInt());
        assertEquals(p, Provenance.read(file));
    }

    @Test
    void libraryVersionsAndBackendComeFromTheClasspathWithoutLoadingNatives() {
        Provenance p = Provenance.collect(dir, 1, Map.of());
        assertEquals("1.0.0-M2.1", p.dl4jVersion(), "the parent pom's dl4j.version");
        assertEquals("1.0.0-M2.1", p.nd4jVersion());
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", p.nd4jBackend());
        assertEquals("given", Provenance.collect(dir, 1, Map.of(), "given").nd4jBackend());
        assertFalse(p.os().isBlank());
        assertFalse(p.hostname().isBlank());
        if (Files.isReadable(Path.of("/proc/cpuinfo"))) {
            assertFalse(p.cpuModel().isBlank());
        }
    }

    @Test
    void outsideAGitWorkTreeTheCommitIsUnknownAndNothingFails() {
        Provenance p = Provenance.collect(dir, 1, Map.of());
        assertEquals("unknown", p.gitCommit());
        assertNull(p.gitDirty());
        Provenance missingDir = Provenance.collect(dir.resolve("does-not-exist"), 1, Map.of());
        assertEquals("unknown", missingDir.gitCommit());
    }

    @Test
    void insideAGitWorkTreeTheCommitAndDirtyFlagAreRecorded() throws Exception {
        assumeTrue(git(dir, "init", "-q") && git(dir, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q",
                "--allow-empty", "-m", "x"), "git is not installed: the unknown case is covered above");
        Provenance clean = Provenance.collect(dir, 1, Map.of());
        assertTrue(clean.gitCommit().matches("[0-9a-f]{40}"), clean.gitCommit());
        assertEquals(Boolean.FALSE, clean.gitDirty());
        Files.writeString(dir.resolve("untracked.txt"), "x");
        assertEquals(Boolean.FALSE, Provenance.collect(dir, 1, Map.of()).gitDirty(), "untracked files do not count");
        git(dir, "add", "untracked.txt");
        assertEquals(Boolean.TRUE, Provenance.collect(dir, 1, Map.of()).gitDirty());
    }

    private static boolean git(Path dir, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
