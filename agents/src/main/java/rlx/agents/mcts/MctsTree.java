package rlx.agents.mcts;

import java.util.function.Function;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/**
 * The search of {@link Mcts} with its tree kept between moves: the subtree below the moves actually played keeps
 * its visits, values and proofs, and each search adds its budget of new simulations to it. A player either tells
 * the tree the moves with {@link #advance}, or just asks for {@link #search} of the new state, which finds the
 * matching node itself. The rest of the old tree is dropped.
 *
 * <p>One instance serves one game, one caller at a time.
 */
public final class MctsTree {

    private final TreeSearch search;
    private Node root;

    /** One thread, as {@link Mcts#Mcts(Game, MctsConfig, Evaluator, Rng)}. */
    public MctsTree(Game game, MctsConfig config, Evaluator evaluator, Rng rng) {
        this.search = TreeSearch.of(game, config, evaluator, rng);
    }

    private MctsTree(TreeSearch search) {
        this.search = search;
    }

    /** Any number of threads, as {@link Mcts#perThread}. */
    public static MctsTree perThread(Game game, MctsConfig config, Function<Rng, Evaluator> evaluators, Rng rng) {
        return new MctsTree(TreeSearch.of(game, config, evaluators, rng));
    }

    /**
     * Searches {@code state} with one budget of new simulations, reusing the node of {@code state} if the tree has
     * it (the root, or a descendant reached by the same moves), else starting a fresh tree.
     *
     * @throws IllegalArgumentException if {@code state} is terminal
     */
    public SearchResult search(GameState state) {
        if (state.isTerminal()) {
            throw new IllegalArgumentException("cannot search a terminal state: " + state.history());
        }
        Node found = root == null ? null : find(root, state, state.moveCount() - root.state.moveCount());
        root = found != null ? found : search.newRoot(state);
        try {
            return search.search(root);
        } catch (RuntimeException | Error e) {
            // a simulation cut short leaves its virtual losses and half a backup in the tree: never reuse it
            root = null;
            throw e;
        }
    }

    /**
     * Re-roots the tree at the child reached by {@code action}, the move just played by either side; a fresh root
     * if the tree never expanded it.
     *
     * @throws IllegalStateException if nothing was searched yet
     * @throws IllegalArgumentException if {@code action} is not legal at the root
     */
    public void advance(int action) {
        if (root == null) {
            throw new IllegalStateException("advance before any search: there is no tree");
        }
        if (!root.state.isLegal(action)) {
            throw new IllegalArgumentException("action " + action + " is not legal at the root "
                    + root.state.history());
        }
        Node child = root.child(action);
        root = child != null ? child : search.newChild(root, action);
    }

    /**
     * Visits of the node reached from the root by {@code actions}, 0 if the tree does not have it; the root's own
     * with no actions.
     */
    public int visits(int... actions) {
        Node node = root;
        for (int a : actions) {
            if (node == null) {
                return 0;
            }
            node = a >= 0 && a < node.childSlots() ? node.child(a) : null;
        }
        return node == null ? 0 : node.visits();
    }

    /** The root's position, or null before the first search. */
    public GameState rootState() {
        return root == null ? null : root.state;
    }

    /** For tests, which check the tree's invariants. */
    Node rootNode() {
        return root;
    }

    /** The node {@code depth} moves below {@code node} whose position and history are those of {@code state}. */
    private static Node find(Node node, GameState state, int depth) {
        if (depth < 0) {
            return null;
        }
        if (depth == 0) {
            // the hash first, a cheap filter; the history, as equal positions can differ in it (Go's superko)
            return node.state.hash() == state.hash() && node.state.equals(state)
                    && node.state.history().equals(state.history()) ? node : null;
        }
        for (int a = 0; a < node.childSlots(); a++) {
            Node child = node.child(a);
            if (child != null) {
                Node found = find(child, state, depth - 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
