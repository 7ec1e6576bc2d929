package rlx.trainers.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU split: ND4J has one backend per JVM, so a CUDA learner and CPU env runners live in different JVMs. Here
 * the worker JVM has no ND4J backend on its classpath at all (no nd4j-native, no OpenBLAS, no JavaCPP natives), and
 * a PPO run still completes with every transition collected there: the learner sends the network's layout with the
 * run spec and runners act in plain Java, so only the learner's JVM needs a backend, whichever it is (the CPU one
 * here, as no GPU is attached; nd4j-cuda with {@code RLX_BACKEND=cuda} on a GPU machine).
 */
class SplitBackendTest {

    private static final long TOTAL_STEPS = 8_000;
    private static final Duration STARTUP = Duration.ofSeconds(120);

    /** The test classpath without any ND4J backend or native library. */
    static String backendFreeClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return !name.startsWith("nd4j-native") && !name.startsWith("openblas")
                            && !(name.startsWith("javacpp") && name.contains("linux"));
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void runnersInAJvmWithoutAnNd4jBackendFeedTheLearner(@TempDir Path dir) throws Exception {
        String classpath = backendFreeClasspath();
        assertFalse(classpath.contains("nd4j-native"), classpath);
        try (ChildJvm probe = ChildJvm.startWithClasspath("probe", classpath, BackendProbe.class)) {
            String line = probe.await(l -> l.startsWith("backend="), STARTUP, "the probe's answer");
            assertTrue(line.startsWith("backend=none"), "the worker classpath must hold no backend: " + line);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path out = dir.resolve("outcome.json");
        try (ChildJvm learner = ChildJvm.start("learner", LearnerMain.class, String.valueOf(port), "1",
                String.valueOf(TOTAL_STEPS), String.valueOf(Long.MAX_VALUE), dir.resolve("checkpoints").toString(),
                out.toString());
             ChildJvm worker = ChildJvm.startWithClasspath("cpu-worker", classpath, WorkerMain.class,
                     "127.0.0.1:" + port, "2")) {
            assertEquals(0, learner.exitCode(Duration.ofSeconds(240)), "the learner finishes the run");
            assertEquals(0, worker.exitCode(Duration.ofSeconds(60)), "the backend-free worker exits 0");
            worker.await(l -> l.contains("finished=true"), Duration.ZERO, "the worker's result");
            JsonNode t = new ObjectMapper().readTree(out.toFile()).get("transitions");
            long produced = t.get("produced").asLong();
            assertTrue(produced >= TOTAL_STEPS, t.toString());
            assertEquals(produced, t.get("consumed").asLong() + t.get("dropped").asLong(), t.toString());
            assertEquals(1, t.get("by_node").size(), "every transition came from the worker JVM: " + t);
            assertEquals(produced, t.get("by_node").elements().next().asLong(), t.toString());
            assertFalse(worker.last(l -> l.contains("NoAvailableBackendException")).isPresent(),
                    "the worker never reached for ND4J");
        }
    }
}
