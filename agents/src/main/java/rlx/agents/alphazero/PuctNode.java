package rlx.agents.alphazero;

import rlx.envs.games.GameState;

/**
 * A position in a PUCT tree with its edge statistics, indexed by the position of the move in {@link #actions}.
 * Values on edges are from the point of view of {@link #player}, the side choosing among them.
 */
final class PuctNode {

    final GameState state;
    final int player;
    /** The legal actions, in increasing order; null until expanded. */
    int[] actions;
    float[] priors;
    int[] visits;
    double[] valueSum;
    PuctNode[] children;
    /** Visits summed over the edges, virtual ones included. */
    int visitCount;
    /** An evaluation of this leaf is in flight: another descent that reaches it is a collision. */
    boolean pending;
    /**
     * Each player's exact return once the game-theoretic value of this position is known: at once for a terminal
     * position, and through the solver's backup ({@link PuctConfig#solver()}) for the others; null until then.
     */
    double[] provenReturns;

    PuctNode(GameState state) {
        this.state = state;
        this.player = state.currentPlayer();
        if (state.isTerminal()) {
            provenReturns = state.returns();
        }
    }

    boolean isProven() {
        return provenReturns != null;
    }

    /** Whether the move at {@code index} is proven to lose for {@link #player}. */
    boolean losesAt(int index) {
        PuctNode c = children[index];
        return c != null && c.provenReturns != null && c.provenReturns[player] <= PuctTree.LOSS;
    }

    boolean isExpanded() {
        return actions != null;
    }

    void expand(int[] legal, float[] priors) {
        this.actions = legal;
        this.priors = priors;
        this.visits = new int[legal.length];
        this.valueSum = new double[legal.length];
        this.children = new PuctNode[legal.length];
    }

    PuctNode child(int index) {
        PuctNode c = children[index];
        if (c == null) {
            c = new PuctNode(state.child(actions[index]));
            children[index] = c;
        }
        return c;
    }

    /** The index of {@code action} among the legal actions, or -1. */
    int indexOf(int action) {
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] == action) {
                return i;
            }
        }
        return -1;
    }
}
