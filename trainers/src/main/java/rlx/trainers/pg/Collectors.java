package rlx.trainers.pg;

import rlx.agents.pg.A3cWorker;
import rlx.agents.pg.ActorCriticPolicy;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.RolloutCollector;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.envs.vector.SyncVectorEnv;
import rlx.networks.ac.ActorCriticLayout;
import rlx.networks.ac.ActorCriticNetwork;
import rlx.trainers.core.TrainSettings;

/** Builds the acting side of a policy-gradient run the same way for the in-thread path and for runner actors. */
public final class Collectors {

    private Collectors() {
    }

    /**
     * The seed of runner {@code index}: derived from the root seed, the runner and how often the run was resumed,
     * and how often this runner was restarted, so that no two incarnations replay the same episodes.
     */
    public static long runnerSeed(long rootSeed, int index, long resumes, long incarnation) {
        long s = Seeds.derive(Seeds.derive(rootSeed, "runner"), index);
        return Seeds.derive(Seeds.derive(s, resumes), incarnation);
    }

    /** A collector of {@code settings.numEnvs()} env copies acting with a plain-Java copy of the network. */
    public static RolloutCollector collector(PgConfig config, TrainSettings settings, EnvRegistry registry,
                                             int inputSize, int numActions, long seed) {
        ActorCriticNetwork shape = ActorCriticNetwork.create(config.network(), config.losses(), inputSize, numActions, 0);
        return collector(config, settings, registry, shape.layout(), seed);
    }

    /**
     * The same from the network's layout alone: no DL4J graph is built, so the runner's JVM needs no ND4J backend.
     */
    public static RolloutCollector collector(PgConfig config, TrainSettings settings, EnvRegistry registry,
                                             ActorCriticLayout layout, long seed) {
        return new RolloutCollector(
                () -> SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), settings.numEnvs()),
                new ActorCriticPolicy(layout.forward()), config.rolloutSteps(), config.gamma(), seed);
    }

    /** An A3C worker: a collector plus its own network copy for gradients. */
    public static A3cWorker a3cWorker(PgConfig config, TrainSettings settings, EnvRegistry registry, int inputSize,
                                      int numActions, long seed) {
        PgAlgorithmKind.A3C.requireSupported(config);
        ActorCriticNetwork network = ActorCriticNetwork.create(config.network(), config.losses(), inputSize,
                numActions, 0);
        RolloutCollector collector = new RolloutCollector(
                () -> SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), settings.numEnvs()),
                new ActorCriticPolicy(network.plainForward()), config.rolloutSteps(), config.gamma(), seed);
        return new A3cWorker(config, collector, network);
    }
}
