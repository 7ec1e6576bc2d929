package rlx.agents.alphazero;

/**
 * Settings of the network-guided search (PUCT, as in AlphaZero: Silver et al., Science 2018).
 *
 * @param simulations new simulations per move, at least 1
 * @param cPuct weight of the prior term {@code c P(s,a) sqrt(N(s)) / (1 + N(s,a))} against the mean value
 * @param dirichletAlpha concentration of the Dirichlet noise mixed into the root priors; around 10 / (typical number
 *     of legal moves): 0.3 for chess, 0.03 for Go, 1.0 for Connect Four
 * @param noiseFraction share of noise in the root priors, 0 for none (evaluation) and 0.25 in self-play
 * @param leavesPerTree leaves one tree sends to a single batched evaluation, kept apart by virtual loss; more fills
 *     the batch of a lone game (the arena) at some cost in search quality
 */
public record PuctConfig(int simulations, double cPuct, double dirichletAlpha, double noiseFraction,
                         int leavesPerTree) {

    public PuctConfig {
        if (simulations <= 0) {
            throw new IllegalArgumentException("simulations must be > 0, got " + simulations);
        }
        if (!(cPuct > 0) || Double.isInfinite(cPuct)) {
            throw new IllegalArgumentException("c-puct must be a finite number > 0, got " + cPuct);
        }
        if (!(dirichletAlpha > 0) || Double.isInfinite(dirichletAlpha)) {
            throw new IllegalArgumentException("dirichlet-alpha must be a finite number > 0, got " + dirichletAlpha);
        }
        if (!(noiseFraction >= 0 && noiseFraction <= 1)) {
            throw new IllegalArgumentException("noise-fraction must be in [0, 1], got " + noiseFraction);
        }
        if (leavesPerTree <= 0) {
            throw new IllegalArgumentException("leaves-per-tree must be > 0, got " + leavesPerTree);
        }
    }

    /** Evaluation play: no root noise. */
    public PuctConfig withoutNoise() {
        return new PuctConfig(simulations, cPuct, dirichletAlpha, 0, leavesPerTree);
    }

    public PuctConfig withSimulations(int n) {
        return new PuctConfig(n, cPuct, dirichletAlpha, noiseFraction, leavesPerTree);
    }

    public PuctConfig withLeavesPerTree(int n) {
        return new PuctConfig(simulations, cPuct, dirichletAlpha, noiseFraction, n);
    }
}
