package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.experiments.run.CsvLog;
import rlx.experiments.run.Summary;

/** {@code rlx train}, {@code --resume} and {@code rlx eval} end to end on small CartPole runs. */
class TrainCommandTest {

    /** A small, fast DQN experiment on CartPole-v1. */
    static Path smallConfig(Path dir) throws Exception {
        Path config = dir.resolve("small-dqn.conf");
        Files.writeString(config, """
                experiment = small-dqn
                algorithm = dqn
                env.id = CartPole-v1
                train { total-steps = 3000, checkpoint-interval = 1000 }
                eval { interval = 1500, episodes = 3, final-episodes = 5, num-envs = 5 }
                agent {
                  buffer-size = 5000
                  batch-size = 32
                  learning-starts = 200
                  train-frequency = 2
                  target-update-interval = 200
                  network.torso.hidden = [32]
                  network.optimizer.learning-rate = 1e-3
                }
                """);
        return config;
    }

    static List<String> args(String... args) {
        return List.of(args);
    }

    static Path onlyRun(Path results, String experiment) throws Exception {
        try (Stream<Path> runs = Files.list(results.resolve("runs").resolve(experiment))) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    @Test
    void trainWritesACompleteRunDirectory(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        CliTest.Run run = CliTest.rlx("train", smallConfig(dir).toString(), "seed=4", "--results", results.toString(),
                "--no-progress");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches("train experiment=small-dqn seed=4 env_steps=3000 steps_per_second=\\d+ "
                + "eval_mean_return=\\S+ eval_std_return=\\S+ run=.*"), run.lastLine());
        Path runDir = onlyRun(results, "small-dqn");
        assertTrue(runDir.getFileName().toString().endsWith("-seed4"), runDir.toString());
        for (String file : List.of("config.conf", "provenance.json", "metrics.csv", "eval.csv", "summary.json",
                "learning-curve.png")) {
            assertTrue(Files.isRegularFile(runDir.resolve(file)), file);
        }
        assertTrue(Files.readString(runDir.resolve("config.conf")).contains("learning-starts"));
        Summary summary = Summary.read(runDir.resolve("summary.json"));
        assertEquals("small-dqn", summary.experiment());
        assertEquals("dqn", summary.algorithm());
        assertEquals("CartPole-v1", summary.env());
        assertEquals(4, summary.seed());
        assertEquals(3000, summary.envSteps());
        assertEquals(5, summary.eval().episodes());
        String json = Files.readString(runDir.resolve("summary.json"));
        for (String key : List.of("\"experiment\"", "\"algorithm\"", "\"env\"", "\"seed\"", "\"env_steps\"",
                "\"wall_seconds\"", "\"steps_per_second\"", "\"eval\"", "\"episodes\"", "\"mean_return\"",
                "\"std_return\"")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        List<Map<String, String>> metrics = CsvLog.read(runDir.resolve("metrics.csv"));
        assertFalse(metrics.isEmpty());
        for (String column : List.of("env_steps", "episodes", "episode_return", "episode_length", "loss", "mean_q",
                "epsilon", "steps_per_second")) {
            assertTrue(metrics.get(0).containsKey(column), column);
        }
        List<Map<String, String>> eval = CsvLog.read(runDir.resolve("eval.csv"));
        assertEquals(List.of("1500", "3000"), eval.stream().map(r -> r.get("env_steps")).toList());
        assertEquals("true", eval.get(1).get("final"));
        BufferedImage png = ImageIO.read(runDir.resolve("learning-curve.png").toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
        assertTrue(Files.isDirectory(runDir.resolve("checkpoints")));

        String summaryBefore = Files.readString(runDir.resolve("summary.json"));
        CliTest.Run again = CliTest.rlx("train", "--resume", runDir.toString());
        assertEquals(RlxCommand.EXIT_USAGE, again.exitCode());
        assertTrue(again.err().contains("already finished"), again.err());
        assertEquals(summaryBefore, Files.readString(runDir.resolve("summary.json")), "a finished run stays as it was");

        CliTest.Run eval2 = CliTest.rlx("eval", runDir.toString(), "episodes=4");
        assertEquals(0, eval2.exitCode(), eval2.err());
        assertTrue(eval2.lastLine().matches("eval run=.* episodes=4 mean_return=\\S+ std_return=\\S+ mean_length=\\S+"),
                eval2.lastLine());

        // the one periodic evaluation (1,500 steps) is the best so far: its policy is kept, evaluated again at the
        // end and loadable
        Map<?, ?> best = (Map<?, ?>) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(runDir.resolve("summary.json").toFile(), Map.class).get("best_eval");
        assertEquals(1500, ((Number) best.get("env_steps")).intValue(), json);
        assertEquals(5, ((Number) best.get("episodes")).intValue());
        CliTest.Run bestEval = CliTest.rlx("eval", runDir.toString(), "episodes=4", "--best");
        assertEquals(0, bestEval.exitCode(), bestEval.err());
        assertTrue(bestEval.lastLine().matches("eval run=.* episodes=4 mean_return=\\S+ std_return=\\S+ mean_length=\\S+"),
                bestEval.lastLine());
    }

    @Test
    void badConfigsFailBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path config = smallConfig(dir);
        Path results = dir.resolve("results");
        record Case(String override, List<String> mustMention) {
        }
        for (Case c : List.of(
                new Case("agent.learnig-rate=0.1", List.of("agent.learnig-rate", "allowed")),
                new Case("agent.batch-size=-5", List.of("batch-size", "-5")),
                new Case("agent.learning-starts=10", List.of("learning-starts (10)", "batch-size (32)")),
                new Case("agent.network.torso.activation=swish", List.of("activation", "swish", "relu")),
                new Case("env.id=CartPole-v9", List.of("CartPole-v9", "known ids")),
                new Case("agent.gamma=1.5", List.of("gamma (1.5)")),
                new Case("seed", List.of("seed", "key=value")))) {
            CliTest.Run run = CliTest.rlx("train", config.toString(), c.override(), "--results", results.toString());
            assertEquals(RlxCommand.EXIT_USAGE, run.exitCode(), c + ": " + run.err());
            for (String word : c.mustMention()) {
                assertTrue(run.err().contains(word), c + " should mention '" + word + "': " + run.err());
            }
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
        assertFalse(Files.exists(results), "nothing may be written for an invalid config");
        CliTest.Run missing = CliTest.rlx("train", dir.resolve("nope.conf").toString());
        assertEquals(RlxCommand.EXIT_USAGE, missing.exitCode());
        assertTrue(missing.err().contains("nope.conf"), missing.err());
    }

    @Test
    void withoutAConfigItListsTheShippedOnes() {
        System.setProperty("rlx.home", "..");
        try {
            CliTest.Run run = CliTest.rlx("train");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("cartpole-dqn.conf"), run.out());
            assertTrue(run.out().contains("mountaincar-dqn.conf"), run.out());
        } finally {
            System.clearProperty("rlx.home");
        }
    }

    /** A run killed with SIGKILL mid-way resumes from its checkpoint; its metrics stay continuous, nothing lost. */
    @Test
    void aKilledRunResumesWithContinuousMetrics(@TempDir Path dir) throws Exception {
        Path config = smallConfig(dir);
        Path results = dir.resolve("results");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dorg.bytedeco.javacpp.maxBytes=0",
                "-cp", System.getProperty("java.class.path"), RlxCommand.class.getName(),
                "train", config.toString(), "train.total-steps=6000", "--results", results.toString(), "--no-progress"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path runDir = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && child.isAlive()) {
            Path experiment = results.resolve("runs").resolve("small-dqn");
            if (Files.isDirectory(experiment)) {
                runDir = onlyRun(results, "small-dqn");
                if (hasCheckpointPast(runDir.resolve("checkpoints"), 2000)) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(child.isAlive(), "the child finished before it could be killed: " + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly().waitFor();
        List<Map<String, String>> before = CsvLog.read(runDir.resolve("metrics.csv"));
        assertFalse(Files.exists(runDir.resolve("summary.json")));

        CliTest.Run resumed = CliTest.rlx("train", "--resume", runDir.toString(), "--no-progress");

        assertEquals(0, resumed.exitCode(), resumed.err());
        List<Map<String, String>> metrics = CsvLog.read(runDir.resolve("metrics.csv"));
        long previousSteps = 0;
        for (int i = 0; i < metrics.size(); i++) {
            Map<String, String> row = metrics.get(i);
            assertEquals(i + 1, Long.parseLong(row.get("episodes")), "episode numbering at row " + i);
            long steps = Long.parseLong(row.get("env_steps"));
            assertTrue(steps >= previousSteps, "env_steps go backwards at row " + i);
            previousSteps = steps;
        }
        // every row the checkpoint covered survived the kill unchanged
        long checkpointSteps = 2000;
        List<Map<String, String>> covered = before.stream()
                .filter(r -> Long.parseLong(r.get("env_steps")) <= checkpointSteps).toList();
        assertEquals(covered, metrics.subList(0, covered.size()));
        List<Map<String, String>> eval = CsvLog.read(runDir.resolve("eval.csv"));
        assertEquals(1, eval.stream().filter(r -> "true".equals(r.get("final"))).count());
        assertEquals(6000, Summary.read(runDir.resolve("summary.json")).envSteps());
    }

    private static boolean hasCheckpointPast(Path checkpoints, long steps) throws Exception {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(checkpoints)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-"))
                    .anyMatch(n -> Long.parseLong(n.substring(5)) >= steps);
        }
    }
}
