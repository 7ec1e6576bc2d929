package rlx.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.PuctConfig;
import rlx.agents.alphazero.SelfPlay;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;
import rlx.networks.pv.PolicyValueNetwork;

/**
 * Where AlphaZero's speed comes from: network evaluations per second for one forward pass of each batch size, and
 * leaf evaluations per second of self-play search with many games sharing each forward pass (no score cache, so
 * every leaf costs a network row).
 */
public final class AlphaZeroBenchmark {

    /** Forward passes of {@code batch} boards: {@code evaluations} boards in {@code seconds}. */
    public record BatchRate(int batch, long evaluations, double seconds) {
        public double perSecond() {
            return evaluations / seconds;
        }
    }

    public record Result(List<BatchRate> forward, int games, long leafEvaluations, double searchSeconds,
                         long positions) {
        public double leafEvaluationsPerSecond() {
            return leafEvaluations / searchSeconds;
        }
    }

    public Result run(Game game, PolicyValueNetwork network, List<Integer> batches, int games, int simulations,
                      double seconds, long seed) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds (" + seconds + ") must be > 0");
        }
        Rng rng = new Rng(seed);
        List<BatchRate> rates = new ArrayList<>();
        int obs = game.observationSize();
        for (int b : batches) {
            if (b <= 0) {
                throw new IllegalArgumentException("--batches: " + b + " is not a batch size > 0");
            }
            float[] boards = randomBoards(game, b, rng);
            float[] policy = new float[b * game.numDistinctActions()];
            float[] values = new float[b];
            network.evaluate(boards, b, policy, values); // warm-up
            long n = 0;
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            do {
                network.evaluate(boards, b, policy, values);
                n += b;
            } while (System.nanoTime() < deadline);
            rates.add(new BatchRate(b, n, (System.nanoTime() - start) / 1e9));
            assert boards.length == b * obs;
        }
        BatchedSearch search = new BatchedSearch(game, 0);
        PuctConfig config = new PuctConfig(simulations, 1.5, 1.0, 0.25, 1);
        SelfPlay selfPlay = new SelfPlay(game, config, games, 12, rng, search);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long positions = 0;
        do {
            positions += selfPlay.play(games, network::evaluate).stream().mapToInt(g -> g.length()).sum();
        } while (System.nanoTime() < deadline);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(rates, games, search.evaluations(), elapsed, positions);
    }

    /** Boards of random legal positions, so that the network sees realistic inputs. */
    private static float[] randomBoards(Game game, int n, Rng rng) {
        int obs = game.observationSize();
        float[] boards = new float[n * obs];
        for (int i = 0; i < n; i++) {
            GameState s = game.newInitialState();
            int plies = rng.nextInt(game.maxGameLength() / 2 + 1);
            for (int k = 0; k < plies && !s.isTerminal(); k++) {
                int[] legal = s.legalActions();
                GameState next = s.child(legal[rng.nextInt(legal.length)]);
                if (next.isTerminal()) {
                    break;
                }
                s = next;
            }
            s.observationTensor(boards, i * obs);
        }
        return boards;
    }
}
