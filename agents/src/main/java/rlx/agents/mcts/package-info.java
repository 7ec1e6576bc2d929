/**
 * Monte Carlo tree search over the {@link rlx.envs.games.Game} API: UCT (Kocsis and Szepesvari, "Bandit based
 * Monte-Carlo Planning", ECML 2006) with an optional MCTS-Solver backup (Winands, Bjornsson and Saito,
 * "Monte-Carlo Tree Search Solver", CG 2008), budgets of simulations or wall time, several threads on one tree with
 * virtual loss, and a tree kept between moves ({@link rlx.agents.mcts.MctsTree}). Leaves are scored by an
 * {@link rlx.agents.mcts.Evaluator}: random rollouts now, a value network later.
 */
package rlx.agents.mcts;
