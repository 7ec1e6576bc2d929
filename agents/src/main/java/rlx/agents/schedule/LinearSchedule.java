package rlx.agents.schedule;

/**
 * Linear interpolation from {@code start} at step 0 to {@code end} at step {@code durationSteps}, constant
 * afterwards: CleanRL's {@code linear_schedule} (after Mnih et al. 2015's annealed epsilon). Unlike CleanRL's
 * {@code max(slope * t + start, end)}, it also holds an increasing schedule at {@code end}, as prioritized replay's
 * beta annealed up to 1 needs. A duration of 0 gives {@code end} from step 0.
 */
public record LinearSchedule(double start, double end, long durationSteps) implements Schedule {

    public LinearSchedule {
        if (!Double.isFinite(start)) {
            throw new IllegalArgumentException("start must be finite, got " + start);
        }
        if (!Double.isFinite(end)) {
            throw new IllegalArgumentException("end must be finite, got " + end);
        }
        if (durationSteps < 0) {
            throw new IllegalArgumentException("durationSteps must be >= 0, got " + durationSteps);
        }
    }

    @Override
    public double valueAt(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step >= durationSteps) {
            return end;
        }
        return start + (end - start) * ((double) step / durationSteps);
    }
}
