package rlx.agents.alphazero;

/**
 * One self-play position as the network learns from it.
 *
 * @param observation the board from the side to move ({@link rlx.envs.games.GameState#observationTensor})
 * @param policy the search's visit distribution over all distinct actions: the policy target
 * @param value the game's final result for the side to move, in [-1, 1]: the value target
 */
public record TrainingPosition(float[] observation, float[] policy, float value) {
}
