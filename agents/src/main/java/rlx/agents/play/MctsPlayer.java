package rlx.agents.play;

import rlx.agents.mcts.Mcts;
import rlx.agents.mcts.MctsConfig;
import rlx.agents.mcts.RandomRolloutEvaluator;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.envs.games.GameState;

/** Plain UCT with random rollouts ({@link Mcts}), a fresh search per move. */
public final class MctsPlayer implements Player {

    private final Mcts mcts;

    public MctsPlayer(Game game, MctsConfig config, Rng rng) {
        this.mcts = new Mcts(game, config, new RandomRolloutEvaluator(rng), rng);
    }

    @Override
    public int chooseAction(GameState state) {
        int[] legal = state.legalActions();
        if (legal.length == 1) {
            return legal[0]; // a forced move (Othello's pass) needs no search
        }
        return mcts.search(state).bestAction();
    }
}
