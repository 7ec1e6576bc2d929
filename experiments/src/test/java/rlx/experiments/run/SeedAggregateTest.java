package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedAggregateTest {

    @TempDir
    Path dir;

    private static Summary run(String experiment, long seed, double meanReturn) {
        return new Summary(experiment, "dqn", "CartPole-v1", seed, 1000, 1, 1000, new EvalSummary(10, meanReturn, 1));
    }

    private static List<Summary> oneToFive() {
        return IntStream.rangeClosed(1, 5).mapToObj(i -> run("e", i, i)).toList();
    }

    @Test
    void meanStdAndStudentTIntervalMatchAHandComputation() {
        SeedAggregate a = SeedAggregate.of(oneToFive());
        assertEquals(5, a.n());
        assertEquals(3.0, a.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), a.std(), 1e-12, "sample std: squares 4+1+0+1+4 over n-1 = 4");
        // t_{0.975, 4} = 2.7764451051977987
        double half = 2.7764451051977987 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(half, a.halfWidth(), 1e-9);
        assertEquals(3 - half, a.ciLow(), 1e-9);
        assertEquals(3 + half, a.ciHigh(), 1e-9);
        assertEquals(1.0368, a.ciLow(), 1e-4);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), a.seeds());
    }

    @Test
    void theLineIsKeyValueWithThreeDecimals() {
        assertEquals("aggregate experiment=e n=5 mean_return=3.000 std=1.581 ci95_low=1.037 ci95_high=4.963",
                SeedAggregate.of(oneToFive()).line());
    }

    @Test
    void oneSeedHasAMeanButNoSpreadOrInterval() {
        SeedAggregate a = SeedAggregate.of(List.of(run("e", 7, 480)));
        assertEquals(480, a.mean());
        assertTrue(Double.isNaN(a.std()));
        assertTrue(Double.isNaN(a.ciLow()) && Double.isNaN(a.ciHigh()));
        assertEquals("aggregate experiment=e n=1 mean_return=480.000 std=nan ci95_low=nan ci95_high=nan", a.line());
    }

    @Test
    void writesAggregateJsonInTheExperimentDirectory() throws IOException {
        Path file = SeedAggregate.of(oneToFive()).write(dir);
        assertEquals(dir.resolve("aggregate.json"), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals("e", root.get("experiment").asText());
        assertEquals(5, root.get("n").asInt());
        assertEquals(3.0, root.get("mean_return").asDouble(), 1e-12);
        assertEquals(Math.sqrt(2.5), root.get("std_return").asDouble(), 1e-12);
        assertEquals(1.0368, root.get("ci_low").asDouble(), 1e-4);
        assertEquals(4.9632, root.get("ci_high").asDouble(), 1e-4);
        assertEquals(0.95, root.get("confidence").asDouble());
        assertEquals(5, root.get("seeds").size());

        Path single = dir.resolve("single");
        java.nio.file.Files.createDirectories(single);
        JsonNode one = new ObjectMapper().readTree(SeedAggregate.of(List.of(run("e", 1, 2))).write(single).toFile());
        assertTrue(one.get("ci_low").isNull() && one.get("std_return").isNull());
    }

    @Test
    void refusesMixedExperimentsMissingEvalsAndNothing() {
        assertThrows(IllegalArgumentException.class, () -> SeedAggregate.of(List.of(run("a", 1, 1), run("b", 2, 2))));
        Summary noEval = new Summary("e", "dqn", "x", 2, 0, 0, 0, null);
        assertThrows(IllegalArgumentException.class, () -> SeedAggregate.of(List.of(run("e", 1, 1), noEval)));
        assertThrows(IllegalArgumentException.class, () -> SeedAggregate.of(List.of()));
    }
}
