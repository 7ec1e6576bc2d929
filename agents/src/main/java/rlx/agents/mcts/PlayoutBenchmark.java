package rlx.agents.mcts;

import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * Throughput of the uniformly random playouts that {@link RandomRolloutEvaluator} runs for UCT (Kocsis and
 * Szepesvari 2006), for the CLI to report a game's raw speed apart from the tree.
 */
public final class PlayoutBenchmark {

    private PlayoutBenchmark() {}

    /**
     * Plays random games from the initial state of {@code game} for about {@code seconds} of wall time.
     *
     * @return the number of complete playouts
     * @throws IllegalArgumentException if {@code seconds} is not positive and finite
     */
    public static long randomPlayouts(Game game, long seed, double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and > 0, got " + seconds);
        }
        Rng rng = new Rng(seed);
        RandomRolloutEvaluator rollout = new RandomRolloutEvaluator(rng);
        GameState start = game.newInitialState();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long playouts = 0;
        do {
            rollout.evaluate(start);
            playouts++;
        } while (System.nanoTime() < deadline);
        return playouts;
    }
}
