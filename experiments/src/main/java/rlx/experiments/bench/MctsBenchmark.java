package rlx.experiments.bench;

import rlx.agents.mcts.Mcts;
import rlx.agents.mcts.MctsConfig;
import rlx.agents.mcts.PlayoutBenchmark;
import rlx.agents.mcts.RandomRolloutEvaluator;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;

/**
 * Search speed of plain UCT with random rollouts: simulations (select, expand, one random playout, back up) per
 * second from the initial position, by one thread or several on one shared tree, and bare random playouts per
 * second on one thread for comparison.
 */
public final class MctsBenchmark {

    public record Result(String game, int threads, long simulations, double seconds, long rawPlayouts,
                         double rawSeconds) {

        public double simulationsPerSecond() {
            return simulations / seconds;
        }

        public double rawPlayoutsPerSecond() {
            return rawPlayouts / rawSeconds;
        }
    }

    public Result run(Game game, String name, double seconds, long seed, int threads) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds (" + seconds + ") must be > 0");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("--threads (" + threads + ") must be > 0");
        }
        int perSearch = 100_000;
        Mcts mcts = Mcts.perThread(game, MctsConfig.of(perSearch).withThreads(threads), RandomRolloutEvaluator::new,
                new Rng(seed));
        mcts.search(game.newInitialState()); // warm-up
        long simulations = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        do {
            mcts.search(game.newInitialState());
            simulations += perSearch;
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rawSeconds = Math.max(1.0, seconds / 2);
        long raw = PlayoutBenchmark.randomPlayouts(game, seed, rawSeconds);
        return new Result(name, threads, simulations, elapsed, raw, rawSeconds);
    }
}
