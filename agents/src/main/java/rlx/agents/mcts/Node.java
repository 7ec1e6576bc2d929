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

    private static final VarHandle COUNTS;
    private static final VarHandle VALUE_SUM;
    private static final VarHandle PUBLISHED;
    private static final VarHandle CHILDREN = MethodHandles.arrayElementVarHandle(Node[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNTS = lookup.findVarHandle(Node.class, "counts", long.class);
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
    /**
     * The visits in the high 32 bits and the virtual loss in the low 32: the simulations under way through this
     * node, each scored as a loss for {@link #mover} until it backs up. One word, so that a backup turns a virtual
     * loss into a visit with one atomic add; the virtual loss never goes below 0, so never borrows from the visits.
     */
    private long counts;
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
        return visitsOf(counts());
    }

    int virtualLoss() {
        return virtualLossOf(counts());
    }

    /** The visits and the virtual loss in one read: see {@link #visitsOf} and {@link #virtualLossOf}. */
    long counts() {
        return (long) COUNTS.getOpaque(this);
    }

    static int visitsOf(long counts) {
        return (int) (counts >>> 32);
    }

    static int virtualLossOf(long counts) {
        return (int) counts;
    }

    double valueSum() {
        return (double) VALUE_SUM.getOpaque(this);
    }

    void addVirtualLoss() {
        COUNTS.getAndAdd(this, 1L);
    }

    void removeVirtualLoss() {
        COUNTS.getAndAdd(this, -1L);
    }

    /** Counts one simulation that scored {@code values} (indexed by player) through this node. */
    void update(double[] values) {
        counts += 1L << 32;
        if (mover >= 0) {
            valueSum += values[mover];
        }
    }

    /**
     * {@link #update} for a multi-threaded search, which also takes back the virtual loss of this simulation if it
     * put one here.
     */
    void updateConcurrent(double[] values, boolean virtualLoss) {
        if (mover >= 0) {
            VALUE_SUM.getAndAdd(this, values[mover]);
        }
        COUNTS.getAndAdd(this, virtualLoss ? (1L << 32) - 1 : 1L << 32);
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
