package rlx.agents.alphazero;

import java.util.ArrayList;
import java.util.List;
import rlx.envs.core.Rng;
import rlx.envs.games.GameState;

/**
 * One game's search tree. {@link #descend()} walks from the root to a leaf by PUCT, marking the path with a virtual
 * loss so that the next descent before the leaf is scored goes elsewhere; {@link #complete} expands the leaf with the
 * evaluator's priors and backs its value up the path. {@link BatchedSearch} drives many trees so that one
 * evaluator call scores the leaves of all of them.
 */
final class PuctTree {

    /** A descent waiting for its leaf's evaluation. */
    record Leaf(PuctTree tree, PuctNode node, int[] pathIndices, PuctNode[] pathNodes) {
    }

    private final PuctConfig config;
    private final Rng rng;
    private PuctNode root;
    private int simulationsThisMove;
    private int inFlight;
    private boolean rootNoised;

    PuctTree(GameState state, PuctConfig config, Rng rng) {
        if (state.isTerminal()) {
            throw new IllegalArgumentException("cannot search a terminal state: " + state.history());
        }
        this.config = config;
        this.rng = rng;
        this.root = new PuctNode(state);
    }

    GameState rootState() {
        return root.state;
    }

    /** Whether this move's simulations (finished or in flight) have reached the budget. */
    boolean budgetReached() {
        return simulationsThisMove + inFlight >= config.simulations();
    }

    boolean finished() {
        return simulationsThisMove >= config.simulations() && inFlight == 0;
    }

    /**
     * Walks to a leaf. A terminal leaf is backed up at once and null returned, as is a collision with a leaf already
     * in flight (the descent is undone); otherwise the leaf, now pending, is returned for evaluation.
     */
    Leaf descend() {
        List<PuctNode> nodes = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        PuctNode node = root;
        while (node.isExpanded() && !node.state.isTerminal()) {
            int i = select(node);
            nodes.add(node);
            indices.add(i);
            // virtual loss: count the visit now and score it as a loss until the real value arrives
            node.visits[i]++;
            node.valueSum[i] -= 1;
            node.visitCount++;
            node = node.child(i);
        }
        PuctNode[] pathNodes = nodes.toArray(new PuctNode[0]);
        int[] pathIndices = indices.stream().mapToInt(Integer::intValue).toArray();
        if (node.state.isTerminal()) {
            double[] returns = node.state.returns();
            backup(pathNodes, pathIndices, p -> returns[p]);
            simulationsThisMove++;
            return null;
        }
        if (node.pending) {
            for (int k = 0; k < pathNodes.length; k++) {
                pathNodes[k].visits[pathIndices[k]]--;
                pathNodes[k].valueSum[pathIndices[k]] += 1;
                pathNodes[k].visitCount--;
            }
            return null;
        }
        node.pending = true;
        inFlight++;
        return new Leaf(this, node, pathIndices, pathNodes);
    }

    /** Expands {@code leaf} with {@code policy[offset ..]} (over all actions) and backs up {@code value}. */
    void complete(Leaf leaf, float[] policy, int offset, float value) {
        PuctNode node = leaf.node();
        node.pending = false;
        if (!node.isExpanded()) {
            int[] legal = node.state.legalActions();
            float[] priors = new float[legal.length];
            double sum = 0;
            for (int i = 0; i < legal.length; i++) {
                priors[i] = policy[offset + legal[i]];
                sum += priors[i];
            }
            for (int i = 0; i < legal.length; i++) {
                // renormalise over the legal moves; a network that put no mass on them gives uniform priors
                priors[i] = sum > 1e-12 ? (float) (priors[i] / sum) : 1f / legal.length;
            }
            node.expand(legal, priors);
            if (node == root) {
                noiseRoot();
            }
        }
        int leafPlayer = node.player;
        backup(leaf.pathNodes(), leaf.pathIndices(), p -> p == leafPlayer ? value : -value);
        inFlight--;
        if (leaf.pathNodes().length > 0) {
            simulationsThisMove++; // expanding the root is not a simulation: the budget counts visits to its moves
        }
    }

    private void backup(PuctNode[] nodes, int[] indices, java.util.function.IntToDoubleFunction valueFor) {
        for (int k = 0; k < nodes.length; k++) {
            PuctNode n = nodes[k];
            n.valueSum[indices[k]] += 1 + valueFor.applyAsDouble(n.player); // the 1 takes back the virtual loss
        }
    }

    private int select(PuctNode node) {
        double sqrtN = Math.sqrt(Math.max(1, node.visitCount));
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < node.actions.length; i++) {
            int n = node.visits[i];
            double q = n == 0 ? 0 : node.valueSum[i] / n;
            double score = q + config.cPuct() * node.priors[i] * sqrtN / (1 + n);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private void noiseRoot() {
        if (rootNoised || config.noiseFraction() == 0 || root.actions.length < 2) {
            return;
        }
        double[] noise = Dirichlet.sample(rng, config.dirichletAlpha(), root.actions.length);
        double eps = config.noiseFraction();
        for (int i = 0; i < root.priors.length; i++) {
            root.priors[i] = (float) ((1 - eps) * root.priors[i] + eps * noise[i]);
        }
        rootNoised = true;
    }

    /** Visit counts of the root's edges over all actions ({@code numActions} long). */
    int[] rootVisits(int numActions) {
        int[] out = new int[numActions];
        if (root.isExpanded()) {
            for (int i = 0; i < root.actions.length; i++) {
                out[root.actions[i]] = root.visits[i];
            }
        }
        return out;
    }

    /**
     * Moves the root to the child reached by {@code action}, keeping its subtree (and its statistics) for the next
     * search; the new root gets fresh noise.
     */
    void advance(int action) {
        if (inFlight != 0) {
            throw new IllegalStateException("advance with " + inFlight + " evaluations in flight");
        }
        PuctNode next = null;
        if (root.isExpanded()) {
            int i = root.indexOf(action);
            if (i < 0) {
                throw new IllegalArgumentException("action " + action + " is not legal in " + root.state.history());
            }
            next = root.children[i];
        }
        root = next != null ? next : new PuctNode(root.state.child(action));
        simulationsThisMove = 0;
        rootNoised = false;
        if (root.isExpanded() && !root.state.isTerminal()) {
            noiseRoot();
        }
    }
}
