/**
 * Playing games with agents named by spec strings ({@code random}, {@code minimax:depth=6}, {@code mcts:sims=800},
 * {@code gtp:gnugo --mode gtp}): the {@link rlx.agents.play.Player} seam, the players, the {@link
 * rlx.agents.play.Arena} that plays matches and scores them, Elo updates, and both sides of the Go Text Protocol
 * (a client that drives outside engines, an engine that exposes any player).
 */
package rlx.agents.play;
