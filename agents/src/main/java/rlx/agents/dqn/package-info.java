/**
 * Deep Q-learning (Mnih et al. 2015) with the extensions users expect: double DQN, dueling heads, n-step returns,
 * prioritised replay, Polyak or hard target updates. The learner trains a Deeplearning4j network; acting reads a
 * plain-Java copy of its weights, so no ND4J call sits in the per-step loop.
 */
package rlx.agents.dqn;
