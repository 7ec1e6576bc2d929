package rlx.agents.dqn;

/** What one learner update reports: the loss it minimised and the mean Q of the actions taken in the batch. */
public record DqnStats(long updates, double loss, double meanQ, boolean targetSynced) {
}
