package rlx.agents.mcts;

/**
 * Settings of {@link Mcts}.
 *
 * @param simulations selection-expansion-evaluation-backup passes per search, at least 1
 * @param explorationConstant c in UCB1 (Auer, Cesa-Bianchi and Fischer 2002) as used by UCT (Kocsis and
 *     Szepesvari 2006); {@code sqrt(2)} is the classic choice for rewards of this scale; at least 0
 * @param solver whether to back up proven wins and losses (MCTS-Solver, Winands et al. 2008)
 */
public record MctsConfig(int simulations, double explorationConstant, boolean solver) {

    public static final double DEFAULT_EXPLORATION = Math.sqrt(2);

    public MctsConfig {
        if (simulations <= 0) {
            throw new IllegalArgumentException("simulations must be > 0, got " + simulations);
        }
        if (!(explorationConstant >= 0) || Double.isInfinite(explorationConstant)) {
            throw new IllegalArgumentException("explorationConstant must be finite and >= 0, got "
                    + explorationConstant);
        }
    }

    /** Plain UCT: c = sqrt(2), no solver. */
    public static MctsConfig of(int simulations) {
        return new MctsConfig(simulations, DEFAULT_EXPLORATION, false);
    }
}
