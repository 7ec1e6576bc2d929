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
 *
 * <p>With {@link PuctConfig#solver()}, an expansion makes every child position, so a move that ends the game is
 * known at once; a position with a winning move is proven won, one whose moves are all proven is proven at the best
 * of them, and proofs climb the path. Descents stop at proven positions and back up their exact value, never choose
 * a proven loss while another move remains, and a proven root ends its search.
 */
final class PuctTree {

    /** Returns are +1, 0 and -1 in every game here: a proven return of +1 cannot be bettered. */
    static final double WIN = 1.0;
    static final double LOSS = -1.0;

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
        return simulationsThisMove + inFlight >= config.simulations() || root.isProven();
    }

    boolean finished() {
        return (simulationsThisMove >= config.simulations() || root.isProven()) && inFlight == 0;
    }

    /**
     * Walks to a leaf. A terminal or proven leaf is backed up at once and null returned, as is a collision with a
     * leaf already in flight (the descent is undone); otherwise the leaf, now pending, is returned for evaluation.
     */
    Leaf descend() {
        List<PuctNode> nodes = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        PuctNode node = root;
        while (node.isExpanded() && !node.isProven()) {
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
        if (node.isProven()) {
            double[] returns = node.provenReturns;
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
            if (config.solver()) {
                for (int i = 0; i < legal.length; i++) {
                    node.child(i); // terminal children are proven as they are made
                }
                propagateProof(leaf.pathNodes(), node);
            }
        }
        if (node.isProven()) {
            double[] returns = node.provenReturns;
            backup(leaf.pathNodes(), leaf.pathIndices(), p -> returns[p]);
        } else {
            int leafPlayer = node.player;
            backup(leaf.pathNodes(), leaf.pathIndices(), p -> p == leafPlayer ? value : -value);
        }
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

    /** Proves {@code leaf} if it can be, then each node above it on {@code path} until one cannot be. */
    private static void propagateProof(PuctNode[] path, PuctNode leaf) {
        if (!tryProve(leaf)) {
            return;
        }
        for (int k = path.length - 1; k >= 0; k--) {
            if (!tryProve(path[k])) {
                return;
            }
        }
    }

    /** A move proven to win proves the node; so do moves all proven, at the best of them for the side to move. */
    private static boolean tryProve(PuctNode node) {
        if (node.isProven()) {
            return true;
        }
        double[] best = null;
        boolean allProven = true;
        for (PuctNode c : node.children) {
            if (c == null || !c.isProven()) {
                allProven = false;
                continue;
            }
            double v = c.provenReturns[node.player];
            if (v >= WIN) {
                node.provenReturns = c.provenReturns;
                return true;
            }
            if (best == null || v > best[node.player]) {
                best = c.provenReturns;
            }
        }
        if (allProven && best != null) {
            node.provenReturns = best;
            return true;
        }
        return false;
    }

    private int select(PuctNode node) {
        double sqrtN = Math.sqrt(Math.max(1, node.visitCount));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < node.actions.length; i++) {
            if (config.solver() && node.losesAt(i)) {
                continue; // the node is not proven, so some move is not a proven loss
            }
            int n = node.visits[i];
            double q = n == 0 ? 0 : node.valueSum[i] / n;
            double score = q + config.cPuct() * node.priors[i] * sqrtN / (1 + n);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("every move of an unproven node is a proven loss: "
                    + node.state.history());
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

    /**
     * The search's value of the root for the side to move: its proven return, or the mean value over its visits
     * (0 before any).
     */
    double rootValue() {
        if (root.isProven()) {
            return root.provenReturns[root.player];
        }
        if (!root.isExpanded()) {
            return 0;
        }
        double sum = 0;
        long n = 0;
        for (int i = 0; i < root.actions.length; i++) {
            sum += root.valueSum[i];
            n += root.visits[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    boolean rootProven() {
        return root.isProven();
    }

    /** The side to move's exact return at the root; only once {@link #rootProven()}. */
    double rootProvenReturn() {
        return root.provenReturns[root.player];
    }

    /**
     * Visit counts of the root's edges over all actions ({@code numActions} long): what the move is chosen from and
     * the policy target. With the solver, proofs override visits: a proven root keeps only the moves that reach its
     * value (at least one visit each, since a winning move found at expansion may have none), and an unproven root
     * drops its proven losses.
     */
    int[] rootVisits(int numActions) {
        int[] out = new int[numActions];
        if (!root.isExpanded()) {
            return out;
        }
        for (int i = 0; i < root.actions.length; i++) {
            out[root.actions[i]] = root.visits[i];
        }
        if (!config.solver()) {
            return out;
        }
        int p = root.player;
        int fallback = -1;
        boolean anyVisited = false;
        for (int i = 0; i < root.actions.length; i++) {
            PuctNode c = root.children[i];
            boolean keep = root.isProven()
                    ? c != null && c.isProven() && c.provenReturns[p] == root.provenReturns[p]
                    : !root.losesAt(i);
            int a = root.actions[i];
            if (!keep) {
                out[a] = 0;
                continue;
            }
            if (root.isProven()) {
                out[a] = Math.max(1, out[a]);
            }
            anyVisited |= out[a] > 0;
            if (fallback < 0 || root.priors[i] > root.priors[fallback]) {
                fallback = i;
            }
        }
        if (!anyVisited && fallback >= 0) {
            out[root.actions[fallback]] = 1; // every visit went to moves proven lost since: the best prior instead
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
