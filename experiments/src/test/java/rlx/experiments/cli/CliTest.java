package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** End-to-end runs of the command line: output lines are a public interface, so their format is asserted. */
class CliTest {

    record Run(int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }

        String lastLine() {
            List<String> lines = lines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    static Run rlx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlxCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path reference(String name) throws URISyntaxException {
        return Path.of(CliTest.class.getResource("/reference/gymnasium/" + name).toURI());
    }

    @Test
    void helpListsEveryCommand() {
        Run run = rlx("--help");
        assertEquals(0, run.exitCode());
        for (String command : List.of("env", "bench")) {
            assertTrue(Pattern.compile("^\\s+" + command + "\\s", Pattern.MULTILINE).matcher(run.out()).find(), run.out());
        }
        Run env = rlx("env", "--help");
        for (String sub : List.of("list", "check", "replay")) {
            assertTrue(env.out().contains(sub), env.out());
        }
    }

    @Test
    void envListPrintsOneIdPerLineWithSpacesAndLimits() {
        Run run = rlx("env", "list");
        assertEquals(0, run.exitCode());
        String cartPole = run.lines().stream().filter(l -> l.startsWith("CartPole-v1 ")).findFirst().orElseThrow();
        assertTrue(cartPole.contains("observation=Box[4](float32)"), cartPole);
        assertTrue(cartPole.contains("action=Discrete(2)"), cartPole);
        assertTrue(cartPole.contains("max_episode_steps=500"), cartPole);
        assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("Pendulum-v1 ")), run.out());
    }

    @Test
    void envCheckPassesARegisteredEnv() {
        Run run = rlx("env", "check", "MountainCar-v0", "--episodes", "3");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("env_check=MountainCar-v0 ok", run.lastLine());
    }

    @Test
    void unknownEnvIdIsAOneLineErrorListingKnownIds() {
        Run run = rlx("env", "check", "CartPole-v9");
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: unknown env id 'CartPole-v9'; known ids: CartPole-v1"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
        Run debug = rlx("--debug", "env", "check", "CartPole-v9");
        assertTrue(debug.err().contains("\tat "), "--debug prints the stack trace");
    }

    @Test
    void replayReportsTheSummaryLineAndExitsZeroOnAMatch() throws Exception {
        Run run = rlx("env", "replay", "--reference", reference("CartPole-v1.json").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.lastLine().matches("replay env=CartPole-v1 episodes=\\d+ steps=\\d+ "
                + "rollout_max_error=\\S+ stepwise_max_error=\\S+ mismatches=0"), run.lastLine());
    }

    @Test
    void replayOfAMissingFileOrBadFlagIsAUsageError() {
        Run missing = rlx("env", "replay", "--reference", "/no/such/file.json");
        assertEquals(RlxCommand.EXIT_USAGE, missing.exitCode());
        assertTrue(missing.err().contains("/no/such/file.json"), missing.err());
        Run badFlag = rlx("env", "replay", "--refrence", "x.json");
        assertEquals(RlxCommand.EXIT_USAGE, badFlag.exitCode());
        assertTrue(badFlag.err().startsWith("error: "), badFlag.err());
    }

    @Test
    void benchEnvPrintsTheMachineReadableLastLine() {
        Run run = rlx("bench", "env", "CartPole-v1", "--envs", "4", "--seconds", "0.2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches("bench env=CartPole-v1 envs=4 steps_per_second=\\d+"), run.lastLine());
        Run bad = rlx("bench", "env", "CartPole-v1", "--envs", "0");
        assertEquals(RlxCommand.EXIT_USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--envs (0)"), bad.err());
    }

    @Test
    void benchAlphaZeroPrintsOneLinePerBatchThenTheMachineReadableLastLine() {
        Run run = rlx("bench", "alphazero", "--game", "tictactoe", "--filters", "8", "--blocks", "1", "--batches",
                "1,16", "--games", "8", "--sims", "8", "--seconds", "0.2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("forward batch=16 evaluations_per_second="), run.out());
        assertTrue(run.lastLine().matches("bench alphazero game=tictactoe leaf_evaluations_per_second=\\d+ games=8"),
                run.lastLine());
        Run bad = rlx("bench", "alphazero", "--game", "tictactoe", "--batches", "0", "--seconds", "0.1");
        assertEquals(RlxCommand.EXIT_USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--batches: 0"), bad.err());
    }

    @Test
    void benchDqnLearnerPrintsTheMachineReadableLastLineAndRefusesOtherAlgorithms() {
        Run run = rlx("bench", "dqn-learner", "../experiments/configs/minatar-breakout-dqn.conf", "--seconds", "0.3",
                "--warmup", "0.1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches("bench dqn-learner env=MinAtar/Breakout-v1 batch=32 updates_per_second="
                + "\\d+\\.\\d ms_per_update=\\d+\\.\\d{3} ms_per_forward=\\d+\\.\\d{3}"), run.lastLine());
        Run ppo = rlx("bench", "dqn-learner", "../experiments/configs/cartpole-ppo.conf", "--seconds", "0.1");
        assertEquals(RlxCommand.EXIT_USAGE, ppo.exitCode());
        assertTrue(ppo.err().contains("needs a dqn config; algorithm = ppo"), ppo.err());
    }

    @Test
    void benchMctsPrintsTheMachineReadableLastLine() {
        Run run = rlx("bench", "mcts", "--game", "tictactoe", "--seconds", "0.2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches("bench mcts game=tictactoe playouts_per_second=\\d+"), run.lastLine());
        Run threaded = rlx("bench", "mcts", "--game", "connect4", "--seconds", "0.2", "--threads", "2");
        assertEquals(0, threaded.exitCode(), threaded.err());
        assertTrue(threaded.lastLine().matches("bench mcts game=connect4 playouts_per_second=\\d+ threads=2"),
                threaded.lastLine());
        Run noThreads = rlx("bench", "mcts", "--game", "tictactoe", "--seconds", "0.1", "--threads", "0");
        assertEquals(RlxCommand.EXIT_USAGE, noThreads.exitCode());
        assertTrue(noThreads.err().contains("--threads (0) must be > 0"), noThreads.err());
        Run unknown = rlx("bench", "mcts", "--game", "chess");
        assertEquals(RlxCommand.EXIT_USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("known games"), unknown.err());
    }
}
