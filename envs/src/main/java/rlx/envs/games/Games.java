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

    static IllegalArgumentException illegal(int action, String why, GameState state) {
        return new IllegalArgumentException("illegal action " + action + ": " + why + "; legal actions "
                + java.util.Arrays.toString(state.legalActions()));
    }
}
