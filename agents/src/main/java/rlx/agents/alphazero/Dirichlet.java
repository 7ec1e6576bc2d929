package rlx.agents.alphazero;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import rlx.envs.core.Rng;

/** Symmetric Dirichlet samples, as normalised Gamma(alpha, 1) draws (Commons Math's Marsaglia-Tsang sampler). */
final class Dirichlet {

    private Dirichlet() {
    }

    static double[] sample(Rng rng, double alpha, int k) {
        GammaDistribution gamma = new GammaDistribution(new RngAdapter(rng), alpha, 1.0);
        double[] x = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            x[i] = gamma.sample();
            sum += x[i];
        }
        for (int i = 0; i < k; i++) {
            x[i] = sum > 0 ? x[i] / sum : 1.0 / k;
        }
        return x;
    }

    /** Lets Commons Math draw from rlx's seeded stream. */
    private static final class RngAdapter extends AbstractRandomGenerator {
        private final Rng rng;

        RngAdapter(Rng rng) {
            this.rng = rng;
        }

        @Override
        public void setSeed(long seed) {
            throw new UnsupportedOperationException("the stream is seeded by its owner");
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }
    }
}
