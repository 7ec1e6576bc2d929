package rlx.trainers.core;

/** One evaluation during or at the end of training. */
public record EvalRecord(long envSteps, int episodes, double meanReturn, double stdReturn, double meanLength,
                         boolean isFinal) {
}
