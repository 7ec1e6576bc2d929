package rlx.agents.mcts;

/**
 * Settings of {@link Mcts} and {@link MctsTree}. A search stops at whichever budget it reaches first: the
 * simulations, the wall time, or (with the solver) a proven root.
 *
 * @param simulations new selection-expansion-evaluation-backup passes per search, at least 1; with a time limit
 *     alone, {@link Integer#MAX_VALUE}
 * @param explorationConstant c in UCB1 (Auer, Cesa-Bianchi and Fischer 2002) as used by UCT (Kocsis and
 *     Szepesvari 2006), at least 0. Values here span [-1, 1], twice UCB1's [0, 1], so sqrt(2) explores as
 *     sqrt(2) / 2 would there; it stays the default as 2 sqrt(2) measured no better: plain UCT lost 31 (against
 *     21) of 10,000 tic-tac-toe games as o to a perfect player, and found Connect Four reference best moves at
 *     the same 95% rate
 * @param solver whether to back up proven wins and losses (MCTS-Solver, Winands et al. 2008)
 * @param timeLimitMillis wall-time budget of one search in milliseconds, 0 for none; a search runs at least one
 *     simulation whatever the limit. Timed searches are not reproducible, as they depend on the machine's speed
 * @param threads threads searching one shared tree with virtual loss, at least 1; 1 is the deterministic
 *     single-threaded search
 */
public record MctsConfig(int simulations, double explorationConstant, boolean solver, long timeLimitMillis,
                         int threads) {

    public static final double DEFAULT_EXPLORATION = Math.sqrt(2);

    public MctsConfig {
        if (simulations <= 0) {
            throw new IllegalArgumentException("simulations must be > 0, got " + simulations);
        }
        if (!(explorationConstant >= 0) || Double.isInfinite(explorationConstant)) {
            throw new IllegalArgumentException("explorationConstant must be finite and >= 0, got "
                    + explorationConstant);
        }
        if (timeLimitMillis < 0) {
            throw new IllegalArgumentException("timeLimitMillis must be >= 0 (0: no limit), got " + timeLimitMillis);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, got " + threads);
        }
    }

    /** A simulation budget alone, one thread. */
    public MctsConfig(int simulations, double explorationConstant, boolean solver) {
        this(simulations, explorationConstant, solver, 0, 1);
    }

    /** Plain UCT: c = sqrt(2), no solver. */
    public static MctsConfig of(int simulations) {
        return new MctsConfig(simulations, DEFAULT_EXPLORATION, false);
    }

    /** UCT with the MCTS-Solver backup: c = sqrt(2). */
    public static MctsConfig solver(int simulations) {
        return new MctsConfig(simulations, DEFAULT_EXPLORATION, true);
    }

    public MctsConfig withTimeLimitMillis(long millis) {
        return new MctsConfig(simulations, explorationConstant, solver, millis, threads);
    }

    public MctsConfig withThreads(int n) {
        return new MctsConfig(simulations, explorationConstant, solver, timeLimitMillis, n);
    }
}
