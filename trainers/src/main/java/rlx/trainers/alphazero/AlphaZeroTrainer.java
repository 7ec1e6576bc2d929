package rlx.trainers.alphazero;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.NetworkFiles;
import rlx.agents.alphazero.ReplayWindow;
import rlx.agents.alphazero.SelfPlay;
import rlx.agents.alphazero.SelfPlayGame;
import rlx.agents.alphazero.TrainingPosition;
import rlx.agents.play.ArenaResult;
import rlx.envs.core.Rng;
import rlx.envs.games.Game;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * AlphaZero's generation loop in one process: the best network plays a generation of self-play games into the
 * replay window; the learner network trains on the window; the gate plays it against the best network and promotes
 * it on a score of at least {@code gate.threshold}; at each evaluation interval the best network plays the
 * evaluation opponent. Each generation ends with a checkpoint (both networks, the window, the counters and the
 * random streams), one line in {@code generations.csv} and, after a promotion, the new best network in
 * {@code best-network/} of the run directory, where {@code alphazero:run=<dir>} finds it. The run stops once
 * self-play has produced {@code train.total-steps} positions.
 */
public final class AlphaZeroTrainer {

    public static final String GENERATIONS_CSV = GenerationLog.FILE;

    private final AlphaZeroConfig config;
    private final Game game;
    private final TrainSettings settings;
    private final Path checkpointDir;
    private final Path runDir;
    private final TrainingListener listener;
    private final GenerationSteps steps;
    private final GenerationLog log;

    public AlphaZeroTrainer(AlphaZeroConfig config, Game game, TrainSettings settings, Path checkpointDir,
                            TrainingListener listener) {
        this.config = config;
        this.game = game;
        this.settings = settings;
        this.checkpointDir = checkpointDir;
        this.runDir = checkpointDir.toAbsolutePath().getParent();
        this.listener = listener;
        this.steps = new GenerationSteps(config, game, settings.seed());
        this.log = new GenerationLog(runDir);
    }

    /** The mutable state of a run: what a checkpoint saves. */
    private final class Loop {
        PolicyValueNetwork learner;
        PolicyValueNetwork best;
        ReplayWindow window;
        Rng selfPlayRng;
        Rng trainRng;
        Rng matchRng;
        int generation;
        long positions;
        long games;
        double wallSeconds;
        double bestElo;
        int promotions;
        long resumes;
        long lastEvalPositions;
        final Checkpoints checkpoints;

        /** The state a fresh run starts from, or the one a checkpoint holds. */
        Loop(AlphaZeroRunSetup setup) {
            AlphaZeroTrainerState s = setup.state();
            learner = setup.learner();
            best = setup.best();
            window = setup.window();
            selfPlayRng = Rng.restore(s.selfPlayRng());
            trainRng = Rng.restore(s.trainRng());
            matchRng = Rng.restore(s.matchRng());
            generation = s.generation();
            positions = s.positions();
            games = s.games();
            wallSeconds = s.wallSeconds();
            bestElo = s.bestElo();
            promotions = s.promotions();
            resumes = s.resumes();
            lastEvalPositions = s.positions();
            checkpoints = setup.checkpoints();
        }
    }

    public TrainOutcome run(boolean resume) throws IOException {
        Loop loop = new Loop(AlphaZeroRunSetup.prepare(config, game, settings, checkpointDir, listener, 0,
                SelfPlayFaults.NONE, null, resume));
        BatchedSearch selfPlaySearch = new BatchedSearch(game, config.selfPlay().cacheSize());
        BatchedSearch learnerSearch = new BatchedSearch(game, config.selfPlay().cacheSize());
        long sessionStart = System.nanoTime();
        long sessionPositions = loop.positions;
        double wallBefore = loop.wallSeconds;
        float[] lastLoss = {Float.NaN};
        while (loop.positions < settings.totalSteps()) {
            loop.generation++;
            // self-play with the best network
            long t0 = System.nanoTime();
            long evalsBefore = selfPlaySearch.evaluations();
            SelfPlay selfPlay = new SelfPlay(game, config.search(), config.selfPlay().concurrentGames(),
                    config.selfPlay().temperatureMoves(), config.selfPlay().qTargetWeight(), loop.selfPlayRng,
                    selfPlaySearch);
            List<SelfPlayGame> played = selfPlay.play(config.selfPlay().gamesPerGeneration(), loop.best::evaluate);
            double selfPlaySeconds = (System.nanoTime() - t0) / 1e9;
            double evalsPerSecond = (selfPlaySearch.evaluations() - evalsBefore) / Math.max(selfPlaySeconds, 1e-9);
            for (SelfPlayGame g : played) {
                for (TrainingPosition p : g.positions()) {
                    loop.window.add(p);
                }
                loop.positions += g.length();
                loop.games++;
                double elapsed = wallBefore + (System.nanoTime() - sessionStart) / 1e9;
                listener.onEpisode(new EpisodeRecord(loop.positions, loop.games, g.winner() < 0 ? 0
                        : g.winner() == 0 ? 1 : -1, g.length(), lastLoss[0], Double.NaN, Double.NaN,
                        (loop.positions - sessionPositions) / Math.max(elapsed - wallBefore, 1e-9), elapsed));
            }
            // train the learner on the window
            long t1 = System.nanoTime();
            PolicyValueNetwork.Losses losses = steps.train(loop.learner, loop.window, loop.trainRng);
            lastLoss[0] = (float) (losses.policy() + losses.value());
            double trainSeconds = (System.nanoTime() - t1) / 1e9;
            // gate: the learner against the best
            long t2 = System.nanoTime();
            ArenaResult gate = steps.gate(loop.learner::evaluate, learnerSearch, loop.best::evaluate, selfPlaySearch,
                    loop.matchRng);
            double gateScore = gate.score();
            double elo = loop.bestElo + GenerationSteps.eloDifference(gateScore, gate.games());
            boolean promoted = steps.promotes(gate);
            if (promoted) {
                loop.best.setParams(loop.learner.params());
                loop.bestElo = elo;
                loop.promotions++;
                selfPlaySearch.clearCache();
                loop.best.save(runDir.resolve(NetworkFiles.BEST_DIR));
            }
            learnerSearch.clearCache();
            double gateSeconds = (System.nanoTime() - t2) / 1e9;
            // evaluation against the outside opponent
            double evalScore = Double.NaN;
            boolean last = loop.positions >= settings.totalSteps();
            if (!last && settings.evalInterval() > 0
                    && loop.positions - loop.lastEvalPositions >= settings.evalInterval()) {
                EvalRecord eval = steps.evaluate(loop.best::evaluate, selfPlaySearch, settings.evalEpisodes(),
                        loop.positions, loop.generation, false, loop.matchRng);
                listener.onEval(eval);
                evalScore = (eval.meanReturn() + 1) / 2;
                loop.lastEvalPositions = loop.positions;
            }
            loop.wallSeconds = wallBefore + (System.nanoTime() - sessionStart) / 1e9;
            GenerationRecord record = new GenerationRecord(loop.generation, loop.positions, loop.games,
                    losses.policy(), losses.value(), losses.policyEntropy(), gateScore, promoted, elo, evalScore,
                    selfPlaySeconds, trainSeconds, gateSeconds, evalsPerSecond);
            log.append(record);
            checkpoint(loop);
            listener.onProgress(loop.positions, loop.games,
                    (loop.positions - sessionPositions) / Math.max(loop.wallSeconds - wallBefore, 1e-9));
        }
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        EvalRecord finalEval = steps.evaluate(loop.best::evaluate, new BatchedSearch(game,
                config.selfPlay().cacheSize()), settings.finalEvalEpisodes(), loop.positions, loop.generation, true,
                loop.matchRng);
        listener.onEval(finalEval);
        return new TrainOutcome(loop.positions, loop.games, loop.wallSeconds,
                (loop.positions - sessionPositions) / Math.max(sessionSeconds, 1e-9), finalEval,
                java.util.Map.of("generations", loop.generation, "promotions", loop.promotions,
                        "best_elo", loop.bestElo, "evaluation_opponent", config.evaluation().opponent()));
    }

    private void checkpoint(Loop loop) throws IOException {
        Path dir = loop.checkpoints.write(loop.positions, tmp -> AlphaZeroCheckpoint.write(tmp, loop.learner, loop.best,
                null, loop.window, new AlphaZeroTrainerState(loop.generation, loop.positions, loop.games,
                        loop.wallSeconds, loop.bestElo, loop.promotions, loop.selfPlayRng.state(),
                        loop.trainRng.state(), loop.matchRng.state(), loop.resumes)));
        listener.onCheckpoint(loop.positions, dir);
    }
}
