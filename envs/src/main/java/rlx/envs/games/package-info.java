/**
 * Two-player, zero-sum, perfect-information board games behind an OpenSpiel-style API: a {@link rlx.envs.games.Game}
 * holds the rules and makes states, a {@link rlx.envs.games.GameState} is an immutable position whose
 * {@link rlx.envs.games.GameState#child(int)} returns a new state. Immutability lets search (MCTS, negamax) share
 * states between tree nodes without copying or undo.
 */
package rlx.envs.games;
