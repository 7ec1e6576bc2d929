package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rlx reproduce}: a small benchmark end to end, run twice (the second run skips what finished). */
class ReproduceCommandTest {

    @Test
    void runsEverySeedWritesTheReportAndSkipsFinishedRuns(@TempDir Path dir) throws Exception {
        Path config = TrainCommandTest.smallConfig(dir);
        Path benchmark = dir.resolve("tiny.conf");
        Files.writeString(benchmark, """
                benchmark = tiny
                seeds = 2
                runs = [
                  { env = CartPole-v1, algorithm = dqn, config = "%s", steps = 2000
                    reference { value = 500, low = 475, high = 500, source = "a test's made-up reference" } }
                ]
                """.formatted(config.toString().replace("\\", "/")));
        Path results = dir.resolve("results");
        CliTest.Run first = CliTest.rlx("reproduce", benchmark.toString(), "budget=0.5", "--results",
                results.toString());
        assertEquals(0, first.exitCode(), first.err());
        String last = first.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("reproduce benchmark=tiny runs=1 seeds=2 budget=0.5 inside="), last);
        Path report = results.resolve("reproduce/tiny/report.md");
        String md = Files.readString(report);
        assertTrue(md.contains("| CartPole-v1 | dqn | 1,000 |"), md);
        assertTrue(md.contains("a test's made-up reference"), md);
        assertTrue(Files.isRegularFile(results.resolve("reproduce/tiny/CartPole-v1.png")));
        List<Path> runs;
        try (var s = Files.list(results.resolve("reproduce/tiny/budget-0.5/runs/small-dqn"))) {
            runs = s.toList();
        }
        assertEquals(2, runs.size(), runs.toString());
        CliTest.Run second = CliTest.rlx("reproduce", benchmark.toString(), "budget=0.5", "--results",
                results.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("small-dqn seed 1 finished already"), second.err());
        assertTrue(second.err().contains("small-dqn seed 2 finished already"), second.err());
        assertEquals(md, Files.readString(report), "the same runs give the same report");
    }

    @Test
    void badBenchmarksAndOptionsAreNamed(@TempDir Path dir) throws Exception {
        CliTest.Run unknown = CliTest.rlx("reproduce", "no-such-benchmark", "--results", dir.toString());
        assertEquals(RlxCommand.EXIT_USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("no benchmark 'no-such-benchmark'"), unknown.err());
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "benchmark = bad\nseeds = 2\nruns = [ { env = x, algorithm = dqn, config = y, "
                + "reference { low = 1, high = 0, source = s } } ]\n");
        CliTest.Run range = CliTest.rlx("reproduce", bad.toString(), "--results", dir.toString());
        assertEquals(RlxCommand.EXIT_USAGE, range.exitCode());
        assertTrue(range.err().contains("runs[0]") && range.err().contains("low (1.0) must be <= high (0.0)"),
                range.err());
        Path typo = dir.resolve("typo.conf");
        Files.writeString(typo, "benchmark = t\nseeds = 2\nruns = [ { env = x, algorithm = dqn, config = y, "
                + "stpes = 5 } ]\n");
        CliTest.Run key = CliTest.rlx("reproduce", typo.toString(), "--results", dir.toString());
        assertTrue(key.err().contains("unknown key 'stpes'"), key.err());
        CliTest.Run option = CliTest.rlx("reproduce", bad.toString(), "budget=2", "--results", dir.toString());
        assertEquals(RlxCommand.EXIT_USAGE, option.exitCode());
        CliTest.Run seeds = CliTest.rlx("reproduce", typo.toString(), "sedes=3", "--results", dir.toString());
        assertTrue(seeds.err().contains("unknown option 'sedes=3'"), seeds.err());
        assertFalse(Files.exists(dir.resolve("reproduce")), "nothing runs for a bad benchmark");
    }
}
