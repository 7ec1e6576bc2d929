package rlx.agents.play;

/**
 * The tally of a match from player A's side.
 *
 * @param aWins games A won
 * @param draws drawn games
 * @param bWins games B won
 */
public record ArenaResult(int aWins, int draws, int bWins) {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public ArenaResult {
        if (aWins < 0 || draws < 0 || bWins < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + aWins + ", " + draws + ", " + bWins);
        }
    }

    public int games() {
        return aWins + draws + bWins;
    }

    /** A's score: (wins + draws / 2) / games, NaN before any game. */
    public double score() {
        return (aWins + 0.5 * draws) / games();
    }

    /** A closed interval {@code [low, high]}. */
    public record Interval(double low, double high) {
    }

    /**
     * The Wilson score interval (Wilson 1927) at 95% for A's score, treating the score as a binomial proportion over
     * the games with a draw as half a win. Unlike the normal approximation it stays inside [0, 1] and is not empty
     * at a score of 0 or 1. Draws make the true variance of the score smaller than the binomial one, so with many
     * draws the interval is conservative.
     */
    public Interval ci95() {
        return wilson(score(), games(), Z95);
    }

    static Interval wilson(double p, int n, double z) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
