package rlx.agents.pg;

/** Generalised advantage estimation (Schulman et al. 2016) over a time-major rollout. */
public final class Gae {

    private Gae() {
    }

    /**
     * Writes advantages and value targets ({@code advantage + value}) for every transition of a rollout;
     * {@code lambda = 1} gives the n-step returns of A2C and A3C.
     */
    public static void compute(Rollout r, double gamma, double lambda, float[] advantages, float[] returns) {
        int n = r.numEnvs();
        for (int i = 0; i < n; i++) {
            double gae = 0;
            double nextValue = r.lastValues()[i];
            for (int t = r.steps() - 1; t >= 0; t--) {
                int k = t * n + i;
                double notDone = r.dones()[k] ? 0 : 1;
                double delta = r.rewards()[k] + gamma * nextValue * notDone - r.values()[k];
                gae = delta + gamma * lambda * notDone * gae;
                advantages[k] = (float) gae;
                returns[k] = (float) (gae + r.values()[k]);
                nextValue = r.values()[k];
            }
        }
    }
}
