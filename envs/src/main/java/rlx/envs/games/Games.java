package rlx.envs.games;

/** Helpers shared by the games. */
final class Games {

    private Games() {}

    /** The actions set in {@code mask}, increasing. */
    static int[] actions(long mask) {
        int[] out = new int[Long.bitCount(mask)];
        for (int i = 0; mask != 0; i++) {
            out[i] = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
        }
        return out;
    }

    /** SplitMix64's finaliser: spreads a position key over all 64 bits so that table indexing can use low bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double[] returns(int winner) {
        if (winner < 0) {
            return new double[2];
        }
        double[] r = new double[2];
        r[winner] = 1;
        r[1 - winner] = -1;
        return r;
    }

    /**
     * Symmetry {@code k} (0 = identity) of an {@code n x n} board as a permutation of its row-major cells, in
     * {@link TicTacToe#actionPermutation}'s convention: 0-3 rotate by k quarter turns clockwise, 4-7 first mirror
     * left-right, then rotate by k - 4. Cell {@code a} maps to {@code perm[a]}.
     */
    static int[] squareSymmetry(int n, int k) {
        if (k < 0 || k >= 8) {
            throw new IllegalArgumentException("symmetry " + k + " out of range 0-7");
        }
        int[] out = new int[n * n];
        for (int cell = 0; cell < n * n; cell++) {
            int r = cell / n;
            int c = cell % n;
            if (k >= 4) {
                c = n - 1 - c;
            }
            for (int t = 0; t < k % 4; t++) {
                int nr = c;
                c = n - 1 - r;
                r = nr;
            }
            out[cell] = r * n + c;
        }
        return out;
    }

    /** Fixed pseudo-random 64-bit keys for Zobrist hashing, the same on every run. */
    static long[] zobristKeys(int count, long seed) {
        long[] keys = new long[count];
        long z = seed;
        for (int i = 0; i < count; i++) {
            z += 0x9E3779B97F4A7C15L;
            keys[i] = mix(z);
        }
        return keys;
    }

    /** For the games whose actions do not fit in a {@code long} mask. */
    static UnsupportedOperationException noMask(Game game) {
        return new UnsupportedOperationException(game.name() + " has " + game.numDistinctActions()
                + " distinct actions, more than a 64-bit legalActionMask() holds; use isLegal(int), legalActions(),"
                + " legalActions(int[]) or legalActionSet()");
    }

    /**
     * {@link GameState#legalActionMask()} for a game whose size decides whether its actions fit in 64 bits: the mask
     * if they do, else {@link #noMask}.
     */
    static long maskOf(GameState state, Game game) {
        if (game.numDistinctActions() > 64) {
            throw noMask(game);
        }
        long mask = 0;
        for (int a : state.legalActions()) {
            mask |= 1L << a;
        }
        return mask;
    }

    /**
     * For the games with more than 64 actions: names the action in the game's notation and, rather than a list of up
     * to hundreds of legal actions, their number (and the moves themselves when there are few).
     */
    static IllegalArgumentException illegalMove(int action, String move, String why, GameState state) {
        int[] legal = state.legalActions();
        StringBuilder sb = new StringBuilder("illegal action ").append(action);
        if (move != null) {
            sb.append(" (").append(move).append(')');
        }
        sb.append(": ").append(why).append("; ").append(legal.length).append(" legal actions");
        if (legal.length > 0 && legal.length <= 16) {
            sb.append(':');
            for (int a : legal) {
                sb.append(' ').append(state.actionToString(a));
            }
        }
        return new IllegalArgumentException(sb.toString());
    }

    static IllegalArgumentException illegal(int action, String why, GameState state) {
        return new IllegalArgumentException("illegal action " + action + ": " + why + "; legal actions "
                + java.util.Arrays.toString(state.legalActions()));
    }
}
