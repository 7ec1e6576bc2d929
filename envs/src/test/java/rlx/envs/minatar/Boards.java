package rlx.envs.minatar;

/** Reads cells of a channels-first MinAtar observation. */
final class Boards {

    private Boards() {
    }

    static boolean at(float[] obs, int channel, int row, int col) {
        return obs[channel * 100 + row * 10 + col] == 1f;
    }

    /** The number of set cells of a channel. */
    static int count(float[] obs, int channel) {
        int n = 0;
        for (int i = channel * 100; i < channel * 100 + 100; i++) {
            n += obs[i] == 1f ? 1 : 0;
        }
        return n;
    }

    /** The single set cell of a channel as {row, col}; fails if there is not exactly one. */
    static int[] only(float[] obs, int channel) {
        int[] found = null;
        for (int i = 0; i < 100; i++) {
            if (obs[channel * 100 + i] == 1f) {
                if (found != null) {
                    throw new AssertionError("channel " + channel + " has more than one cell set");
                }
                found = new int[] {i / 10, i % 10};
            }
        }
        if (found == null) {
            throw new AssertionError("channel " + channel + " is empty");
        }
        return found;
    }
}
