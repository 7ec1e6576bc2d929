package rlx.agents.play;

import rlx.envs.games.GameState;
import rlx.envs.games.Go;

/** Go: the area score as the rules would count it now (stones and surrounded empty points, komi included). */
final class GoAreaHeuristic implements Heuristic {

    @Override
    public double evaluate(GameState state) {
        double blackAhead = ((Go.State) state).score();
        return state.currentPlayer() == 0 ? blackAhead : -blackAhead;
    }
}
