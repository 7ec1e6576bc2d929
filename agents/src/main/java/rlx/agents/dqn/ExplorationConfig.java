package rlx.agents.dqn;

import rlx.agents.schedule.ConstantSchedule;
import rlx.agents.schedule.ExponentialSchedule;
import rlx.agents.schedule.LinearSchedule;
import rlx.agents.schedule.Schedule;

/**
 * Epsilon-greedy exploration: epsilon goes from {@code start} to {@code end}, linearly over {@code fraction} of the
 * run (CleanRL's and SB3's {@code exploration_fraction}) or exponentially with {@code decay} per env step.
 */
public record ExplorationConfig(Kind schedule, double start, double end, double fraction, double decay) {

    public enum Kind { LINEAR, EXPONENTIAL, CONSTANT }

    public ExplorationConfig {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        requireProbability("start", start);
        requireProbability("end", end);
        if (schedule == Kind.LINEAR && !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction (" + fraction + ") must be in (0, 1] for a linear schedule");
        }
        if (schedule == Kind.EXPONENTIAL && !(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay (" + decay + ") must be in (0, 1) for an exponential schedule");
        }
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " (" + p + ") must be in [0, 1]");
        }
    }

    /** The schedule over env steps for a run of {@code totalSteps}. */
    public Schedule toSchedule(long totalSteps) {
        return switch (schedule) {
            case LINEAR -> new LinearSchedule(start, end, Math.max(1, (long) (fraction * totalSteps)));
            case EXPONENTIAL -> new ExponentialSchedule(start, end, decay);
            case CONSTANT -> new ConstantSchedule(start);
        };
    }
}
