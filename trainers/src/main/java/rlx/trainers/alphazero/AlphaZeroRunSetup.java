package rlx.trainers.alphazero;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pekko.actor.typed.DispatcherSelector;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.agents.alphazero.NetworkFiles;
import rlx.agents.alphazero.ReplayWindow;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.games.Game;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * What the actors of one AlphaZero run start from: fresh networks, or everything a checkpoint holds.
 *
 * @param selfPlayParams the network the first self-play generation of this session plays with
 * @param dispatcher where the actors run; null for the one-thread loop
 * @param state the counters and random streams as of the checkpoint (generation 0 for a fresh run)
 */
record AlphaZeroRunSetup(AlphaZeroConfig config, Game game, TrainSettings settings, GenerationSteps steps,
                         PolicyValueNetwork learner, PolicyValueNetwork best, float[] bestParams,
                         float[] selfPlayParams, ReplayWindow window, AlphaZeroTrainerState state,
                         Checkpoints checkpoints, Path bestDir, GenerationLog log, TrainingListener listener,
                         int workers, SelfPlayFaults faults, DispatcherSelector dispatcher) {

    static AlphaZeroRunSetup prepare(AlphaZeroConfig config, Game game, TrainSettings settings, Path checkpointDir,
                                     TrainingListener listener, int workers, SelfPlayFaults faults,
                                     DispatcherSelector dispatcher, boolean resume) throws IOException {
        Checkpoints checkpoints = new Checkpoints(checkpointDir, 2);
        Path runDir = checkpointDir.toAbsolutePath().getParent();
        Path bestDir = runDir.resolve(NetworkFiles.BEST_DIR);
        GenerationLog log = new GenerationLog(runDir);
        GenerationSteps steps = new GenerationSteps(config, game, settings.seed());
        int[] shape = game.observationShape();
        ReplayWindow window = new ReplayWindow(config.training().window(), shape[0], game.observationSize(),
                game.numDistinctActions(), game.symmetries());
        Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
        if (latest.isPresent()) {
            AlphaZeroCheckpoint.Contents c = AlphaZeroCheckpoint.read(latest.get(), window);
            AlphaZeroTrainerState s = c.state();
            AlphaZeroTrainerState state = new AlphaZeroTrainerState(s.generation(), s.positions(), s.games(),
                    s.wallSeconds(), s.bestElo(), s.promotions(), s.selfPlayRng(), s.trainRng(), s.matchRng(),
                    s.resumes() + 1);
            c.best().save(bestDir);
            log.truncateAfter(s.generation());
            float[] best = c.best().params();
            float[] selfPlay = c.selfPlay() != null ? c.selfPlay().params() : best;
            return new AlphaZeroRunSetup(config, game, settings, steps, c.learner(), c.best(), best, selfPlay, window,
                    state, checkpoints, bestDir, log, listener, workers, faults, dispatcher);
        }
        PolicyValueNetwork learner = PolicyValueNetwork.build(config.network(), shape[0], shape[1], shape[2],
                game.numDistinctActions(), Seeds.derive(settings.seed(), "network"));
        if (config.warmStart().isPresent()) {
            learner.setParams(warmStartParams(Path.of(config.warmStart().get()), game, learner));
        }
        PolicyValueNetwork best = learner.copy();
        best.save(bestDir);
        log.start();
        AlphaZeroTrainerState state = new AlphaZeroTrainerState(0, 0, 0, 0, 0, 0,
                new Rng(Seeds.derive(settings.seed(), "self-play")).state(),
                new Rng(Seeds.derive(settings.seed(), "replay")).state(),
                new Rng(Seeds.derive(settings.seed(), "eval")).state(), 0);
        float[] params = best.params();
        return new AlphaZeroRunSetup(config, game, settings, steps, learner, best, params, params, window, state,
                checkpoints, bestDir, log, listener, workers, faults, dispatcher);
    }

    /** The weights of the network at {@code path}, which must have the configured network's shape. */
    private static float[] warmStartParams(Path path, Game game, PolicyValueNetwork configured) {
        PolicyValueNetwork trained;
        try {
            trained = NetworkFiles.load(path, game);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent.warm-start: " + e.getMessage(), e);
        }
        if (trained.numParams() != configured.numParams()) {
            throw new IllegalArgumentException("agent.warm-start: the network at " + path + " has "
                    + trained.numParams() + " parameters, the one agent.network describes has "
                    + configured.numParams() + ": give agent.network the trained network's filters, blocks and"
                    + " value-hidden");
        }
        return trained.params();
    }
}
