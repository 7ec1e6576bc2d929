package rlx.agents.play;

import java.util.List;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.PuctConfig;
import rlx.agents.alphazero.VisitPolicy;
import rlx.envs.core.Rng;
import rlx.envs.games.GameState;
import rlx.networks.pv.PolicyValueNetwork;

/**
 * A trained policy-value network with PUCT search, no noise, playing the most visited move. One game at a time, so
 * each evaluator call carries {@link PuctConfig#leavesPerTree} leaves of the one tree.
 */
public final class AlphaZeroPlayer implements Player {

    private final PolicyValueNetwork network;
    private final PuctConfig config;
    private final BatchedSearch search;
    private final Rng rng;

    public AlphaZeroPlayer(PolicyValueNetwork network, PuctConfig config, BatchedSearch search, Rng rng) {
        this.network = network;
        this.config = config.withoutNoise();
        this.search = search;
        this.rng = rng;
    }

    @Override
    public int chooseAction(GameState state) {
        int[] legal = state.legalActions();
        if (legal.length == 1) {
            return legal[0];
        }
        int[] visits = search.searchVisits(List.of(state), config, network::evaluate, rng)[0];
        return VisitPolicy.mostVisited(visits);
    }
}
