package rlx.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import rlx.agents.core.DiscretePolicy;
import rlx.agents.pg.PgConfig;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.actors.ActorPgTrainer;
import rlx.trainers.cluster.ClusterPgTrainer;
import rlx.trainers.cluster.ClusterSettings;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.pg.LocalPgTrainer;
import rlx.trainers.pg.PgAlgorithmKind;
import rlx.trainers.pg.PgRun;

/**
 * {@code algorithm = a2c | ppo | a3c}: rlx's actor-critic algorithms, run by runner actors feeding a learner actor,
 * or in one thread when {@code agent.runtime.runners = 0}; with {@code cluster.role = learner} the runners may also
 * live on worker nodes.
 */
final class PgAlgorithm implements Algorithm<PgConfig> {

    private final PgAlgorithmKind kind;

    PgAlgorithm(PgAlgorithmKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Class<PgConfig> configType() {
        return PgConfig.class;
    }

    @Override
    public PgConfig bind(com.typesafe.config.Config root) {
        PgConfig config = Algorithm.super.bind(root);
        kind.requireSupported(config);
        return config;
    }

    @Override
    public TrainOutcome train(PgConfig config, TrainSettings settings, EnvRegistry registry, Path checkpoints,
                              TrainingListener listener, boolean resume) throws IOException {
        if (config.runtime().runners() == 0) {
            return new LocalPgTrainer(kind, config, settings, registry, checkpoints, listener).run(resume);
        }
        return new ActorPgTrainer(kind, config, settings, registry, checkpoints, listener).run(resume);
    }

    @Override
    public boolean runsOnCluster() {
        return true;
    }

    @Override
    public TrainOutcome trainOnCluster(PgConfig config, TrainSettings settings, ClusterSettings cluster,
                                       EnvRegistry registry, Path checkpoints, TrainingListener listener,
                                       boolean resume) throws IOException {
        return new ClusterPgTrainer(kind, config, settings, registry, checkpoints, listener, cluster).run(resume);
    }

    @Override
    public DiscretePolicy loadPolicy(PgConfig config, Path checkpoint) {
        return PgRun.loadPolicy(config, checkpoint);
    }
}
