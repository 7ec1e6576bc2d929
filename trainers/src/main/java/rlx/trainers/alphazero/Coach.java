package rlx.trainers.alphazero;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import rlx.agents.alphazero.SelfPlayGame;
import rlx.envs.core.Seeds;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.TrainOutcome;

/**
 * Runs the generations as a pipeline over the actors: while the learner trains on generation g and the evaluator
 * gates it, the self-play actors already play generation g + 1 with the best network after gate g - 1. The order
 * of events is fixed whatever the timing (self-play of g needs the games of g - 1 and gate g - 2; training of g
 * needs gate g - 1), and each chunk's randomness comes from its generation and index, so a run is reproducible
 * and a lost chunk is replayed identically. Each gate is followed by a checkpoint the learner writes.
 */
final class Coach {

    private final AlphaZeroRunSetup run;
    private final CompletableFuture<TrainOutcome> outcome;
    private final ActorContext<CoachMessage> ctx;
    private final ActorRef<LearnerMessage> learner;
    private final ActorRef<GateMessage> gate;
    private final List<ActorRef<SelfPlayMessage>> workers = new ArrayList<>();
    /** The generation whose gate produced the network each self-play actor holds (MIN_VALUE: none yet). */
    private final List<Integer> workerNetwork = new ArrayList<>();
    private final Map<Integer, Generation> generations = new HashMap<>();
    /** Best network's parameters after each gate; the entry at -1 and 0 is the starting network. */
    private final Map<Integer, float[]> bestAfterGate = new HashMap<>();
    private final long sessionStart = System.nanoTime();
    private final long sessionPositions;
    private int lastGated;
    private int lastSelfPlayStarted;
    private int finalGeneration = -1;
    private long producedPositions;
    private long positions;
    private long games;
    private double bestElo;
    private int promotions;
    private long[] matchRng;
    private long lastEvalPositions;
    private int readyWorkers;

    /** One generation's self-play chunks as they come in, and its measurements. */
    private static final class Generation {
        final int number;
        final SelfPlayGame[][] chunks;
        final int[] worker;
        final long startNanos = System.nanoTime();
        double selfPlaySeconds;
        long evaluations;
        int received;
        PolicyValueNetwork.Losses losses;
        boolean trainingSent;
        double trainSeconds;

        Generation(int number, int chunks) {
            this.number = number;
            this.chunks = new SelfPlayGame[chunks][];
            this.worker = new int[chunks];
        }

        boolean complete() {
            return received == chunks.length;
        }

        List<SelfPlayGame> games() {
            List<SelfPlayGame> all = new ArrayList<>();
            for (SelfPlayGame[] c : chunks) {
                all.addAll(List.of(c));
            }
            return all;
        }
    }

    private Coach(ActorContext<CoachMessage> ctx, AlphaZeroRunSetup run, CompletableFuture<TrainOutcome> outcome) {
        this.ctx = ctx;
        this.run = run;
        this.outcome = outcome;
        AlphaZeroTrainerState s = run.state();
        this.lastGated = s.generation();
        this.lastSelfPlayStarted = s.generation();
        this.positions = s.positions();
        this.producedPositions = s.positions();
        this.sessionPositions = s.positions();
        this.lastEvalPositions = s.positions();
        this.games = s.games();
        this.bestElo = s.bestElo();
        this.promotions = s.promotions();
        this.matchRng = s.matchRng();
        bestAfterGate.put(lastGated - 1, run.selfPlayParams());
        bestAfterGate.put(lastGated, run.bestParams());
        this.learner = ctx.spawn(LearnerActor.create(ctx.getSelf(), run.steps(), run.learner(), run.window(),
                rlx.envs.core.Rng.restore(s.trainRng()), run.checkpoints()), "learner", run.dispatcher());
        this.gate = ctx.spawn(GateActor.create(ctx.getSelf(), run.steps(), run.game(), run.best(),
                rlx.envs.core.Rng.restore(s.matchRng()), run.config().selfPlay().cacheSize(), run.bestDir()),
                "evaluator", run.dispatcher());
        for (int i = 0; i < run.workers(); i++) {
            workers.add(ctx.spawn(SelfPlayActor.create(ctx.getSelf(), i, run.game(), run.config(), run.faults()),
                    "self-play-" + i, run.dispatcher()));
            workerNetwork.add(Integer.MIN_VALUE);
        }
    }

    static Behavior<CoachMessage> create(AlphaZeroRunSetup run, CompletableFuture<TrainOutcome> outcome) {
        return Behaviors.setup(ctx -> new Coach(ctx, run, outcome).behavior());
    }

    private Behavior<CoachMessage> behavior() {
        return Behaviors.receive(CoachMessage.class)
                .onMessage(CoachMessage.WorkerReady.class, this::onWorkerReady)
                .onMessage(CoachMessage.ChunkPlayed.class, this::onChunkPlayed)
                .onMessage(CoachMessage.Trained.class, this::onTrained)
                .onMessage(CoachMessage.Gated.class, this::onGated)
                .onMessage(CoachMessage.CheckpointWritten.class, this::onCheckpointWritten)
                .onMessage(CoachMessage.FinalEvaluated.class, this::onFinalEvaluated)
                .onMessage(CoachMessage.Failed.class, this::onFailed)
                .build();
    }

    private Behavior<CoachMessage> onWorkerReady(CoachMessage.WorkerReady m) {
        workers.set(m.index(), m.worker());
        workerNetwork.set(m.index(), Integer.MIN_VALUE);
        if (m.incarnation() == 0) {
            readyWorkers++;
            if (readyWorkers == workers.size()) {
                startSelfPlay(lastSelfPlayStarted + 1);
            }
            return Behaviors.same();
        }
        // a restarted actor lost its network and the chunk it was playing: send both again
        ctx.getLog().warn("self-play actor {} restarted (incarnation {}); replaying its unfinished chunks", m.index(),
                m.incarnation());
        for (Generation g : generations.values()) {
            for (int c = 0; c < g.chunks.length; c++) {
                if (g.chunks[c] == null && g.worker[c] == m.index()) {
                    sendNetwork(m.index(), g.number - 2);
                    m.worker().tell(play(g.number, c));
                }
            }
        }
        return Behaviors.same();
    }

    /** Self-play of {@code generation} with the best network after gate {@code generation - 2}. */
    private void startSelfPlay(int generation) {
        lastSelfPlayStarted = generation;
        int chunks = workers.size();
        Generation g = new Generation(generation, chunks);
        generations.put(generation, g);
        for (int c = 0; c < chunks; c++) {
            g.worker[c] = c;
            sendNetwork(c, generation - 2);
            workers.get(c).tell(play(generation, c));
        }
    }

    /** Sends worker {@code index} the best network after gate {@code gated}, unless it has it already. */
    private void sendNetwork(int index, int gated) {
        if (workerNetwork.get(index) != gated) {
            workers.get(index).tell(new SelfPlayMessage.UseNetwork(gated, bestAfterGate.get(gated)));
            workerNetwork.set(index, gated);
        }
    }

    private SelfPlayMessage.Play play(int generation, int chunk) {
        int chunks = workers.size();
        int total = run.config().selfPlay().gamesPerGeneration();
        int games = total / chunks + (chunk < total % chunks ? 1 : 0);
        int concurrent = Math.max(1, Math.min(games, run.config().selfPlay().concurrentGames() / chunks));
        long seed = Seeds.derive(Seeds.derive(run.settings().seed(), "self-play"), generation * 1024L + chunk);
        return new SelfPlayMessage.Play(generation, chunk, Math.max(games, 1), concurrent, seed);
    }

    private Behavior<CoachMessage> onChunkPlayed(CoachMessage.ChunkPlayed m) {
        Generation g = generations.get(m.generation());
        if (g == null || g.chunks[m.chunk()] != null) {
            return Behaviors.same(); // a duplicate from before a restart
        }
        g.chunks[m.chunk()] = m.games().toArray(new SelfPlayGame[0]);
        g.received++;
        g.evaluations += m.evaluations();
        if (g.complete()) {
            g.selfPlaySeconds = (System.nanoTime() - g.startNanos) / 1e9;
            for (SelfPlayGame game : g.games()) {
                producedPositions += game.length();
            }
            if (producedPositions >= run.settings().totalSteps() && finalGeneration < 0) {
                finalGeneration = g.number;
            }
            advance();
        }
        return Behaviors.same();
    }

    /** Starts whatever the finished steps allow: training of the next generation, self-play of the one after. */
    private void advance() {
        // training of generation lastGated + 1, once all its games are in
        Generation next = generations.get(lastGated + 1);
        if (next != null && next.complete() && !next.trainingSent) {
            next.trainingSent = true;
            learner.tell(new LearnerMessage.AddAndTrain(next.number, next.games()));
        }
        // self-play of s + 1 needs the games of s and gate s - 1
        int s = lastSelfPlayStarted;
        Generation current = generations.get(s);
        boolean gamesIn = current == null || current.complete();
        if (finalGeneration < 0 && gamesIn && lastGated >= s - 1) {
            startSelfPlay(s + 1);
        }
    }

    private Behavior<CoachMessage> onTrained(CoachMessage.Trained m) {
        Generation g = generations.get(m.generation());
        g.losses = m.losses();
        g.trainSeconds = m.seconds();
        for (SelfPlayGame game : g.games()) {
            positions += game.length();
            games++;
            run.listener().onEpisode(new EpisodeRecord(positions, games, game.winner() < 0 ? 0
                    : game.winner() == 0 ? 1 : -1, game.length(), m.losses().policy() + m.losses().value(),
                    Double.NaN, Double.NaN, sessionRate(), wallSeconds()));
        }
        boolean last = m.generation() == finalGeneration;
        int evalGames = !last && run.settings().evalInterval() > 0
                && positions - lastEvalPositions >= run.settings().evalInterval() ? run.settings().evalEpisodes() : 0;
        if (evalGames > 0) {
            lastEvalPositions = positions;
        }
        gate.tell(new GateMessage.Gate(m.generation(), positions, m.candidate(), evalGames));
        return Behaviors.same();
    }

    private Behavior<CoachMessage> onGated(CoachMessage.Gated m) {
        Generation g = generations.get(m.generation());
        double elo = bestElo + GenerationSteps.eloDifference(m.result().score(), m.result().games());
        if (m.promoted()) {
            bestElo = elo;
            promotions++;
        }
        matchRng = m.matchRng();
        lastGated = m.generation();
        bestAfterGate.put(lastGated, m.best());
        bestAfterGate.keySet().removeIf(k -> k < lastGated - 1);
        double evalScore = Double.NaN;
        if (m.evaluation() != null) {
            run.listener().onEval(m.evaluation());
            evalScore = (m.evaluation().meanReturn() + 1) / 2;
        }
        try {
            run.log().append(new GenerationRecord(g.number, positions, games, g.losses.policy(), g.losses.value(),
                    g.losses.policyEntropy(), m.result().score(), m.promoted(), elo, evalScore, g.selfPlaySeconds,
                    g.trainSeconds, m.seconds(), g.evaluations / Math.max(g.selfPlaySeconds, 1e-9)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        learner.tell(new LearnerMessage.WriteCheckpoint(new AlphaZeroTrainerState(lastGated, positions, games,
                wallSeconds(), bestElo, promotions, run.state().selfPlayRng(), null, matchRng,
                run.state().resumes()),
                m.best(), bestAfterGate.get(lastGated - 1)));
        generations.remove(g.number);
        run.listener().onProgress(positions, games, sessionRate());
        advance();
        return Behaviors.same();
    }

    private Behavior<CoachMessage> onCheckpointWritten(CoachMessage.CheckpointWritten m) {
        run.listener().onCheckpoint(m.positions(), m.dir());
        if (m.generation() == finalGeneration) {
            gate.tell(new GateMessage.FinalEvaluation(m.generation(), positions, run.settings().finalEvalEpisodes()));
        }
        return Behaviors.same();
    }

    private Behavior<CoachMessage> onFinalEvaluated(CoachMessage.FinalEvaluated m) {
        run.listener().onEval(m.evaluation());
        outcome.complete(new TrainOutcome(positions, games, wallSeconds(), sessionRate(), m.evaluation(),
                Map.of("generations", lastGated, "promotions", promotions, "best_elo", bestElo,
                        "evaluation_opponent", run.config().evaluation().opponent(),
                        "self_play_actors", workers.size())));
        return Behaviors.stopped();
    }

    private Behavior<CoachMessage> onFailed(CoachMessage.Failed m) {
        outcome.completeExceptionally(new IllegalStateException("the " + m.who() + " failed: " + m.error(),
                m.error()));
        return Behaviors.stopped();
    }

    private double wallSeconds() {
        return run.state().wallSeconds() + (System.nanoTime() - sessionStart) / 1e9;
    }

    private double sessionRate() {
        return (positions - sessionPositions) / Math.max((System.nanoTime() - sessionStart) / 1e9, 1e-9);
    }
}
