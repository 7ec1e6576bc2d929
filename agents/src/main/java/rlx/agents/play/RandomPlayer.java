package rlx.agents.play;

import rlx.envs.core.Rng;
import rlx.envs.games.GameState;

/** Uniformly random legal moves: the floor every other player should beat. */
public final class RandomPlayer implements Player {

    private final Rng rng;

    public RandomPlayer(Rng rng) {
        this.rng = rng;
    }

    @Override
    public int chooseAction(GameState state) {
        int[] legal = state.legalActions();
        return legal[rng.nextInt(legal.length)];
    }
}
