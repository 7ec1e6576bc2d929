package rlx.trainers.apex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import rlx.agents.dqn.ApexConfig;
import rlx.agents.replay.PrioritizedReplay;
import rlx.agents.replay.ReplayBuffer;
import rlx.agents.replay.UniformReplay;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.trainers.actors.EnvRunner;
import rlx.trainers.actors.LearnerHost;
import rlx.trainers.actors.LearnerCommand;
import rlx.trainers.actors.ReplayCommand;
import rlx.trainers.actors.RunnerCommand;
import rlx.trainers.actors.RunnerFaults;
import rlx.trainers.actors.RuntimeSystem;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/** Runs distributed DQN in this JVM: a learner actor, a replay actor and {@code runners} runner actors. */
public final class ActorApexTrainer {

    private final ApexConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private RunnerFaults faults = RunnerFaults.NONE;

    public ActorApexTrainer(ApexConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                            TrainingListener listener) {
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
    }

    public ActorApexTrainer withFaults(RunnerFaults value) {
        this.faults = value;
        return this;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        ApexRun run = new ApexRun(config, settings, registry, checkpointDir, listener, resume);
        CompletableFuture<TrainOutcome> outcome = new CompletableFuture<>();
        return LearnerHost.run(learner(run, outcome, 0), outcome);
    }

    /** The learner actor of a run, with its replay actor and {@code runners} local runners as children. */
    /** The learner with its local runners; its first collection also waits for {@code remoteRunners} more. */
    Behavior<LearnerCommand> learner(ApexRun run, CompletableFuture<TrainOutcome> outcome, int remoteRunners) {
        AtomicLong requests = new AtomicLong();
        AtomicLong spawned = new AtomicLong();
        ApexLearner.Children children = new ApexLearner.Children() {
            @Override
            public org.apache.pekko.actor.typed.ActorRef<ReplayCommand> replay(ActorContext<LearnerCommand> learner) {
                return learner.spawn(ReplayActor.create(newReplay(run.inputSize()),
                        new Rng(Seeds.derive(Seeds.derive(settings.seed(), "replay"), run.resumes())), learner.getSelf()),
                        "replay", RuntimeSystem.compute());
            }

            @Override
            public org.apache.pekko.actor.typed.ActorRef<RunnerCommand> runner(ActorContext<LearnerCommand> learner,
                                                                                int index) {
                EnvRunner.Parts parts = new ApexRunnerParts(config, settings, registry, run.inputSize(),
                        run.numActions(), run.resumes(), index);
                return learner.spawn(EnvRunner.create(learner.getSelf(), index, parts, faults, requests),
                        "runner-" + index + "-" + spawned.getAndIncrement(), RuntimeSystem.compute());
            }
        };
        return ApexLearner.create(config, run, outcome, children, settings.numEnvs(), remoteRunners);
    }

    private ReplayBuffer newReplay(int obsSize) {
        var dqn = config.dqn();
        return dqn.prioritized().enabled()
                ? new PrioritizedReplay(dqn.bufferSize(), obsSize, dqn.prioritized().alpha(),
                        dqn.prioritized().epsilon())
                : new UniformReplay(dqn.bufferSize(), obsSize);
    }
}
