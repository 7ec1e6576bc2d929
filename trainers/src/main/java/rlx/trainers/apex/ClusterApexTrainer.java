package rlx.trainers.apex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import rlx.agents.dqn.ApexConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.cluster.ClusterPgTrainer;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.cluster.RunSpec;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * {@code cluster.role = learner} for distributed DQN: the learner and replay actors run in this JVM, which becomes a
 * learner node; {@code agent.runners} runners run here and worker nodes add theirs, all sending transitions to the
 * replay actor over Artery.
 */
public final class ClusterApexTrainer {

    private final ActorApexTrainer local;
    private final ApexConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private final ClusterSettings cluster;

    public ClusterApexTrainer(ApexConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                              TrainingListener listener, ClusterSettings cluster) {
        if (!cluster.isLearner()) {
            throw new IllegalArgumentException("ClusterApexTrainer needs cluster.role = learner, not " + cluster.role());
        }
        this.local = new ActorApexTrainer(config, settings, registry, checkpointDir, listener);
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
        this.cluster = cluster;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        ApexRun run = new ApexRun(config, settings, registry, checkpointDir, listener, resume);
        CompletableFuture<TrainOutcome> outcome = new CompletableFuture<>();
        RunSpec spec = new RunSpec.ApexDqn(config, settings, run.inputSize(), run.numActions(), run.resumes());
        return ClusterPgTrainer.runLearnerNode(cluster, remoteRunners -> local.learner(run, outcome, remoteRunners), spec, run.params(),
                config.runners(), outcome);
    }
}
