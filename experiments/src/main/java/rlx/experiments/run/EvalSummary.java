package rlx.experiments.run;

/**
 * The final evaluation of a run: how many episodes it averaged over and the mean and standard deviation of their
 * returns.
 */
public record EvalSummary(int episodes, double meanReturn, double stdReturn) {

    public EvalSummary {
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes (" + episodes + ") must be >= 0");
        }
    }
}
