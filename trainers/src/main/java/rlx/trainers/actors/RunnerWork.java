package rlx.trainers.actors;

import rlx.agents.dqn.DqnCollector;
import rlx.agents.pg.A3cWorker;
import rlx.agents.pg.RolloutCollector;

/** The plain object an {@link EnvRunner} wraps: what kind of work it can answer. */
public sealed interface RunnerWork {

    /** A2C and PPO: rollouts on request. */
    record Rollouts(RolloutCollector collector) implements RunnerWork {
    }

    /** A3C: gradients of rollouts on request. */
    record Gradients(A3cWorker worker) implements RunnerWork {
    }

    /** Distributed DQN: batches of n-step transitions, sent to a replay actor. */
    record Transitions(DqnCollector collector) implements RunnerWork {
    }
}
