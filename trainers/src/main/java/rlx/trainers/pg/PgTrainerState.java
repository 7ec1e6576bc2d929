package rlx.trainers.pg;

import rlx.trainers.core.TransitionAccounting;

/** The counters of a policy-gradient run that a checkpoint stores beside the learner. */
record PgTrainerState(long envSteps, long updates, long episodes, double wallSeconds, long resumes,
                      TransitionAccounting.State accounting, int inputSize, int numActions) {
}
