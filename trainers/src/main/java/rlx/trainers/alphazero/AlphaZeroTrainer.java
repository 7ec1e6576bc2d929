package rlx.trainers.alphazero;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.BatchedSearch;
import rlx.agents.alphazero.NetworkFiles;
import rlx.agents.alphazero.ReplayWindow;
import rlx.agents.alphazero.SelfPlay;
import rlx.agents.alphazero.SelfPlayGame;
import rlx.agents.alphazero.TrainingPosition;
import rlx.agents.play.ArenaResult;
import rlx.agents.play.BatchedMatch;
import rlx.agents.play.Contestant;
import rlx.agents.play.PlayerSpec;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
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

    public static final String GENERATIONS_CSV = "generations.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlphaZeroConfig config;
    private final Game game;
    private final TrainSettings settings;
    private final Checkpoints checkpoints;
    private final Path runDir;
    private final TrainingListener listener;
    private final PlayerSpec opponent;

    public AlphaZeroTrainer(AlphaZeroConfig config, Game game, TrainSettings settings, Path checkpointDir,
                            TrainingListener listener) {
        this.config = config;
        this.game = game;
        this.settings = settings;
        this.checkpoints = new Checkpoints(checkpointDir, 2);
        this.runDir = checkpointDir.toAbsolutePath().getParent();
        this.listener = listener;
        this.opponent = PlayerSpec.parse(config.evaluation().opponent());
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
    }

    public TrainOutcome run(boolean resume) throws IOException {
        Loop loop = new Loop();
        Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
        if (latest.isPresent()) {
            restore(loop, latest.get());
        } else {
            start(loop);
        }
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
                    config.selfPlay().temperatureMoves(), loop.selfPlayRng, selfPlaySearch);
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
            PolicyValueNetwork.Losses losses = train(loop, lastLoss);
            double trainSeconds = (System.nanoTime() - t1) / 1e9;
            // gate: the learner against the best
            long t2 = System.nanoTime();
            ArenaResult gate = gate(loop, learnerSearch, selfPlaySearch);
            double gateScore = gate.score();
            double elo = loop.bestElo + eloDifference(gateScore, gate.games());
            boolean promoted = gateScore >= config.gate().threshold();
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
                EvalRecord eval = evaluate(loop, selfPlaySearch, settings.evalEpisodes(), false);
                evalScore = (eval.meanReturn() + 1) / 2;
                loop.lastEvalPositions = loop.positions;
            }
            loop.wallSeconds = wallBefore + (System.nanoTime() - sessionStart) / 1e9;
            GenerationRecord record = new GenerationRecord(loop.generation, loop.positions, loop.games,
                    losses.policy(), losses.value(), losses.policyEntropy(), gateScore, promoted, elo, evalScore,
                    selfPlaySeconds, trainSeconds, gateSeconds, evalsPerSecond);
            appendGeneration(record);
            checkpoint(loop);
            listener.onProgress(loop.positions, loop.games,
                    (loop.positions - sessionPositions) / Math.max(loop.wallSeconds - wallBefore, 1e-9));
        }
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        EvalRecord finalEval = evaluate(loop, new BatchedSearch(game, config.selfPlay().cacheSize()),
                settings.finalEvalEpisodes(), true);
        return new TrainOutcome(loop.positions, loop.games, loop.wallSeconds,
                (loop.positions - sessionPositions) / Math.max(sessionSeconds, 1e-9), finalEval,
                java.util.Map.of("generations", loop.generation, "promotions", loop.promotions,
                        "best_elo", loop.bestElo, "evaluation_opponent", config.evaluation().opponent()));
    }

    private void start(Loop loop) throws IOException {
        int[] shape = game.observationShape();
        loop.learner = PolicyValueNetwork.build(config.network(), shape[0], shape[1], shape[2],
                game.numDistinctActions(), Seeds.derive(settings.seed(), "network"));
        loop.best = loop.learner.copy();
        loop.window = newWindow();
        loop.selfPlayRng = new Rng(Seeds.derive(settings.seed(), "self-play"));
        loop.trainRng = new Rng(Seeds.derive(settings.seed(), "replay"));
        loop.matchRng = new Rng(Seeds.derive(settings.seed(), "eval"));
        loop.best.save(runDir.resolve(NetworkFiles.BEST_DIR));
        Files.deleteIfExists(runDir.resolve(GENERATIONS_CSV));
        Files.writeString(runDir.resolve(GENERATIONS_CSV), String.join(",", GenerationRecord.COLUMNS) + "\n",
                StandardCharsets.UTF_8);
    }

    private ReplayWindow newWindow() {
        int[] shape = game.observationShape();
        return new ReplayWindow(config.training().window(), shape[0], game.observationSize(),
                game.numDistinctActions(), game.symmetries());
    }

    private PolicyValueNetwork.Losses train(Loop loop, float[] lastLoss) {
        int n = config.training().batchSize();
        float[] boards = new float[n * game.observationSize()];
        float[] policy = new float[n * game.numDistinctActions()];
        float[] value = new float[n];
        if (loop.window.size() < Math.max(n, config.training().minPositions())) {
            return new PolicyValueNetwork.Losses(Double.NaN, Double.NaN, Double.NaN);
        }
        for (int step = 0; step < config.training().stepsPerGeneration(); step++) {
            loop.window.sample(n, loop.trainRng, boards, policy, value);
            lastLoss[0] = (float) loop.learner.fit(boards, policy, value, n);
        }
        loop.window.sample(n, loop.trainRng, boards, policy, value);
        return loop.learner.measure(boards, policy, value, n);
    }

    private ArenaResult gate(Loop loop, BatchedSearch learnerSearch, BatchedSearch bestSearch) {
        var search = config.search().withoutNoise().withSimulations(config.gate().simulations());
        return BatchedMatch.play(game, new Contestant.Searching(loop.learner::evaluate, search, learnerSearch),
                new Contestant.Searching(loop.best::evaluate, search, bestSearch), config.gate().games(),
                config.gate().samplingPlies(), loop.matchRng, r -> { });
    }

    /** The best network against the evaluation opponent; mean return is its mean result, +1 win, -1 loss. */
    private EvalRecord evaluate(Loop loop, BatchedSearch search, int games, boolean isFinal) {
        var puct = config.search().withoutNoise().withSimulations(config.evaluation().simulations());
        long opponentSeed = Seeds.derive(Seeds.derive(settings.seed(), "opponent"), loop.generation);
        List<Double> results = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        BatchedMatch.play(game, new Contestant.Searching(loop.best::evaluate, puct, search),
                new Contestant.Playing(i -> opponent.create(game, Seeds.derive(opponentSeed, i))), games, 0,
                loop.matchRng, r -> {
                    results.add(2 * r.outcome().aScore() - 1);
                    lengths.add(r.moves());
                });
        double mean = results.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = results.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0);
        EvalRecord eval = new EvalRecord(loop.positions, games, mean, Math.sqrt(var),
                lengths.stream().mapToInt(Integer::intValue).average().orElse(0), isFinal);
        listener.onEval(eval);
        return eval;
    }

    /** Elo difference implied by a score over {@code games} games, kept finite at a clean sweep. */
    static double eloDifference(double score, int games) {
        double s = Math.min(Math.max(score, 0.5 / games), 1 - 0.5 / games);
        return 400 * Math.log10(s / (1 - s));
    }

    private void appendGeneration(GenerationRecord record) throws IOException {
        Files.writeString(runDir.resolve(GENERATIONS_CSV), record.csvRow() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void checkpoint(Loop loop) throws IOException {
        Path dir = checkpoints.write(loop.positions, tmp -> {
            loop.learner.save(tmp.resolve("learner"));
            loop.best.save(tmp.resolve("best"));
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(tmp.resolve("window.bin"))))) {
                loop.window.write(out);
            }
            JSON.writeValue(tmp.resolve("trainer.json").toFile(), new AlphaZeroTrainerState(loop.generation,
                    loop.positions, loop.games, loop.wallSeconds, loop.bestElo, loop.promotions,
                    loop.selfPlayRng.state(), loop.trainRng.state(), loop.matchRng.state(), loop.resumes));
        });
        listener.onCheckpoint(loop.positions, dir);
    }

    private void restore(Loop loop, Path dir) throws IOException {
        AlphaZeroTrainerState state = JSON.readValue(dir.resolve("trainer.json").toFile(),
                AlphaZeroTrainerState.class);
        loop.learner = PolicyValueNetwork.load(dir.resolve("learner"));
        loop.best = PolicyValueNetwork.load(dir.resolve("best"));
        loop.window = newWindow();
        Path windowFile = dir.resolve("window.bin");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(windowFile)))) {
            loop.window.read(in, windowFile.toString());
        }
        loop.selfPlayRng = Rng.restore(state.selfPlayRng());
        loop.trainRng = Rng.restore(state.trainRng());
        loop.matchRng = Rng.restore(state.matchRng());
        loop.generation = state.generation();
        loop.positions = state.positions();
        loop.games = state.games();
        loop.wallSeconds = state.wallSeconds();
        loop.bestElo = state.bestElo();
        loop.promotions = state.promotions();
        loop.resumes = state.resumes() + 1;
        loop.lastEvalPositions = loop.positions;
        // the best network as of the checkpoint, and generations.csv cut back to what the checkpoint covers
        loop.best.save(runDir.resolve(NetworkFiles.BEST_DIR));
        truncateGenerations(state.generation());
    }

    private void truncateGenerations(int generation) throws IOException {
        Path csv = runDir.resolve(GENERATIONS_CSV);
        List<String> lines = Files.exists(csv) ? Files.readAllLines(csv, StandardCharsets.UTF_8) : List.of();
        List<String> kept = new ArrayList<>();
        kept.add(String.join(",", GenerationRecord.COLUMNS));
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String first = line.split(",", 2)[0];
            if (!first.isBlank() && Integer.parseInt(first) <= generation) {
                kept.add(line);
            }
        }
        Path tmp = csv.resolveSibling(GENERATIONS_CSV + ".resume-tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
