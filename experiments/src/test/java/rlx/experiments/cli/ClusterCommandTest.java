package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rlx train ... cluster.role=learner} and {@code rlx worker}: their errors, and one small run together. */
class ClusterCommandTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A small PPO experiment on CartPole with no runners on the learner's node. */
    private static Path smallPpo(Path dir) throws Exception {
        Path config = dir.resolve("small-ppo.conf");
        Files.writeString(config, """
                experiment = small-ppo
                algorithm = ppo
                env { id = CartPole-v1, num-envs = 2 }
                train { total-steps = 6000, checkpoint-interval = 0 }
                eval { interval = 0, episodes = 2, final-episodes = 3, num-envs = 3 }
                agent {
                  rollout-steps = 32
                  epochs = 2
                  minibatches = 1
                  network.torso.hidden = [16]
                  runtime.runners = 0
                }
                """);
        return config;
    }

    @Test
    void aBadJoinAddressIsAOneLineUsageError() {
        for (String bad : new String[] {"localhost", "127.0.0.1:", "127.0.0.1:port", "127.0.0.1:70000", "::1:25520"}) {
            CliTest.Run run = CliTest.rlx("worker", "--join", bad);
            assertEquals(RlxCommand.EXIT_USAGE, run.exitCode(), bad + ": " + run.err());
            assertTrue(run.err().startsWith("error: bad address '" + bad + "'"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        CliTest.Run missing = CliTest.rlx("worker");
        assertEquals(RlxCommand.EXIT_USAGE, missing.exitCode());
        assertTrue(missing.err().contains("--join"), missing.err());
    }

    @Test
    void aWorkerGivesUpWhenNoLearnerAnswers() throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        CliTest.Run run = CliTest.rlx("worker", "--join", "127.0.0.1:" + port, "--runners", "1", "--join-timeout", "3");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(RlxCommand.EXIT_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: no learner answered at 127.0.0.1:" + port + " within 3 s"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
        assertTrue(seconds < 30, "gave up after " + seconds + " s");
    }

    @Test
    void onlyPolicyGradientAlgorithmsRunAsClusterLearners(@TempDir Path dir) throws Exception {
        Path dqn = TrainCommandTest.smallConfig(dir);
        CliTest.Run run = CliTest.rlx("train", dqn.toString(), "cluster.role=learner", "--results",
                dir.resolve("results").toString());
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("cluster.role = learner runs a2c, ppo, a3c and apex-dqn; dqn trains in one process"),
                run.err());

        CliTest.Run role = CliTest.rlx("train", smallPpo(dir).toString(), "cluster.role=leader");
        assertEquals(RlxCommand.EXIT_USAGE, role.exitCode(), role.err());
        assertTrue(role.err().contains("cluster.role") && role.err().contains("learner"), role.err());

        CliTest.Run seeds = CliTest.rlx("train", smallPpo(dir).toString(), "cluster.role=learner", "seeds=1,2");
        assertEquals(RlxCommand.EXIT_USAGE, seeds.exitCode(), seeds.err());
        assertTrue(seeds.err().contains("run one seed per rlx train"), seeds.err());
    }

    @Test
    void aWorkerNeedsNoConfigAndItsTransitionsAreCountedByNode(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path results = dir.resolve("results");
        Path config = smallPpo(dir);
        CompletableFuture<CliTest.Run> learner = CompletableFuture.supplyAsync(() -> CliTest.rlx("train",
                config.toString(), "cluster.role=learner", "cluster.port=" + port, "cluster.min-workers=1",
                "--results", results.toString(), "--no-progress"));
        CliTest.Run worker = CliTest.rlx("worker", "--join", "127.0.0.1:" + port, "--runners", "2");
        CliTest.Run train = learner.get(120, TimeUnit.SECONDS);
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(0, worker.exitCode(), worker.err());

        Matcher w = Pattern.compile("^worker node=(pekko://rlx@127\\.0\\.0\\.1:\\d+) learner=pekko://rlx@127\\.0\\.0\\.1:"
                + port + " runners=2 first_index=0 result=finished$").matcher(worker.lastLine());
        assertTrue(w.matches(), worker.out());
        Matcher t = Pattern.compile("^train experiment=small-ppo seed=1 env_steps=(\\d+) .* run=(.+)$")
                .matcher(train.lastLine());
        assertTrue(t.matches(), train.out());

        JsonNode summary = new ObjectMapper().readTree(Path.of(t.group(2)).resolve("summary.json").toFile());
        JsonNode transitions = summary.get("transitions");
        long produced = transitions.get("produced").asLong();
        assertEquals(produced, transitions.get("consumed").asLong() + transitions.get("dropped").asLong());
        assertEquals(Long.parseLong(t.group(1)), transitions.get("consumed").asLong());
        assertEquals(Map.of(w.group(1), produced), new ObjectMapper().convertValue(transitions.get("by_node"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() { }));
    }

    @Test
    void distributedDqnRunnersOnAWorkerFeedTheLearnersReplay(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path results = dir.resolve("results");
        Path config = dir.resolve("small-apex.conf");
        Files.writeString(config, """
                experiment = small-apex
                algorithm = apex-dqn
                env { id = CartPole-v1, num-envs = 1 }
                train { total-steps = 3000, checkpoint-interval = 0 }
                eval { interval = 0, episodes = 2, final-episodes = 3, num-envs = 3 }
                agent {
                  runners = 1
                  vector-steps-per-batch = 50
                  dqn { learning-starts = 500, batch-size = 32, network.torso.hidden = [16] }
                }
                """);
        CompletableFuture<CliTest.Run> learner = CompletableFuture.supplyAsync(() -> CliTest.rlx("train",
                config.toString(), "cluster.role=learner", "cluster.port=" + port, "cluster.min-workers=1",
                "--results", results.toString(), "--no-progress"));
        CliTest.Run worker = CliTest.rlx("worker", "--join", "127.0.0.1:" + port, "--runners", "2");
        CliTest.Run train = learner.get(120, TimeUnit.SECONDS);
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(0, worker.exitCode(), worker.err());
        Matcher w = Pattern.compile("^worker node=(pekko://rlx@127\\.0\\.0\\.1:\\d+) .* runners=2 first_index=1 "
                + "result=finished$").matcher(worker.lastLine());
        assertTrue(w.matches(), worker.out());
        Matcher t = Pattern.compile("^train experiment=small-apex seed=1 env_steps=(\\d+) .* run=(.+)$")
                .matcher(train.lastLine());
        assertTrue(t.matches(), train.out());
        JsonNode transitions = new ObjectMapper().readTree(Path.of(t.group(2)).resolve("summary.json").toFile())
                .get("transitions");
        long produced = transitions.get("produced").asLong();
        assertEquals(produced, transitions.get("consumed").asLong() + transitions.get("dropped").asLong());
        Map<String, Long> byNode = new ObjectMapper().convertValue(transitions.get("by_node"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() { });
        assertEquals(2, byNode.size(), "the learner's own runner and the worker's: " + byNode);
        assertTrue(byNode.get(w.group(1)) > 0, byNode.toString());
        assertEquals(produced, byNode.values().stream().mapToLong(Long::longValue).sum());
    }
}
