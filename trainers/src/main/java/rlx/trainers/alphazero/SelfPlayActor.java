package rlx.trainers.alphazero;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.SelfPlay;
import rlx.agents.alphazero.SelfPlayGame;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.networks.pv.PolicyValueNetwork;

/**
 * Plays the chunks of self-play games the coach hands out, with its own copy of the network it was last sent. A
 * failure restarts it (Pekko supervision): it announces itself again and the coach sends it its network and the
 * chunk it lost, so no game of a generation goes missing.
 */
final class SelfPlayActor {

    private SelfPlayActor() {
    }

    static Behavior<SelfPlayMessage> create(ActorRef<CoachMessage> coach, int index, Game game,
                                            AlphaZeroConfig config, SelfPlayFaults faults) {
        AtomicLong starts = new AtomicLong();
        return Behaviors.supervise(Behaviors.<SelfPlayMessage>setup(ctx -> {
            long incarnation = starts.getAndIncrement();
            int[] shape = game.observationShape();
            // the architecture only: the coach sends the parameters before any chunk
            PolicyValueNetwork network = PolicyValueNetwork.build(config.network(), shape[0], shape[1], shape[2],
                    game.numDistinctActions(), 0);
            BatchedSearch search = new BatchedSearch(game, config.selfPlay().cacheSize());
            coach.tell(new CoachMessage.WorkerReady(ctx.getSelf(), index, incarnation));
            return Behaviors.receive(SelfPlayMessage.class)
                    .onMessage(SelfPlayMessage.UseNetwork.class, m -> {
                        network.setParams(m.params());
                        search.clearCache();
                        return Behaviors.same();
                    })
                    .onMessage(SelfPlayMessage.Play.class, m -> {
                        faults.beforeChunk(index, incarnation, m.generation(), m.chunk());
                        long start = System.nanoTime();
                        long evaluationsBefore = search.evaluations();
                        SelfPlay selfPlay = new SelfPlay(game, config.search(), m.concurrentGames(),
                                config.selfPlay().temperatureMoves(), config.selfPlay().qTargetWeight(),
                                new Rng(m.seed()), search);
                        List<SelfPlayGame> games = selfPlay.play(m.games(), network::evaluate);
                        coach.tell(new CoachMessage.ChunkPlayed(index, m.generation(), m.chunk(), games,
                                (System.nanoTime() - start) / 1e9, search.evaluations() - evaluationsBefore));
                        return Behaviors.same();
                    })
                    .build();
        })).onFailure(RuntimeException.class, SupervisorStrategy.restart());
    }
}
