package rlx.trainers.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.NetworkFiles;
import rlx.agents.alphazero.PuctConfig;
import rlx.envs.games.TicTacToe;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.pv.PolicyValueConfig;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

class AlphaZeroTrainerTest {

    /** Tic-tac-toe, small enough for a test; the evaluation plays the raw policy (one simulation) against random. */
    static AlphaZeroConfig ticTacToe(int evalSimulations) {
        return new AlphaZeroConfig(
                new PolicyValueConfig(16, 1, 32, OptimizerConfig.adam(2e-3).withL2(1e-4)),
                new PuctConfig(32, 1.5, 1.0, 0.25, 1),
                new AlphaZeroConfig.SelfPlaySettings(64, 64, 3, 50_000, 0),
                new AlphaZeroConfig.LearnerSettings(30_000, 128, 40, 512),
                new AlphaZeroConfig.GateSettings(20, 16, 0.55, 3),
                new AlphaZeroConfig.EvaluationSettings("random", evalSimulations),
                Optional.empty());
    }

    static TrainSettings settings(long positions, long evalInterval, int finalGames) {
        return new TrainSettings("tictactoe", Map.of(), 1, positions, 3, evalInterval, 10, finalGames, 1, 0);
    }

    @Test
    void theTrainedPolicyBeatsRandomPlayWithoutSearch(@TempDir Path dir) throws IOException {
        List<EvalRecord> evals = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEval(EvalRecord eval) {
                evals.add(eval);
            }
        };
        TrainOutcome outcome = new AlphaZeroTrainer(ticTacToe(1), new TicTacToe(), settings(6_000, 0, 200),
                dir.resolve("checkpoints"), listener).run(false);
        // one simulation plays the prior's favourite move: the network alone, no search. The untrained network
        // scored 0.125 here (the same run with training held off by min-positions)
        assertTrue(outcome.finalEval().meanReturn() >= 0.75, "mean result " + outcome.finalEval().meanReturn()
                + " over 200 games against random play");
        assertEquals(200, outcome.finalEval().episodes());
        assertTrue((int) outcome.extra().get("promotions") >= 1, "no network was promoted: " + outcome.extra());
        List<String> lines = Files.readAllLines(dir.resolve(AlphaZeroTrainer.GENERATIONS_CSV));
        assertEquals(String.join(",", GenerationRecord.COLUMNS), lines.get(0));
        assertEquals(outcome.extra().get("generations"), lines.size() - 1);
        // the value head learns the results: its loss falls from the first generation with training to the last
        double firstValueLoss = Double.NaN;
        for (String line : lines.subList(1, lines.size())) {
            double v = Double.parseDouble(line.split(",")[4]);
            if (Double.isNaN(firstValueLoss) && !Double.isNaN(v)) {
                firstValueLoss = v;
            }
        }
        double lastValueLoss = Double.parseDouble(lines.get(lines.size() - 1).split(",")[4]);
        assertTrue(lastValueLoss < firstValueLoss, "value loss " + firstValueLoss + " -> " + lastValueLoss);
        // the best network is where alphazero:run=<dir> looks for it
        PolicyValueNetwork best = NetworkFiles.load(dir, new TicTacToe());
        assertEquals(9, best.numActions());
    }

    @Test
    void aResumedRunContinuesExactlyAsAnUninterruptedOne(@TempDir Path dir) throws IOException {
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        new AlphaZeroTrainer(ticTacToe(1), new TicTacToe(), settings(1_500, 0, 2), straight.resolve("checkpoints"),
                new TrainingListener() { }).run(false);
        // the first session stops after its first generations; the second picks up from its last checkpoint
        new AlphaZeroTrainer(ticTacToe(1), new TicTacToe(), settings(700, 0, 2), resumed.resolve("checkpoints"),
                new TrainingListener() { }).run(false);
        new AlphaZeroTrainer(ticTacToe(1), new TicTacToe(), settings(1_500, 0, 2), resumed.resolve("checkpoints"),
                new TrainingListener() { }).run(true);
        assertEquals(withoutTimes(straight), withoutTimes(resumed));
        assertArrayEquals(NetworkFiles.load(straight, new TicTacToe()).params(),
                NetworkFiles.load(resumed, new TicTacToe()).params());
    }

    /** generations.csv without the columns that measure time. */
    private static List<String> withoutTimes(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(AlphaZeroTrainer.GENERATIONS_CSV))) {
            String[] cells = line.split(",", -1);
            out.add(String.join(",", java.util.Arrays.copyOfRange(cells, 0, 10)));
        }
        return out;
    }

    @Test
    void eloDifferenceFollowsTheLogisticCurveAndStaysFinite() {
        assertEquals(0, GenerationSteps.eloDifference(0.5, 40), 1e-9);
        assertEquals(400 * Math.log10(3), GenerationSteps.eloDifference(0.75, 40), 1e-9);
        assertTrue(Double.isFinite(GenerationSteps.eloDifference(1.0, 40)));
        assertEquals(-GenerationSteps.eloDifference(1.0, 40), GenerationSteps.eloDifference(0.0, 40), 1e-9);
    }
}
