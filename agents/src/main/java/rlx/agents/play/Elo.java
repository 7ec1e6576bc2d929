package rlx.agents.play;

/**
 * Standard Elo ratings (Elo 1978, as used by FIDE): a game moves both ratings by {@code K * (score - expected)} in
 * opposite directions, where A's expected score against B is {@code 1 / (1 + 10^((Rb - Ra) / 400))}. Ratings are
 * updated after every game in the order played, with K = 16.
 */
public final class Elo {

    public static final double K = 16;
    public static final double INITIAL = 1500;

    private Elo() {
    }

    /** Both ratings after a game, A's first. */
    public record Ratings(double a, double b) {
    }

    /** A's expected score (win probability plus half the draw probability) against B. */
    public static double expected(double a, double b) {
        return 1 / (1 + Math.pow(10, (b - a) / 400));
    }

    /** The ratings after one game in which A scored {@code aScore} (1 win, 0.5 draw, 0 loss). */
    public static Ratings update(double a, double b, double aScore, double k) {
        if (aScore < 0 || aScore > 1) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + aScore);
        }
        double delta = k * (aScore - expected(a, b));
        return new Ratings(a + delta, b - delta);
    }
}
