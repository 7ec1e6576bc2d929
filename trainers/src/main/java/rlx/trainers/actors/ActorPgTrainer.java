package rlx.trainers.actors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.Behavior;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.pg.PgAlgorithmKind;
import rlx.trainers.pg.PgRun;

/**
 * Runs A2C, PPO or A3C on the actor runtime in this JVM: a learner actor and {@code runtime.runners} env runner
 * actors, each with {@code env.num-envs} env copies, all on the compute dispatcher.
 */
public final class ActorPgTrainer {

    private final PgAlgorithmKind kind;
    private final PgConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private RunnerFaults faults = RunnerFaults.NONE;

    public ActorPgTrainer(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, EnvRegistry registry,
                          Path checkpointDir, TrainingListener listener) {
        this.kind = kind;
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
    }

    /** Injects runner crashes (tests of supervision). */
    public ActorPgTrainer withFaults(RunnerFaults value) {
        this.faults = value;
        return this;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        kind.requireSupported(config);
        PgRun run = new PgRun(config, settings, registry, checkpointDir, listener, resume);
        CompletableFuture<TrainOutcome> outcome = new CompletableFuture<>();
        return LearnerHost.run(learner(run, outcome, config.runtime().runners()), outcome);
    }

    /**
     * The learner of {@code run} with {@code localRunners} runners spawned as its children (and replaced when they
     * stop); it completes {@code outcome} when the run ends.
     */
    public Behavior<LearnerCommand> learner(PgRun run, CompletableFuture<TrainOutcome> outcome, int localRunners) {
        return learner(run, outcome, localRunners, 0);
    }

    /** As above, with {@code remoteRunners} on worker nodes that the first round also waits for. */
    public Behavior<LearnerCommand> learner(PgRun run, CompletableFuture<TrainOutcome> outcome, int localRunners,
                                            int remoteRunners) {
        AtomicLong requests = new AtomicLong();
        Learner.LocalRunners spawn = (ctx, index) -> ctx.spawn(
                EnvRunner.create(ctx.getSelf(), index, parts(run, index), faults, requests),
                "runner-" + index + "-" + requests.get() + "-" + System.nanoTime(), RuntimeSystem.compute());
        return Learner.create(kind, run, outcome, spawn, localRunners, remoteRunners);
    }

    private EnvRunner.Parts parts(PgRun run, int index) {
        return new RunnerParts(kind, config, settings, registry, run.inputSize(), run.numActions(), run.layout(),
                run.resumes(),
                index);
    }

}
