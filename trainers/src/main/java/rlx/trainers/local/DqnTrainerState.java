package rlx.trainers.local;

/**
 * The DQN loop's counters and random-generator states, saved with every checkpoint so a resumed run continues
 * its schedules and its action and replay-sampling streams where they stood.
 */
public record DqnTrainerState(long envSteps, long vectorSteps, long episodes, double wallSeconds,
                              long[] actionRng, long[] sampleRng, double lastLoss, long resumes) {
}
