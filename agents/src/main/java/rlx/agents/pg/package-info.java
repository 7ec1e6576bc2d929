/**
 * Policy-gradient agents on an actor-critic network: rollout collection ({@link rlx.agents.pg.RolloutCollector}),
 * GAE ({@link rlx.agents.pg.Gae}), the synchronous learner of A2C and PPO ({@link rlx.agents.pg.PgLearner}) and the
 * parts of A3C ({@link rlx.agents.pg.A3cWorker}, {@link rlx.agents.pg.A3cGlobal}). Plain objects with no threads of
 * their own: the trainers module runs them in one thread or in actors.
 */
package rlx.agents.pg;
