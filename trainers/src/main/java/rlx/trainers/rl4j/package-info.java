/**
 * RL4J 1.0.0-M1.1's learners as baseline trainers on rlx's own environments: {@link rlx.trainers.rl4j.Rl4jDqnTrainer}
 * runs {@code QLearningDiscreteDense} and {@link rlx.trainers.rl4j.Rl4jA3cTrainer} runs {@code A3CDiscreteDense} on an
 * env seen through {@link rlx.envs.rl4j.Rl4jMdp}. Both report episodes, evaluations and checkpoints through rlx's
 * {@link rlx.trainers.core.TrainingListener}, so an RL4J run lands in the same run-directory format as rlx's own
 * trainers and the two can be compared side by side.
 *
 * <ul>
 *   <li>Configs ({@link rlx.trainers.rl4j.Rl4jDqnConfig}, {@link rlx.trainers.rl4j.Rl4jA3cConfig}) use rlx's names
 *       for RL4J's knobs and document where RL4J's meaning differs from rlx's.</li>
 *   <li>DQN runs take exactly {@code train.total-steps} env steps (A3C's workers a few more); seeds are derived from
 *       the run seed; evaluations use rlx's {@link rlx.trainers.eval.Evaluator} with the RL4J policy's greedy
 *       action, on seeds disjoint from training's.</li>
 *   <li>Checkpoints hold the RL4J networks and how they read rlx observations; they cannot resume a run (RL4J cannot
 *       restore its replay memory, counters or generators), only be evaluated again.</li>
 * </ul>
 *
 * RL4J's {@code rl4j-core} is used without its DL4J M1.1 dependencies, on rlx's DL4J/ND4J M2.1 (see the parent pom).
 */
package rlx.trainers.rl4j;
