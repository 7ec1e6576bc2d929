package rlx.agents.alphazero;

import rlx.envs.core.Rng;

/** Turning root visit counts into a move and into a policy target. */
public final class VisitPolicy {

    private VisitPolicy() {
    }

    /** The most visited action; the lowest such action on ties, so that evaluation play is deterministic. */
    public static int mostVisited(int[] visits) {
        int best = -1;
        for (int a = 0; a < visits.length; a++) {
            if (visits[a] > 0 && (best < 0 || visits[a] > visits[best])) {
                best = a;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no visited action to choose");
        }
        return best;
    }

    /** An action drawn in proportion to its visits: temperature 1. */
    public static int sample(int[] visits, Rng rng) {
        long total = 0;
        for (int v : visits) {
            total += v;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no visited action to sample");
        }
        long r = (long) (rng.nextDouble() * total);
        for (int a = 0; a < visits.length; a++) {
            r -= visits[a];
            if (r < 0) {
                return a;
            }
        }
        return mostVisited(visits);
    }

    /** Visits normalised to sum to 1. */
    public static float[] distribution(int[] visits) {
        long total = 0;
        for (int v : visits) {
            total += v;
        }
        float[] p = new float[visits.length];
        for (int a = 0; a < visits.length; a++) {
            p[a] = total == 0 ? 0 : (float) visits[a] / total;
        }
        return p;
    }
}
