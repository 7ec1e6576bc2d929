package rlx.trainers.core;

import java.util.Map;

/**
 * What a finished run reports for summary.json; {@code extra} holds algorithm-specific top-level entries (e.g. the
 * transition accounting of the actor runtime).
 */
public record TrainOutcome(long envSteps, long episodes, double wallSeconds, double stepsPerSecond,
                           EvalRecord finalEval, Map<String, Object> extra) {

    public TrainOutcome {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public TrainOutcome(long envSteps, long episodes, double wallSeconds, double stepsPerSecond, EvalRecord finalEval) {
        this(envSteps, episodes, wallSeconds, stepsPerSecond, finalEval, Map.of());
    }
}
