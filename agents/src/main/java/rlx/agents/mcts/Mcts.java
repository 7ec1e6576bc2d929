package rlx.agents.mcts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * UCT (Kocsis and Szepesvari, "Bandit based Monte-Carlo Planning", ECML 2006) for two-player zero-sum games:
 * UCB1 selection, one new child per simulation, a leaf {@link Evaluator}, and backup of each player's value.
 * With {@link MctsConfig#solver()} on, game-theoretic values are backed up as well (MCTS-Solver, Winands,
 * Bjornsson and Saito, "Monte-Carlo Tree Search Solver", CG 2008): a child proven won for the side to move proves
 * its parent, a node whose children are all proven is proven at their best value, and proven wins are played
 * first. Draws are proven too, since tic-tac-toe and Connect Four end in them.
 *
 * <p>Each search builds a fresh tree. Not thread-safe: one instance per thread, as the {@link Rng} is shared with
 * the evaluator.
 */
public final class Mcts {

    private final int numDistinctActions;
    private final MctsConfig config;
    private final Evaluator evaluator;
    private final Rng rng;

    /**
     * @param game supplies {@code numDistinctActions}, the length of {@link SearchResult#visitPolicy()}, which a
     *     {@link GameState} does not know
     */
    public Mcts(Game game, MctsConfig config, Evaluator evaluator, Rng rng) {
        this.numDistinctActions = game.numDistinctActions();
        this.config = Objects.requireNonNull(config, "config");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    /**
     * Runs {@link MctsConfig#simulations()} simulations from {@code root}, or fewer once the solver has proven the
     * root.
     *
     * @throws IllegalArgumentException if {@code root} is terminal
     */
    public SearchResult search(GameState root) {
        if (root.isTerminal()) {
            throw new IllegalArgumentException("cannot search a terminal state: " + root.history());
        }
        Node rootNode = new Node(root, -1, numDistinctActions);
        List<Node> path = new ArrayList<>();
        for (int sim = 0; sim < config.simulations(); sim++) {
            if (config.solver() && rootNode.proven) {
                break;
            }
            simulate(rootNode, path);
        }
        return result(rootNode, root.currentPlayer());
    }

    private void simulate(Node rootNode, List<Node> path) {
        path.clear();
        Node node = rootNode;
        path.add(node);
        while (!node.state.isTerminal() && !(config.solver() && node.proven)) {
            if (node.untriedCount > 0) {
                int a = node.takeUntried(rng);
                Node child = new Node(node.state.child(a), node.state.currentPlayer(), numDistinctActions);
                node.children[a] = child;
                path.add(child);
                node = child;
                break;
            }
            node = select(node);
            path.add(node);
        }
        Node leaf = node;
        double[] values;
        if (leaf.proven) {
            // A proven value is exact: no need to spend an evaluation on it.
            values = new double[2];
            values[leaf.mover] = leaf.provenValue;
            values[1 - leaf.mover] = -leaf.provenValue;
        } else {
            values = evaluator.evaluate(leaf.state);
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            Node n = path.get(i);
            n.visits++;
            if (n.mover >= 0) {
                n.valueSum += values[n.mover];
            }
            if (config.solver() && !n.proven && i < path.size() - 1) {
                prove(n);
            }
        }
    }

    /** UCB1 over the children; proven losses for the side to move are skipped while anything else remains. */
    private Node select(Node node) {
        double logN = Math.log(node.visits);
        Node best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Node fallback = null;
        for (Node child : node.children) {
            if (child == null) {
                continue;
            }
            if (config.solver() && child.proven && child.provenValue < 0) {
                fallback = child;
                continue;
            }
            double q = config.solver() && child.proven ? child.provenValue : child.valueSum / child.visits;
            double score = q + config.explorationConstant() * Math.sqrt(logN / child.visits);
            if (score > bestScore) {
                bestScore = score;
                best = child;
            }
        }
        return best != null ? best : fallback;
    }

    /** MCTS-Solver's backup rule, with draws, from the perspective of {@code node}'s mover. */
    private static void prove(Node node) {
        double best = Double.NEGATIVE_INFINITY;
        boolean allProven = node.untriedCount == 0;
        for (Node child : node.children) {
            if (child == null) {
                continue;
            }
            if (child.proven) {
                if (child.provenValue > 0) {
                    node.proven = true;
                    node.provenValue = -1;
                    return;
                }
                best = Math.max(best, child.provenValue);
            } else {
                allProven = false;
            }
        }
        if (allProven) {
            node.proven = true;
            node.provenValue = 0.0 - best; // not -best: a proven draw must read 0.0, not -0.0
        }
    }

    private SearchResult result(Node rootNode, int rootPlayer) {
        double[] policy = new double[numDistinctActions];
        int total = 0;
        int bestAction = -1;
        int bestVisits = -1;
        int provenWin = -1;
        int bestNonLosing = -1;
        int bestNonLosingVisits = -1;
        double valueSum = 0;
        for (int a = 0; a < rootNode.children.length; a++) {
            Node child = rootNode.children[a];
            if (child == null) {
                continue;
            }
            policy[a] = child.visits;
            total += child.visits;
            valueSum += child.valueSum;
            if (child.visits > bestVisits) {
                bestVisits = child.visits;
                bestAction = a;
            }
            if (config.solver() && child.proven && child.provenValue > 0 && provenWin < 0) {
                provenWin = a;
            }
            boolean losing = config.solver() && child.proven && child.provenValue < 0;
            if (!losing && child.visits > bestNonLosingVisits) {
                bestNonLosingVisits = child.visits;
                bestNonLosing = a;
            }
        }
        for (int a = 0; a < policy.length; a++) {
            policy[a] /= total;
        }
        if (provenWin >= 0) {
            bestAction = provenWin;
        } else if (bestNonLosing >= 0) {
            bestAction = bestNonLosing;
        }
        double rootValue = config.solver() && rootNode.proven ? 0.0 - rootNode.provenValue : valueSum / total;
        return new SearchResult(bestAction, policy, rootValue);
    }

    private static final class Node {
        final GameState state;
        /** The player who moved into this node, whose perspective {@link #valueSum} takes; -1 at the root. */
        final int mover;
        final Node[] children;
        /** Legal actions not yet expanded: the first {@link #untriedCount} entries, in no particular order. */
        final int[] untried;
        int untriedCount;
        int visits;
        double valueSum;
        boolean proven;
        /** The game-theoretic value for {@link #mover} when {@link #proven}. */
        double provenValue;

        /** Removes and returns a uniformly random untried action. */
        int takeUntried(Rng rng) {
            int k = rng.nextInt(untriedCount);
            int a = untried[k];
            untried[k] = untried[--untriedCount];
            untried[untriedCount] = a;
            return a;
        }

        Node(GameState state, int mover, int numDistinctActions) {
            this.state = state;
            this.children = new Node[numDistinctActions];
            this.mover = mover;
            this.untried = state.isTerminal() ? new int[0] : state.legalActions();
            this.untriedCount = untried.length;
            if (state.isTerminal()) {
                proven = true;
                provenValue = mover >= 0 ? state.returns()[mover] : 0;
            }
        }
    }
}
