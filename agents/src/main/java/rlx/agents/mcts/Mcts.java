package rlx.agents.mcts;

import java.util.function.Function;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * UCT (Kocsis and Szepesvari, "Bandit based Monte-Carlo Planning", ECML 2006) for two-player zero-sum games:
 * UCB1 selection, one new child per simulation, a leaf {@link Evaluator}, and backup of each player's value.
 * With {@link MctsConfig#solver()} on, game-theoretic values are backed up as well (MCTS-Solver, Winands,
 * Bjornsson and Saito, "Monte-Carlo Tree Search Solver", CG 2008): a child proven won for the side to move proves
 * its parent, a node whose children are all proven is proven at their best value, proven wins are played first and
 * proven losses never while another move remains. Draws are proven too, since tic-tac-toe and Connect Four end in
 * them. With the solver, a node's first expansion looks for a move that wins on the spot and expands it first, so
 * that proofs need one visit where a random order needs several.
 *
 * <p>Each search builds a fresh tree; {@link MctsTree} keeps it between moves. One instance serves one caller at a
 * time: with {@link MctsConfig#threads()} > 1 it runs its own threads on the shared tree.
 */
public final class Mcts {

    private final TreeSearch search;

    /**
     * One thread ({@link MctsConfig#threads()} must be 1); {@code evaluator} may share {@code rng}, so that one seed
     * fixes the whole search.
     *
     * @param game supplies {@code numDistinctActions}, the length of {@link SearchResult#visitPolicy()}, which a
     *     {@link GameState} does not know
     */
    public Mcts(Game game, MctsConfig config, Evaluator evaluator, Rng rng) {
        this.search = TreeSearch.of(game, config, evaluator, rng);
    }

    private Mcts(TreeSearch search) {
        this.search = search;
    }

    /**
     * Any number of threads, each with its own evaluator made from its own {@link Rng}: thread 0 gets {@code rng}
     * itself, so with one thread this searches exactly as {@code new Mcts(game, config, evaluators.apply(rng), rng)}.
     * For random rollouts, pass {@code RandomRolloutEvaluator::new}. A factory method, not a constructor, as a lambda
     * would fit both.
     */
    public static Mcts perThread(Game game, MctsConfig config, Function<Rng, Evaluator> evaluators, Rng rng) {
        return new Mcts(TreeSearch.of(game, config, evaluators, rng));
    }

    /**
     * Runs one search's budget (see {@link MctsConfig}) from {@code root} on a fresh tree.
     *
     * @throws IllegalArgumentException if {@code root} is terminal
     */
    public SearchResult search(GameState root) {
        return search.search(search.newRoot(root));
    }
}
