package rlx.trainers.alphazero;

import java.util.List;

/**
 * One generation's line in {@code generations.csv}.
 *
 * @param positions self-play positions so far (the run's env steps)
 * @param policyLoss cross-entropy of the trained network's policy against the search's visit distribution, on a
 *     sample of the window after training
 * @param valueLoss mean squared error of its value against the game results, on the same sample
 * @param policyEntropy mean entropy of its policy there
 * @param gateScore the trained network's score against the best one, draws counting half
 * @param promoted whether the trained network became the best
 * @param elo the trained network's Elo rating, chained from the first network's 0 through the gate results
 * @param evalScore the best network's score against the evaluation opponent, NaN when not evaluated this generation
 */
public record GenerationRecord(int generation, long positions, long games, double policyLoss, double valueLoss,
                               double policyEntropy, double gateScore, boolean promoted, double elo,
                               double evalScore, double selfPlaySeconds, double trainSeconds, double gateSeconds,
                               double evalsPerSecond) {

    public static final List<String> COLUMNS = List.of("generation", "positions", "games", "policy_loss",
            "value_loss", "policy_entropy", "gate_score", "promoted", "elo", "eval_score", "self_play_seconds",
            "train_seconds", "gate_seconds", "evals_per_second");

    String csvRow() {
        return String.join(",", String.valueOf(generation), String.valueOf(positions), String.valueOf(games),
                num(policyLoss), num(valueLoss), num(policyEntropy), num(gateScore), String.valueOf(promoted),
                num(elo), Double.isNaN(evalScore) ? "" : num(evalScore), num(selfPlaySeconds), num(trainSeconds),
                num(gateSeconds), num(evalsPerSecond));
    }

    private static String num(double x) {
        return String.format(java.util.Locale.ROOT, "%.5g", x);
    }
}
