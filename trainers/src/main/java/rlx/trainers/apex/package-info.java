/**
 * Distributed DQN (Ape-X): runner actors with per-runner epsilons feed a replay actor; a learner actor samples from
 * it, trains, and hands fresh weights to runners with their next request. {@link rlx.trainers.apex.ApexRun} is the
 * learner side as a plain object.
 */
package rlx.trainers.apex;
