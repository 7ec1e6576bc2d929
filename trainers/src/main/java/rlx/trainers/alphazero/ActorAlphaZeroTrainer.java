package rlx.trainers.alphazero;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.DispatcherSelector;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.envs.games.Game;
import rlx.trainers.actors.LearnerHost;
import rlx.trainers.actors.RuntimeSystem;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * AlphaZero on Pekko actors: {@code self-play.workers} self-play actors, a learner actor and an evaluator actor,
 * each owning its networks, coordinated by a {@link Coach} that overlaps the self-play of one generation with the
 * training and gating of the previous one. Checkpoints are the one-thread loop's ({@link AlphaZeroTrainer}), so a
 * run may resume in either runtime.
 */
public final class ActorAlphaZeroTrainer {

    private final AlphaZeroConfig config;
    private final Game game;
    private final TrainSettings settings;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private SelfPlayFaults faults = SelfPlayFaults.NONE;

    public ActorAlphaZeroTrainer(AlphaZeroConfig config, Game game, TrainSettings settings, Path checkpointDir,
                                 TrainingListener listener) {
        this.config = config;
        this.game = game;
        this.settings = settings;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
    }

    /** Injects self-play failures (tests of supervision). */
    public ActorAlphaZeroTrainer withFaults(SelfPlayFaults value) {
        this.faults = value;
        return this;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        AlphaZeroRunSetup setup = AlphaZeroRunSetup.prepare(config, game, settings, checkpointDir, listener,
                config.selfPlay().workers(), faults, RuntimeSystem.compute(), resume);
        CompletableFuture<TrainOutcome> outcome = new CompletableFuture<>();
        // the coach only routes messages: it stays on the default dispatcher, out of the compute pool's way; one
        // compute thread per actor that computes: the self-play actors, the learner and the evaluator
        return LearnerHost.run(Coach.create(setup, outcome), "coach", DispatcherSelector.defaultDispatcher(),
                config.selfPlay().workers() + 2, outcome);
    }
}
