package rlx.agents.schedule;

/** The same value at every step, for a hyperparameter that is not annealed (e.g. a fixed epsilon or beta). */
public record ConstantSchedule(double value) implements Schedule {

    public ConstantSchedule {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
    }

    @Override
    public double valueAt(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        return value;
    }
}
