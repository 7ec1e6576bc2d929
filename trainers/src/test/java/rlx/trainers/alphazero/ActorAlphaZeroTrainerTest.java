package rlx.trainers.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.NetworkFiles;
import rlx.envs.games.TicTacToe;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainingListener;

class ActorAlphaZeroTrainerTest {

    /** Two self-play actors and no score cache, so that a replayed chunk is played exactly as the lost one. */
    private static AlphaZeroConfig actors(int workers, int cacheSize) {
        AlphaZeroConfig c = AlphaZeroTrainerTest.ticTacToe(1);
        return new AlphaZeroConfig(c.network(), c.search(), new AlphaZeroConfig.SelfPlaySettings(64, 64, 3, cacheSize,
                workers), c.training(), c.gate(), c.evaluation(), c.warmStart());
    }

    @Test
    void actorsTrainAPolicyThatBeatsRandomPlay(@TempDir Path dir) throws IOException {
        TrainOutcome outcome = new ActorAlphaZeroTrainer(actors(1, 50_000), new TicTacToe(),
                AlphaZeroTrainerTest.settings(8_000, 0, 200), dir.resolve("checkpoints"), new TrainingListener() { })
                .run(false);
        assertTrue(outcome.finalEval().meanReturn() >= 0.75, "mean result " + outcome.finalEval().meanReturn()
                + " over 200 games against random play (the untrained network: 0.125)");
        assertTrue(outcome.envSteps() >= 8_000);
        List<String> lines = Files.readAllLines(dir.resolve(AlphaZeroTrainer.GENERATIONS_CSV));
        assertEquals(outcome.extra().get("generations"), lines.size() - 1);
        NetworkFiles.load(dir, new TicTacToe());
    }

    @Test
    void aSelfPlayActorThatDiesLosesNoGames(@TempDir Path dir) throws IOException {
        AtomicInteger failures = new AtomicInteger();
        List<Long> lengths = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpisode(EpisodeRecord e) {
                lengths.add((long) e.episodeLength());
            }
        };
        // actor 1 dies twice: on its first chunk of generation 2 and again on its first of generation 3
        new ActorAlphaZeroTrainer(actors(2, 0), new TicTacToe(), AlphaZeroTrainerTest.settings(2_000, 0, 2),
                dir.resolve("faulty/checkpoints"), listener)
                .withFaults((worker, incarnation, generation, chunk) -> {
                    if (worker == 1 && (generation == 2 && incarnation == 0 || generation == 3 && incarnation == 1)) {
                        failures.incrementAndGet();
                        throw new IllegalStateException("injected self-play failure");
                    }
                })
                .run(false);
        assertEquals(2, failures.get());
        new ActorAlphaZeroTrainer(actors(2, 0), new TicTacToe(), AlphaZeroTrainerTest.settings(2_000, 0, 2),
                dir.resolve("clean/checkpoints"), new TrainingListener() { }).run(false);
        // every generation got all its games, and the same ones as without failures
        List<String> faulty = withoutTimes(dir.resolve("faulty"));
        assertEquals(withoutTimes(dir.resolve("clean")), faulty);
        for (String line : faulty.subList(1, faulty.size())) {
            String[] cells = line.split(",");
            assertEquals(0, Long.parseLong(cells[2]) % 64, "games after generation " + cells[0] + ": " + cells[2]);
        }
        assertEquals(lengths.size(), Long.parseLong(faulty.get(faulty.size() - 1).split(",")[2]));
        assertArrayEquals(NetworkFiles.load(dir.resolve("clean"), new TicTacToe()).params(),
                NetworkFiles.load(dir.resolve("faulty"), new TicTacToe()).params());
    }

    @Test
    void aResumedActorRunContinuesExactlyAsAnUninterruptedOne(@TempDir Path dir) throws IOException {
        new ActorAlphaZeroTrainer(actors(1, 0), new TicTacToe(), AlphaZeroTrainerTest.settings(1_500, 0, 2),
                dir.resolve("straight/checkpoints"), new TrainingListener() { }).run(false);
        new ActorAlphaZeroTrainer(actors(1, 0), new TicTacToe(), AlphaZeroTrainerTest.settings(700, 0, 2),
                dir.resolve("resumed/checkpoints"), new TrainingListener() { }).run(false);
        new ActorAlphaZeroTrainer(actors(1, 0), new TicTacToe(), AlphaZeroTrainerTest.settings(1_500, 0, 2),
                dir.resolve("resumed/checkpoints"), new TrainingListener() { }).run(true);
        assertEquals(withoutTimes(dir.resolve("straight")), withoutTimes(dir.resolve("resumed")));
    }

    private static List<String> withoutTimes(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(AlphaZeroTrainer.GENERATIONS_CSV))) {
            out.add(String.join(",", java.util.Arrays.copyOfRange(line.split(",", -1), 0, 10)));
        }
        return out;
    }
}
