package rlx.trainers.pg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rlx.agents.pg.A3cWorker;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.Rollout;
import rlx.agents.pg.RolloutCollector;
import rlx.envs.core.EnvRegistry;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * {@code runtime.runners = 0}: the components of the actor runtime in one thread, no actors. A2C and PPO collect
 * one rollout and update; A3C runs a single worker whose gradients are applied in turn.
 */
public final class LocalPgTrainer {

    /** Node name in the transition accounting for in-thread collection. */
    public static final String LOCAL_NODE = "local";

    private final PgAlgorithmKind kind;
    private final PgConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;

    public LocalPgTrainer(PgAlgorithmKind kind, PgConfig config, TrainSettings settings, EnvRegistry registry,
                          Path checkpointDir, TrainingListener listener) {
        this.kind = kind;
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.checkpointDir = checkpointDir;
        this.listener = listener;
    }

    public TrainOutcome run(boolean resume) throws IOException {
        kind.requireSupported(config);
        PgRun run = new PgRun(config, settings, registry, checkpointDir, listener, resume);
        long seed = Collectors.runnerSeed(settings.seed(), 0, run.resumes(), 0);
        if (kind == PgAlgorithmKind.A3C) {
            A3cWorker worker = Collectors.a3cWorker(config, settings, registry, run.inputSize(), run.numActions(), seed);
            var params = run.params();
            while (!run.done()) {
                var g = worker.step(params);
                run.produced(LOCAL_NODE, g.transitions(), g.envRestarts());
                params = run.apply(g);
            }
        } else {
            RolloutCollector collector = Collectors.collector(config, settings, registry, run.inputSize(),
                    run.numActions(), seed);
            while (!run.done()) {
                collector.load(run.params(), run.normalizer());
                Rollout r = collector.collect();
                run.produced(LOCAL_NODE, r.size(), r.envRestarts());
                run.update(List.of(r));
            }
        }
        return run.finish();
    }
}
