package rlx.experiments.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every config in {@code experiments/configs} binds and validates: a shipped config never rots. */
class ShippedConfigsTest {

    @Test
    void everyShippedConfigPlans() throws Exception {
        Path dir = Path.of("configs");
        List<Path> configs;
        try (Stream<Path> files = Files.list(dir)) {
            configs = files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(configs.size() >= 15, configs.toString());
        ExperimentRunner runner = new ExperimentRunner(Path.of("target/never-written"), false,
                new PrintWriter(new StringWriter()));
        for (Path config : configs) {
            assertDoesNotThrow(() -> runner.plan(config, List.of()), config.toString());
        }
    }

    @Test
    void everyShippedBenchmarkLoadsAndNamesConfigsThatPlan() {
        Path home = Path.of("..");
        List<String> names = rlx.experiments.reproduce.Benchmark.known(home);
        assertTrue(names.containsAll(List.of("classic-control", "minatar")), names.toString());
        ExperimentRunner runner = new ExperimentRunner(Path.of("target/never-written"), false,
                new PrintWriter(new StringWriter()));
        for (String name : names) {
            var benchmark = rlx.experiments.reproduce.Benchmark.load(home, name);
            for (var run : benchmark.runs()) {
                var plan = runner.plan(home.resolve(run.config()), List.of());
                assertTrue(plan.experiment().env().id().equals(run.env()), name + ": " + run.config()
                        + " trains on " + plan.experiment().env().id() + ", the benchmark says " + run.env());
                assertTrue(plan.algorithm().name().equals(run.algorithm()), name + ": " + run.config());
            }
        }
    }
}
