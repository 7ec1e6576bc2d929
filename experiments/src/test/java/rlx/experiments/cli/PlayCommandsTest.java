package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.play.Arena;
import rlx.agents.play.ArenaResult;
import rlx.agents.play.GtpClient;
import rlx.agents.play.GtpPlayer;
import rlx.agents.play.GtpResponse;
import rlx.envs.core.Rng;
import rlx.envs.games.Go;
import rlx.experiments.cli.CliTest.Run;
import rlx.experiments.run.EloTable;

/** {@code rlx arena}, {@code rlx gtp} and {@code rlx c4 eval}: their last lines and error handling. */
class PlayCommandsTest {

    private static final Pattern ARENA = Pattern.compile("arena game=tictactoe games=(\\d+) a_wins=(\\d+) draws=(\\d+)"
            + " b_wins=(\\d+) a_score=(\\d\\.\\d{3}) ci95=(\\d\\.\\d{3})\\.\\.(\\d\\.\\d{3})");

    @Test
    void helpListsThePlayCommandsAndSaysWhichIntervalAndRatings() {
        Run help = CliTest.rlx("--help");
        for (String command : List.of("arena", "gtp", "c4")) {
            assertTrue(Pattern.compile("^\\s+" + command + "\\s", Pattern.MULTILINE).matcher(help.out()).find(),
                    help.out());
        }
        String arena = CliTest.rlx("arena", "--help").out();
        assertTrue(arena.contains("Wilson") && arena.contains("K=16"), arena);
    }

    @Test
    void arenaScoresTheMatchOnItsLastLineAndKeepsAnEloTable(@TempDir Path dir) {
        Path elo = dir.resolve("elo-tictactoe.json");
        Run run = CliTest.rlx("arena", "--game", "tictactoe", "minimax", "random", "--games", "6", "--seed", "3",
                "--per-game", "--elo", elo.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = ARENA.matcher(run.lastLine());
        assertTrue(m.matches(), run.lastLine());
        int wins = Integer.parseInt(m.group(2));
        int draws = Integer.parseInt(m.group(3));
        assertEquals("6", m.group(1));
        assertEquals("0", m.group(4), "perfect play never loses");
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", (wins + draws / 2.0) / 6), m.group(5));
        ArenaResult.Interval ci = new ArenaResult(wins, draws, 0).ci95();
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", ci.low()), m.group(6));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", ci.high()), m.group(7));
        List<String> games = run.lines().stream().filter(l -> l.startsWith("game=")).toList();
        assertEquals(6, games.size());
        assertTrue(games.get(0).startsWith("game=0 a_first=true result="), games.get(0));
        assertTrue(games.get(1).startsWith("game=1 a_first=false result="), games.get(1));
        assertTrue(run.out().contains("elo minimax="), run.out());

        EloTable table = EloTable.load(elo, "tictactoe");
        assertTrue(table.rating("minimax") > 1500 && table.rating("random") < 1500);
        assertEquals(3000, table.rating("minimax") + table.rating("random"), 1e-9, "Elo moves points, never makes them");
        assertEquals(6, table.entry("minimax").games());
        Run again = CliTest.rlx("arena", "--game", "tictactoe", "minimax", "random", "--games", "2", "--elo",
                elo.toString());
        assertEquals(0, again.exitCode(), again.err());
        EloTable after = EloTable.load(elo, "tictactoe");
        assertEquals(2, after.matches().size());
        assertEquals(8, after.entry("random").games());
    }

    @Test
    void arenaWithoutPerGameLinesPrintsOnlyEloAndTheResult(@TempDir Path dir) {
        Run run = CliTest.rlx("arena", "--game", "connect4", "mcts:sims=50", "random", "--games", "2", "--no-elo");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.lines().size(), run.out());
        assertTrue(run.lastLine().startsWith("arena game=connect4 games=2 a_wins="), run.lastLine());
    }

    @Test
    void aBatchedArenaPlaysEveryGameAtOnceWithTheSameLastLine() {
        Run run = CliTest.rlx("arena", "--game", "tictactoe", "random", "minimax", "--games", "8", "--batch",
                "--per-game", "--no-elo");
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = ARENA.matcher(run.lastLine());
        assertTrue(m.matches(), run.lastLine());
        assertEquals("0", m.group(2), "random never beats perfect play");
        List<String> games = run.lines().stream().filter(l -> l.startsWith("game=")).toList();
        assertEquals(8, games.size());
        assertEquals(8, games.stream().map(l -> l.split(" ")[0]).distinct().count(), "each game once: " + games);
        Run gtp = CliTest.rlx("arena", "--game", "go9", "gtp:gnugo --mode gtp", "random", "--batch", "--no-elo");
        assertEquals(RlxCommand.EXIT_USAGE, gtp.exitCode());
        assertTrue(gtp.err().contains("play gtp specs without --batch"), gtp.err());
    }

    @Test
    void arenaRejectsBadSpecsGamesAndCountsWithOneLine() {
        Run spec = CliTest.rlx("arena", "--game", "tictactoe", "minimax:depht=2", "random", "--no-elo");
        assertEquals(RlxCommand.EXIT_USAGE, spec.exitCode());
        assertEquals("error: agent spec 'minimax:depht=2': unknown key 'depht'; this agent takes depth",
                spec.err().strip());
        Run az = CliTest.rlx("arena", "--game", "connect4", "alphazero:run=results/runs/x,sims=200", "random",
                "--no-elo");
        assertEquals(RlxCommand.EXIT_USAGE, az.exitCode());
        assertTrue(az.err().contains("no AlphaZero network at results/runs/x"), az.err());
        Run games = CliTest.rlx("arena", "--game", "tictactoe", "random", "random", "--games", "0", "--no-elo");
        assertEquals(RlxCommand.EXIT_USAGE, games.exitCode());
        assertEquals("error: --games must be >= 1, got 0", games.err().strip());
        Run gtp = CliTest.rlx("arena", "--game", "tictactoe", "gtp:gnugo --mode gtp", "random", "--no-elo");
        assertEquals(RlxCommand.EXIT_USAGE, gtp.exitCode());
        assertTrue(gtp.err().contains("plays Go only"), gtp.err());
    }

    @Test
    void c4EvalScoresMovesAgainstTheReferenceBestMoves(@TempDir Path dir) throws IOException {
        // immediate wins and one position whose best move is a block, all within a 4-ply search
        Path file = dir.resolve("positions.txt");
        Files.writeString(file, String.join("\n",
                "# position score best_moves",
                "445566 18 37",
                "1413142 -2 1",
                "",
                "36677725 5 4") + "\n");
        Run run = CliTest.rlx("c4", "eval", "--positions", file.toString(), "--agent", "minimax:depth=4");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("c4eval positions=3 best_move_accuracy=1.0000", run.lastLine());
        Run random = CliTest.rlx("c4", "eval", "--positions", file.toString(), "--agent", "random", "--seed", "2");
        assertTrue(random.lastLine().matches("c4eval positions=3 best_move_accuracy=[01]\\.\\d{4}"),
                random.lastLine());
    }

    @Test
    void c4EvalNamesTheBadLineOfAPositionsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "445566 18 37\n4455 x 1\n");
        Run run = CliTest.rlx("c4", "eval", "--positions", file.toString(), "--agent", "random");
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertEquals("error: " + file + ":2: score 'x' is not an integer", run.err().strip());
        Run missing = CliTest.rlx("c4", "eval", "--positions", dir.resolve("nope.txt").toString(), "--agent",
                "random");
        assertEquals(RlxCommand.EXIT_USAGE, missing.exitCode());
    }

    @Test
    void gtpServesGo9Only() {
        Run run = CliTest.rlx("gtp", "--game", "connect4", "--agent", "random");
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: gtp serves go9 only"), run.err());
    }

    /** The rlx GTP engine as a subprocess (this JVM's classpath), driven by rlx's own GTP client. */
    @Test
    void theGtpClientPlaysAgainstRlxGtpAsASubprocess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RlxCommand.class.getName(), "gtp", "--game", "go9", "--agent", "minimax:depth=1", "--seed", "4"));
        Go go = new Go();
        try (GtpClient client = GtpClient.start(command)) {
            assertEquals("2", client.expect("protocol_version"));
            assertEquals("rlx minimax:depth=1", client.expect("name"));
            GtpResponse bad = client.send("boardsize 13");
            assertInstanceOf(GtpResponse.Failure.class, bad);
            assertEquals("unacceptable size", bad.text());
            assertEquals("unknown command", client.send("frobnicate now").text());
            GtpPlayer remote = new GtpPlayer(go, client);
            Arena.GameRecord g = Arena.playOne(go, remote, new rlx.agents.play.RandomPlayer(new Rng(9)), 0);
            assertTrue(g.moves() > 10, g.history());
            String score = client.expect("final_score");
            assertTrue(score.matches("[BW]\\+\\d+\\.\\d|0"), score);
            assertFalse(g.history().isEmpty());
        }
    }
}
