package rlx.agents.schedule;

/**
 * Geometric decay from {@code start} towards {@code end}: {@code end + (start - end) * decayPerStep^step}. The gap
 * to {@code end} shrinks by the factor {@code decayPerStep} each step, so the value approaches {@code end} without
 * reaching it; a common alternative to the linear epsilon annealing of Mnih et al. 2015.
 */
public record ExponentialSchedule(double start, double end, double decayPerStep) implements Schedule {

    public ExponentialSchedule {
        if (!Double.isFinite(start)) {
            throw new IllegalArgumentException("start must be finite, got " + start);
        }
        if (!Double.isFinite(end)) {
            throw new IllegalArgumentException("end must be finite, got " + end);
        }
        if (!(decayPerStep > 0 && decayPerStep <= 1)) {
            throw new IllegalArgumentException("decayPerStep must be in (0, 1], got " + decayPerStep);
        }
    }

    @Override
    public double valueAt(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        return end + (start - end) * Math.pow(decayPerStep, step);
    }
}
