package rlx.trainers.apex;

import rlx.trainers.core.TransitionAccounting;

/** The counters of a distributed DQN run that a checkpoint stores beside the learner. */
record ApexTrainerState(long envSteps, long episodes, double wallSeconds, long resumes,
                        TransitionAccounting.State accounting) {
}
