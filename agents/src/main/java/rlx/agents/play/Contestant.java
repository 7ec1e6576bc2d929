package rlx.agents.play;

import java.util.function.IntFunction;
import rlx.agents.alphazero.BatchEvaluator;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.PuctConfig;

/** One side of a {@link BatchedMatch}. */
public sealed interface Contestant {

    /** A network-guided search whose moves in all running games are searched in one batch. */
    record Searching(BatchEvaluator evaluator, PuctConfig config, BatchedSearch search) implements Contestant {
    }

    /** Any player, one per game ({@code perGame.apply(gameIndex)}), moving game by game. */
    record Playing(IntFunction<Player> perGame) implements Contestant {
    }
}
