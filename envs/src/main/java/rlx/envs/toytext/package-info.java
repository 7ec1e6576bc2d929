/**
 * Gymnasium 1.4's toy-text environments (FrozenLake, CliffWalking, Taxi) as explicit transition tables, so that
 * they match Gymnasium's {@code P[s][a]} bit for bit and planning code (value iteration) can read the model the
 * agents are trained on. Each env samples with its own seeded generator.
 */
package rlx.envs.toytext;
