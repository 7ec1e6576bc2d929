package rlx.trainers.pg;

/** Which policy-gradient algorithm a run trains: they share the config, the network and the learner. */
public enum PgAlgorithmKind {
    /** Synchronous advantage actor-critic: one gradient step per batch of rollouts from all runners. */
    A2C,
    /** Proximal policy optimisation: clipped objective, several epochs of minibatches per batch of rollouts. */
    PPO,
    /** Asynchronous advantage actor-critic: each worker's gradient is applied as soon as it arrives. */
    A3C
}
