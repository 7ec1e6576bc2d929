package rlx.trainers.pg;

/** Which policy-gradient algorithm a run trains: they share the config, the network and the learner. */
public enum PgAlgorithmKind {
    /** Synchronous advantage actor-critic: one gradient step per batch of rollouts from all runners. */
    A2C,
    /** Proximal policy optimisation: clipped objective, several epochs of minibatches per batch of rollouts. */
    PPO,
    /** Asynchronous advantage actor-critic: each worker's gradient is applied as soon as it arrives. */
    A3C;

    /** Rejects settings this algorithm cannot honour, before any actor starts. */
    public void requireSupported(rlx.agents.pg.PgConfig config) {
        if (this == A3C && config.normalize().enabled()) {
            // a worker computes its gradient before the learner could merge what it saw into the statistics
            throw new IllegalArgumentException("agent.normalize: observation and reward normalisation are supported "
                    + "by ppo and a2c, not a3c; set normalize.observations and normalize.rewards to false");
        }
    }
}
