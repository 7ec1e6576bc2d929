package rlx.agents.mcts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import rlx.envs.core.Rng;
import rlx.envs.games.GameState;

/**
 * A node of the search tree. A single-threaded search updates its statistics with plain writes, as the old tree did;
 * a multi-threaded one ({@link MctsConfig#threads()} > 1) with atomic adds, and expands under the node's monitor.
 * Readers use opaque reads, which cost a plain load but are never hoisted out of a loop or torn.
 */
final class Node {

    private static final VarHandle VISITS;
    private static final VarHandle VIRTUAL_LOSS;
    private static final VarHandle VALUE_SUM;
    private static final VarHandle PUBLISHED;
    private static final VarHandle CHILDREN = MethodHandles.arrayElementVarHandle(Node[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VISITS = lookup.findVarHandle(Node.class, "visits", int.class);
            VIRTUAL_LOSS = lookup.findVarHandle(Node.class, "virtualLoss", int.class);
            VALUE_SUM = lookup.findVarHandle(Node.class, "valueSum", double.class);
            PUBLISHED = lookup.findVarHandle(Node.class, "published", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final GameState state;
    /** The player who moved into this node, whose perspective {@link #valueSum} takes; -1 for a fresh root. */
    final int mover;
    private final Node[] children;
    /** Legal actions not yet expanded: the first {@link #untriedCount} entries, in no particular order. */
    private final int[] untried;
    /** Guarded by {@code this} in a multi-threaded search. */
    private int untriedCount;
    /** Children published by a multi-threaded search, written under {@code this} after each {@link #setChild}. */
    private int published;
    private int visits;
    /** Simulations of other threads under way through this node, each scored as a loss for {@link #mover}. */
    private int virtualLoss;
    private double valueSum;
    /** Set after {@link #provenValue}, so a reader that sees it set reads the value too. */
    private volatile boolean proven;
    /** The game-theoretic value for {@link #mover} once {@link #proven}. */
    private double provenValue;

    Node(GameState state, int mover, int numDistinctActions) {
        this.state = state;
        this.mover = mover;
        this.children = new Node[numDistinctActions];
        this.untried = state.isTerminal() ? new int[0] : state.legalActions();
        this.untriedCount = untried.length;
        if (state.isTerminal()) {
            provenValue = mover >= 0 ? state.returns()[mover] : 0;
            proven = true;
        }
    }

    int numLegalActions() {
        return untried.length;
    }

    Node child(int action) {
        return (Node) CHILDREN.getAcquire(children, action);
    }

    /** Publishes a new child: a thread that reads it sees it fully built. */
    void setChild(int action, Node child) {
        CHILDREN.setRelease(children, action, child);
    }

    int childSlots() {
        return children.length;
    }

    /**
     * Whether a multi-threaded search has published a child for every legal action; when true, a reader sees
     * them all without taking the monitor.
     */
    boolean allPublished() {
        return (int) PUBLISHED.getAcquire(this) == untried.length;
    }

    /** Call under the monitor, after {@link #setChild}. */
    void countPublished() {
        PUBLISHED.setRelease(this, published + 1);
    }

    boolean hasUntried() {
        return untriedCount > 0;
    }

    /** Removes and returns a uniformly random untried action, or -1 if none is left. */
    int takeUntried(Rng rng) {
        if (untriedCount == 0) {
            return -1;
        }
        int k = rng.nextInt(untriedCount);
        int a = untried[k];
        untried[k] = untried[--untriedCount];
        untried[untriedCount] = a;
        return a;
    }

    /**
     * On the first expansion only: removes and returns an action that ends the game in a win for the side to move,
     * or -1. Expanding it first proves this node lost for {@link #mover} at once (a decisive move, Teytaud and
     * Teytaud 2010), where random order would spend about half the legal moves' visits to find it.
     */
    int takeImmediateWin() {
        if (untriedCount != untried.length) {
            return -1;
        }
        int toMove = state.currentPlayer();
        for (int k = 0; k < untriedCount; k++) {
            GameState next = state.child(untried[k]);
            if (next.isTerminal() && next.winner() == toMove) {
                int a = untried[k];
                untried[k] = untried[--untriedCount];
                untried[untriedCount] = a;
                return a;
            }
        }
        return -1;
    }

    int visits() {
        return (int) VISITS.getOpaque(this);
    }

    int virtualLoss() {
        return (int) VIRTUAL_LOSS.getOpaque(this);
    }

    double valueSum() {
        return (double) VALUE_SUM.getOpaque(this);
    }

    void addVirtualLoss() {
        VIRTUAL_LOSS.getAndAdd(this, 1);
    }

    /** Counts one simulation that scored {@code values} (indexed by player) through this node. */
    void update(double[] values) {
        visits++;
        if (mover >= 0) {
            valueSum += values[mover];
        }
    }

    /** {@link #update} for a multi-threaded search, which also takes back the virtual loss of this simulation. */
    void updateConcurrent(double[] values) {
        if (mover >= 0) {
            VALUE_SUM.getAndAdd(this, values[mover]);
        }
        VISITS.getAndAdd(this, 1);
        VIRTUAL_LOSS.getAndAdd(this, -1);
    }

    boolean proven() {
        return proven;
    }

    double provenValue() {
        return provenValue;
    }

    void prove(double value) {
        provenValue = value;
        proven = true;
    }
}
