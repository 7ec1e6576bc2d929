package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rlx train} with {@code algorithm = alphazero}, and its network in the arena. */
class AlphaZeroCommandTest {

    static Path tinyConfig(Path dir) throws Exception {
        Path config = dir.resolve("tiny-alphazero.conf");
        Files.writeString(config, """
                experiment = tiny-alphazero
                algorithm = alphazero
                env.id = tictactoe
                train.total-steps = 600
                eval { interval = 300, episodes = 4, final-episodes = 6 }
                agent {
                  network { filters = 8, blocks = 1, value-hidden = 16 }
                  search.simulations = 16
                  self-play { games-per-generation = 32, concurrent-games = 32 }
                  training { window = 5000, batch-size = 64, steps-per-generation = 5, min-positions = 64 }
                  gate { games = 6, simulations = 8 }
                  evaluation { opponent = random, simulations = 8 }
                }
                """);
        return config;
    }

    @Test
    void trainWritesGenerationsAndABestNetworkThatTheArenaPlays(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        CliTest.Run run = CliTest.rlx("train", tinyConfig(dir).toString(), "--results", results.toString(),
                "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().strip().startsWith("train experiment=tiny-alphazero seed=1 env_steps="), run.out());
        Path runDir = TrainCommandTest.onlyRun(results, "tiny-alphazero");
        List<String> generations = Files.readAllLines(runDir.resolve("generations.csv"));
        assertTrue(generations.get(0).startsWith("generation,positions,games,policy_loss,value_loss,policy_entropy,"
                + "gate_score,promoted,elo,eval_score"), generations.get(0));
        assertTrue(generations.size() >= 3, generations.toString());
        assertTrue(Files.isRegularFile(runDir.resolve("best-network/policy-value.zip")));
        assertTrue(Files.isRegularFile(runDir.resolve("summary.json")));
        CliTest.Run arena = CliTest.rlx("arena", "--game", "tictactoe", "alphazero:run=" + runDir + ",sims=32",
                "random", "--games", "4", "--no-elo");
        assertEquals(0, arena.exitCode(), arena.err());
        assertTrue(arena.out().strip().lines().reduce((a, b) -> b).orElseThrow()
                .startsWith("arena game=tictactoe games=4 a_wins="), arena.out());
        // batched: the network searches all games in one call per leaf; the result is counted the same way
        CliTest.Run batched = CliTest.rlx("arena", "--game", "tictactoe", "alphazero:run=" + runDir + ",sims=32",
                "alphazero:run=" + runDir + ",sims=8", "--games", "6", "--no-elo", "--batch");
        assertEquals(0, batched.exitCode(), batched.err());
        assertTrue(batched.lastLine().matches("arena game=tictactoe games=6 a_wins=\\d+ draws=\\d+ b_wins=\\d+ "
                + "a_score=\\S+ ci95=\\S+"), batched.out());
    }

    @Test
    void badAlphaZeroConfigsFailBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path config = tinyConfig(dir);
        Path results = dir.resolve("results");
        record Case(String override, List<String> mustMention) {
        }
        for (Case c : List.of(
                new Case("env.id=chess", List.of("env.id", "unknown game 'chess'", "connect4")),
                new Case("agent.evaluation.opponent=\"mcts:sims=0\"", List.of("agent.evaluation.opponent",
                        "sims must be an integer >= 1")),
                new Case("agent.gate.threshold=1.5", List.of("gate.threshold (1.5)", "[0, 1]")),
                new Case("agent.search.c-puct=0", List.of("c-puct", "got 0")),
                new Case("agent.training.batch-size=9000", List.of("training.batch-size (9000)", "training.window")),
                new Case("agent.self-play.workres=2", List.of("agent.self-play.workres", "allowed")))) {
            CliTest.Run run = CliTest.rlx("train", config.toString(), c.override(), "--results", results.toString());
            assertEquals(RlxCommand.EXIT_USAGE, run.exitCode(), c + ": " + run.err());
            for (String word : c.mustMention()) {
                assertTrue(run.err().contains(word), c + " should mention '" + word + "': " + run.err());
            }
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
        assertFalse(Files.exists(results), "nothing may be written for an invalid config");
    }
}
