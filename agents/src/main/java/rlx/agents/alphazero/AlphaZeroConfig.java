package rlx.agents.alphazero;

import java.util.Optional;
import rlx.networks.pv.PolicyValueConfig;

/**
 * Everything that defines AlphaZero training (Silver et al., Science 2018) with AlphaGo Zero's evaluator gate
 * (Silver et al., Nature 2017): the network, the search, self-play, the learner, the gate and the outside opponent
 * that measures progress.
 *
 * @param warmStart a trained network (a run directory, a network directory or file) whose weights a fresh run starts
 *     from instead of random ones, with the configured optimizer; empty: random weights
 */
public record AlphaZeroConfig(PolicyValueConfig network, PuctConfig search, SelfPlaySettings selfPlay,
                              LearnerSettings training, GateSettings gate, EvaluationSettings evaluation,
                              Optional<String> warmStart) {

    public AlphaZeroConfig {
        requirePresent("network", network);
        requirePresent("search", search);
        requirePresent("self-play", selfPlay);
        requirePresent("training", training);
        requirePresent("gate", gate);
        requirePresent("evaluation", evaluation);
        requirePresent("warm-start", warmStart);
    }

    /**
     * @param gamesPerGeneration self-play games between two training phases
     * @param concurrentGames games played at once, whose leaves share each network call
     * @param temperatureMoves plies from the start in which moves are drawn in proportion to visits
     * @param cacheSize positions whose network scores are kept (0: none)
     * @param workers self-play actors, each with its own copy of the network, beside a learner actor and an
     *     evaluator actor; 0 runs the whole loop in one thread instead, generation after generation
     * @param qTargetWeight weight of the search's root value q in each position's value target, against the game's
     *     result z: 0 is AlphaZero's target z; 0.5 averages them, which lowers the target's variance where one late
     *     blunder decides a game (Connect Four experiments of Prasad et al., "Lessons from AlphaZero", 2019)
     */
    public record SelfPlaySettings(int gamesPerGeneration, int concurrentGames, int temperatureMoves, int cacheSize,
                                   int workers, double qTargetWeight) {
        public SelfPlaySettings {
            if (!(qTargetWeight >= 0 && qTargetWeight <= 1)) {
                throw new IllegalArgumentException("self-play.q-target-weight (" + qTargetWeight
                        + ") must be in [0, 1]");
            }
            nonNegative("self-play.workers", workers);
            positive("self-play.games-per-generation", gamesPerGeneration);
            positive("self-play.concurrent-games", concurrentGames);
            nonNegative("self-play.temperature-moves", temperatureMoves);
            nonNegative("self-play.cache-size", cacheSize);
        }

        /** AlphaZero's value target, the game's result. */
        public SelfPlaySettings(int gamesPerGeneration, int concurrentGames, int temperatureMoves, int cacheSize,
                                int workers) {
            this(gamesPerGeneration, concurrentGames, temperatureMoves, cacheSize, workers, 0);
        }
    }

    /**
     * @param window positions kept for training (each symmetry of a position counts)
     * @param batchSize positions per gradient step
     * @param stepsPerGeneration gradient steps after each generation's self-play
     * @param minPositions positions the window must hold before the first gradient step
     */
    public record LearnerSettings(int window, int batchSize, int stepsPerGeneration, int minPositions) {
        public LearnerSettings {
            positive("training.window", window);
            positive("training.batch-size", batchSize);
            positive("training.steps-per-generation", stepsPerGeneration);
            nonNegative("training.min-positions", minPositions);
            if (batchSize > window) {
                throw new IllegalArgumentException("training.batch-size (" + batchSize
                        + ") must be <= training.window ("
                        + window + ")");
            }
        }
    }

    /**
     * @param games games between the newly trained network and the best one, colours alternating
     * @param simulations search budget per move in those games
     * @param threshold score the new network needs to replace the best (AlphaGo Zero: 0.55)
     * @param samplingPlies opening plies drawn in proportion to visits, so that the games differ
     */
    public record GateSettings(int games, int simulations, double threshold, int samplingPlies) {
        public GateSettings {
            positive("gate.games", games);
            positive("gate.simulations", simulations);
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("gate.threshold (" + threshold + ") must be in [0, 1]");
            }
            nonNegative("gate.sampling-plies", samplingPlies);
        }
    }

    /**
     * @param opponent an agent spec (e.g. {@code mcts:sims=800}) the best network plays at each evaluation
     * @param simulations the network's search budget per move in those games
     */
    public record EvaluationSettings(String opponent, int simulations) {
        public EvaluationSettings {
            if (opponent == null || opponent.isBlank()) {
                throw new IllegalArgumentException("evaluation.opponent must name an agent, e.g. mcts:sims=800");
            }
            positive("evaluation.simulations", simulations);
        }
    }

    private static void requirePresent(String key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " (" + value + ") must be > 0");
        }
    }

    private static void nonNegative(String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(key + " (" + value + ") must be >= 0");
        }
    }
}
