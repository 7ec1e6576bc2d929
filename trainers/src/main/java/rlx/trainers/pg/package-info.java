/**
 * Training A2C, PPO and A3C: {@link rlx.trainers.pg.PgRun} is the learner side of a run (updates, accounting,
 * reports, evaluation, checkpoints) as a plain object; {@link rlx.trainers.pg.LocalPgTrainer} drives it with
 * in-thread collectors ({@code runtime.runners = 0}), the actor runtime in {@code rlx.trainers.actors} with runner
 * actors.
 */
package rlx.trainers.pg;
