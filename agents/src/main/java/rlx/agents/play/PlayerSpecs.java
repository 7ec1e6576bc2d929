package rlx.agents.play;

import rlx.envs.games.Game;

/** Players from spec strings, e.g. {@code PlayerSpecs.parse("mcts:sims=800", game, seed)}. */
public final class PlayerSpecs {

    private PlayerSpecs() {
    }

    /**
     * The player {@code spec} names, made for {@code game} with its randomness from {@code seed}. Specs:
     * {@code random}; {@code minimax[:depth=N]} (alpha-beta; the default depth searches tic-tac-toe to the end);
     * {@code mcts[:sims=N,c=X]} (plain UCT, 800 simulations and c = sqrt 2 by default);
     * {@code gtp:<command line>} (an outside engine, Go only).
     *
     * @throws IllegalArgumentException naming the bad spec, key or value and what is allowed, or the engine that
     *     cannot be started
     */
    public static Player parse(String spec, Game game, long seed) {
        return PlayerSpec.parse(spec).create(game, seed);
    }
}
