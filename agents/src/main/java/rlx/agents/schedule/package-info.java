/**
 * Hyperparameter schedules indexed by environment step, such as the epsilon of epsilon-greedy exploration and the
 * importance-sampling exponent beta of prioritized replay. They are immutable records, so a schedule is fully
 * described by its configuration and needs no checkpointing.
 */
package rlx.agents.schedule;
