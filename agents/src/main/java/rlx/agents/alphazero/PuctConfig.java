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
 * @param solver back up game-theoretic values as well (MCTS-Solver, Winands et al. 2008): moves that end the game
 *     are seen when a position is expanded, a proven win is played and a proven loss avoided. Exact in short
 *     tactics, where a network's value is least sure; each expansion makes every child position, which is cheap
 *     in Connect Four and costly in Go
 */
public record PuctConfig(int simulations, double cPuct, double dirichletAlpha, double noiseFraction,
                         int leavesPerTree, boolean solver) {

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

    /** Plain PUCT, without the solver. */
    public PuctConfig(int simulations, double cPuct, double dirichletAlpha, double noiseFraction, int leavesPerTree) {
        this(simulations, cPuct, dirichletAlpha, noiseFraction, leavesPerTree, false);
    }

    /** Evaluation play: no root noise. */
    public PuctConfig withoutNoise() {
        return new PuctConfig(simulations, cPuct, dirichletAlpha, 0, leavesPerTree, solver);
    }

    public PuctConfig withSimulations(int n) {
        return new PuctConfig(n, cPuct, dirichletAlpha, noiseFraction, leavesPerTree, solver);
    }

    public PuctConfig withLeavesPerTree(int n) {
        return new PuctConfig(simulations, cPuct, dirichletAlpha, noiseFraction, n, solver);
    }

    public PuctConfig withSolver(boolean on) {
        return new PuctConfig(simulations, cPuct, dirichletAlpha, noiseFraction, leavesPerTree, on);
    }
}
