package rlx.trainers.core;

/** What a finished run reports for summary.json. */
public record TrainOutcome(long envSteps, long episodes, double wallSeconds, double stepsPerSecond,
                           EvalRecord finalEval) {
}
