package rlx.trainers.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner JVM and two worker JVMs on loopback: the learner waits for the first worker (min-workers = 1), the second
 * joins mid-run and contributes, then is killed (destroyForcibly). Training must complete, the remaining worker must
 * exit 0, and every transition must be accounted for, by node.
 */
class ClusterLoopbackTest {

    private static final long TOTAL_STEPS = 60_000;
    /** Where the learner holds still until the second worker's runners are ready. */
    private static final long PAUSE_AT = 3_000;
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static long steps(String progressLine) {
        return Long.parseLong(progressLine.substring("progress ".length()).trim());
    }

    private static String nodeOf(ChildJvm worker) throws InterruptedException {
        String line = worker.await(l -> l.contains("worker node pekko://"), STARTUP, "its address");
        return line.substring(line.indexOf("pekko://")).split(" ")[0];
    }

    @Test
    void trainingSurvivesAKilledWorkerAndAccountsForEveryTransition(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String join = "127.0.0.1:" + port;
        Path out = dir.resolve("outcome.json");
        try (ChildJvm learner = ChildJvm.start("learner", LearnerMain.class, String.valueOf(port), "1",
                String.valueOf(TOTAL_STEPS), String.valueOf(PAUSE_AT), dir.resolve("checkpoints").toString(),
                out.toString());
             ChildJvm stays = ChildJvm.start("worker-a", WorkerMain.class, join, "2");
             ChildJvm killed = ChildJvm.start("worker-b", WorkerMain.class, join, "2", "wait")) {
            // worker-b's JVM starts now but it only joins once the run is under way
            learner.await(l -> l.startsWith("paused at "), STARTUP, "the run under way");
            killed.send("join");
            String killedNode = nodeOf(killed);
            killed.await(l -> l.contains("runner 3 on") && l.contains("ready"), STARTUP, "runner 3 ready");
            killed.await(l -> l.contains("runner 2 on") && l.contains("ready"), STARTUP, "runner 2 ready");
            learner.send("go");
            killed.await(l -> l.contains("answered its first request"), STARTUP, "a runner's first answer");
            long joinedAt = learner.last(l -> l.startsWith("progress ")).map(ClusterLoopbackTest::steps).orElseThrow();
            // a few more rounds with both workers, then worker-b dies without a word
            learner.await(l -> l.startsWith("progress ") && steps(l) >= joinedAt + 2_000, STARTUP, "2000 more steps");
            long killedAt = learner.last(l -> l.startsWith("progress ")).map(ClusterLoopbackTest::steps).orElseThrow();
            System.out.println("killing worker-b at " + killedAt + " of " + TOTAL_STEPS + " env steps");
            killed.kill();

            assertEquals(0, learner.exitCode(Duration.ofSeconds(240)), "the learner finishes the run");
            assertEquals(0, stays.exitCode(Duration.ofSeconds(60)), "the remaining worker exits 0");
            assertTrue(killedAt < TOTAL_STEPS - 10_000, "worker-b was killed mid-run, at " + killedAt);
            learner.await(l -> l.contains("worker node " + killedNode + " left the run"), Duration.ZERO,
                    "the killed worker written off");
            stays.await(l -> l.contains("finished=true"), Duration.ZERO, "worker-a's result");

            JsonNode outcome = new ObjectMapper().readTree(out.toFile());
            System.out.println("outcome " + outcome);
            JsonNode t = outcome.get("transitions");
            long produced = t.get("produced").asLong();
            long consumed = t.get("consumed").asLong();
            long dropped = t.get("dropped").asLong();
            assertEquals(produced, consumed + dropped, "produced == consumed + dropped: " + t);
            assertTrue(outcome.get("env_steps").asLong() >= TOTAL_STEPS, outcome.toString());
            assertEquals(outcome.get("env_steps").asLong(), consumed);

            Map<String, Long> byNode = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.get("by_node").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                byNode.put(e.getKey(), e.getValue().asLong());
            }
            String staysNode = nodeOf(stays);
            assertEquals(java.util.Set.of(staysNode, killedNode), byNode.keySet(),
                    "by_node has the two worker nodes only: " + byNode);
            assertEquals(produced, byNode.values().stream().mapToLong(Long::longValue).sum(),
                    "by_node adds up to produced: " + byNode);
            assertTrue(byNode.get(killedNode) >= 2 * 2 * 32, "worker-b contributed: " + byNode);
            assertTrue(byNode.get(staysNode) > TOTAL_STEPS / 2, "worker-a did most of the work: " + byNode);
        }
    }

    @Test
    void aWorkerThatLosesTheLearnerExitsWithAFailure(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ChildJvm learner = ChildJvm.start("learner", LearnerMain.class, String.valueOf(port), "1", "100000000",
                "100000000", dir.resolve("checkpoints").toString(), dir.resolve("outcome.json").toString());
             ChildJvm worker = ChildJvm.start("worker", WorkerMain.class, "127.0.0.1:" + port, "1")) {
            worker.await(l -> l.contains("answered its first request"), STARTUP, "a runner's first answer");
            learner.kill();
            assertEquals(1, worker.exitCode(Duration.ofSeconds(90)), "the worker fails without its learner");
            worker.await(l -> l.contains("finished=false") && l.contains("lost the learner node pekko://rlx@127.0.0.1:"
                    + port), Duration.ZERO, "the reason");
        }
    }
}
