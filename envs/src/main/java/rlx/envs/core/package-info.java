/**
 * The environment API every agent trains on: {@link rlx.envs.core.Env}, its spaces, results and the registry by id.
 * It follows Gymnasium's contract (separate {@code terminated} and {@code truncated}, per-env seeding) so that
 * results and reference trajectories carry over one to one.
 */
package rlx.envs.core;
