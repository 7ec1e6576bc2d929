package rlx.agents.dqn;

/**
 * The {@code agent} block of distributed DQN (Ape-X, Horgan et al. 2018): many runners with their own epsilons feed
 * one replay actor, and one learner trains from it.
 *
 * @param dqn                 the learner's DQN settings (replay, target, n-step, network); its exploration block is
 *                            not used: runner {@code i} acts with {@link DqnCollector#apexEpsilon}
 * @param runners             runner actors, each with {@code env.num-envs} copies
 * @param vectorStepsPerBatch vector steps a runner takes per batch it sends
 * @param epsilonBase         Ape-X's epsilon base (0.4 in the paper)
 * @param epsilonAlpha        Ape-X's epsilon exponent spread (7 in the paper)
 * @param maxBatchesAhead     how many batches' worth of env steps collection may run ahead of the learner's
 *                            replay ratio ({@code dqn.train-frequency}, {@code dqn.gradient-steps}) before runners wait
 */
public record ApexConfig(DqnConfig dqn, int runners, int vectorStepsPerBatch, double epsilonBase, double epsilonAlpha,
                         int maxBatchesAhead) {

    public ApexConfig {
        if (dqn == null) {
            throw new IllegalArgumentException("dqn must be set");
        }
        if (runners <= 0 || vectorStepsPerBatch <= 0 || maxBatchesAhead <= 0) {
            throw new IllegalArgumentException("runners (" + runners + "), vector-steps-per-batch ("
                    + vectorStepsPerBatch + ") and max-batches-ahead (" + maxBatchesAhead + ") must be > 0");
        }
        if (!(epsilonBase > 0 && epsilonBase <= 1) || !(epsilonAlpha >= 0)) {
            throw new IllegalArgumentException("epsilon-base (" + epsilonBase + ") must be in (0, 1] and epsilon-alpha ("
                    + epsilonAlpha + ") >= 0");
        }
    }
}
