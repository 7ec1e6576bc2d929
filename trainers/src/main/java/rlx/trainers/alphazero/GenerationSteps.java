package rlx.trainers.alphazero;

import java.util.ArrayList;
import java.util.List;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.BatchEvaluator;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.ReplayWindow;
import rlx.agents.play.ArenaResult;
import rlx.agents.play.BatchedMatch;
import rlx.agents.play.Contestant;
import rlx.agents.play.PlayerSpec;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.games.Game;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.EvalRecord;

/**
 * The learner's and the evaluator's work in one generation, shared by the one-thread loop and the actors: train on
 * the window, gate the trained network against the best, play the evaluation opponent.
 */
final class GenerationSteps {

    private final AlphaZeroConfig config;
    private final Game game;
    private final PlayerSpec opponent;
    private final long seed;

    GenerationSteps(AlphaZeroConfig config, Game game, long seed) {
        this.config = config;
        this.game = game;
        this.opponent = PlayerSpec.parse(config.evaluation().opponent());
        this.seed = seed;
    }

    /**
     * {@code training.steps-per-generation} gradient steps on minibatches drawn from the window, then the losses on
     * one more; NaN losses (and no training) while the window holds fewer than {@code training.min-positions}.
     */
    PolicyValueNetwork.Losses train(PolicyValueNetwork learner, ReplayWindow window, Rng rng) {
        int n = config.training().batchSize();
        if (window.size() < Math.max(n, config.training().minPositions())) {
            return new PolicyValueNetwork.Losses(Double.NaN, Double.NaN, Double.NaN);
        }
        float[] boards = new float[n * game.observationSize()];
        float[] policy = new float[n * game.numDistinctActions()];
        float[] value = new float[n];
        for (int step = 0; step < config.training().stepsPerGeneration(); step++) {
            window.sample(n, rng, boards, policy, value);
            learner.fit(boards, policy, value, n);
        }
        window.sample(n, rng, boards, policy, value);
        return learner.measure(boards, policy, value, n);
    }

    /** The candidate (A) against the best (B): {@code gate.games} games without noise, colours alternating. */
    ArenaResult gate(BatchEvaluator candidate, BatchedSearch candidateSearch, BatchEvaluator best,
                     BatchedSearch bestSearch, Rng rng) {
        var search = config.search().withoutNoise().withSimulations(config.gate().simulations());
        return BatchedMatch.play(game, new Contestant.Searching(candidate, search, candidateSearch),
                new Contestant.Searching(best, search, bestSearch), config.gate().games(),
                config.gate().samplingPlies(), rng, r -> { });
    }

    boolean promotes(ArenaResult gate) {
        return gate.score() >= config.gate().threshold();
    }

    /**
     * {@code network} against the evaluation opponent over {@code games} games; the mean return is its mean result
     * (+1 win, 0 draw, -1 loss).
     */
    EvalRecord evaluate(BatchEvaluator network, BatchedSearch search, int games, long positions, int generation,
                        boolean isFinal, Rng rng) {
        var puct = config.search().withoutNoise().withSimulations(config.evaluation().simulations());
        long opponentSeed = Seeds.derive(Seeds.derive(seed, "opponent"), generation);
        List<Double> results = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        BatchedMatch.play(game, new Contestant.Searching(network, puct, search),
                new Contestant.Playing(i -> opponent.create(game, Seeds.derive(opponentSeed, i))), games, 0, rng,
                r -> {
                    results.add(2 * r.outcome().aScore() - 1);
                    lengths.add(r.moves());
                });
        double mean = results.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = results.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0);
        return new EvalRecord(positions, games, mean, Math.sqrt(var),
                lengths.stream().mapToInt(Integer::intValue).average().orElse(0), isFinal);
    }

    /** Elo difference implied by a score over {@code games} games, kept finite at a clean sweep. */
    static double eloDifference(double score, int games) {
        double s = Math.min(Math.max(score, 0.5 / games), 1 - 0.5 / games);
        return 400 * Math.log10(s / (1 - s));
    }
}
