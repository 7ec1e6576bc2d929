package rlx.experiments.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rlx.envs.core.EnvRegistry;
import rlx.experiments.bench.DqnBenchmark;
import rlx.experiments.bench.MctsBenchmark;
import rlx.experiments.bench.EnvStepBenchmark;

/** {@code rlx bench ...}: throughput benchmarks whose last line is machine-readable. */
@Command(name = "bench", description = "Throughput benchmarks.", mixinStandardHelpOptions = true)
final class BenchCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "env", mixinStandardHelpOptions = true, description = {
        "Raw vectorised env stepping with random actions, one thread. Last line:",
        "  bench env=<id> envs=<n> steps_per_second=<x>"})
    int env(@Parameters(paramLabel = "<id>", description = "Registered env id.") String id,
            @Option(names = "--envs", defaultValue = "64", description = "Vectorised copies (default ${DEFAULT-VALUE}).") int envs,
            @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).") double seconds,
            @Option(names = "--seed", defaultValue = "0", description = "Root seed (default ${DEFAULT-VALUE}).") long seed) {
        EnvStepBenchmark.Result r = new EnvStepBenchmark(EnvRegistry.standard()).run(id, envs, seconds, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "env_steps=%d seconds=%.2f allocated_bytes_per_step=%.4f%n",
                r.envSteps(), r.seconds(), r.allocatedBytesPerStep());
        out.printf(Locale.ROOT, "bench env=%s envs=%d steps_per_second=%.0f%n", id, envs, r.stepsPerSecond());
        return 0;
    }

    @Command(name = "dqn", mixinStandardHelpOptions = true, description = {
        "DQN training throughput on CartPole-v1 with CleanRL's default hyperparameters. Last line:",
        "  bench dqn env_steps=<n> steps_per_second=<x>"})
    int dqn(@Option(names = "--steps", defaultValue = "100000", description = "Env steps (default ${DEFAULT-VALUE}).") long steps,
            @Option(names = "--env", defaultValue = "CartPole-v1", description = "Env id (default ${DEFAULT-VALUE}).") String env,
            @Option(names = "--seed", defaultValue = "1", description = "Root seed (default ${DEFAULT-VALUE}).") long seed)
            throws java.io.IOException {
        DqnBenchmark.Result r = new DqnBenchmark().run(env, steps, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "env=%s episodes=%d seconds=%.2f%n", r.envId(), r.episodes(), r.seconds());
        out.printf(Locale.ROOT, "bench dqn env_steps=%d steps_per_second=%.0f%n", r.envSteps(), r.stepsPerSecond());
        return 0;
    }

    @Command(name = "dqn-learner", mixinStandardHelpOptions = true, description = {
        "Gradient updates per second of a DQN config's learner alone (its network, batch size and optimiser) on",
        "replayed random-action transitions of its env, and the time of one batched forward pass. Last line:",
        "  bench dqn-learner env=<id> batch=<b> updates_per_second=<x> ms_per_update=<y> ms_per_forward=<z>"})
    int dqnLearner(@Parameters(paramLabel = "<config>", description = "Experiment config file (algorithm dqn).") java.nio.file.Path config,
                   @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default ${DEFAULT-VALUE}).") double seconds,
                   @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds (default ${DEFAULT-VALUE}).") double warmup,
                   @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).") long seed)
            throws java.io.IOException {
        var planned = plannedAgent(config, rlx.agents.dqn.DqnConfig.class, "dqn-learner", "a dqn");
        var settings = planned.settings();
        var r = rlx.experiments.bench.DqnLearnerBenchmark.run(planned.agent(), settings.envId(), settings.envKwargs(),
                EnvRegistry.standard(), warmup, seconds, seed);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "bench dqn-learner env=%s batch=%d updates_per_second=%.1f ms_per_update=%.3f ms_per_forward=%.3f%n",
                r.envId(), r.batchSize(), r.updatesPerSecond(), r.msPerUpdate(), r.msPerForward());
        return 0;
    }

    @Command(name = "pg-learner", mixinStandardHelpOptions = true, description = {
        "Gradient updates per second of an A2C/PPO config's learner alone (one minibatch's gradient and optimiser step,",
        "its network, minibatch and optimiser) on rollouts of its env. Last line:",
        "  bench pg-learner env=<id> batch=<b> updates_per_second=<x> ms_per_update=<y>"})
    int pgLearner(@Parameters(paramLabel = "<config>", description = "Experiment config file (algorithm a2c or ppo).") java.nio.file.Path config,
                  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).") double seconds,
                  @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds (default ${DEFAULT-VALUE}).") double warmup,
                  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).") long seed)
            throws java.io.IOException {
        var planned = plannedAgent(config, rlx.agents.pg.PgConfig.class, "pg-learner", "an a2c or ppo");
        var r = rlx.experiments.bench.PgLearnerBenchmark.run(planned.agent(), planned.settings(), EnvRegistry.standard(),
                warmup, seconds, seed);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "bench pg-learner env=%s batch=%d updates_per_second=%.1f ms_per_update=%.3f%n",
                r.envId(), r.minibatch(), r.updatesPerSecond(), r.msPerUpdate());
        return 0;
    }

    @Command(name = "mcts", mixinStandardHelpOptions = true, description = {
        "UCT search with random rollouts from the initial position, one thread or --threads N on one tree. Last line:",
        "  bench mcts game=<game> playouts_per_second=<x>   (MCTS simulations, each ending in one random playout)",
        "  with --threads N: the same line, then ' threads=<n>'"})
    int mcts(@Option(names = "--game", defaultValue = "connect4", description = "Game (default ${DEFAULT-VALUE}).") String game,
             @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds (default ${DEFAULT-VALUE}).") double seconds,
             @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).") long seed,
             @Option(names = "--threads", description = "Search threads on one shared tree, with virtual loss (default 1).") Integer threads) {
        int n = threads == null ? 1 : threads;
        MctsBenchmark.Result r = new MctsBenchmark().run(rlx.envs.games.GameRegistry.byName(game), game, seconds, seed, n);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "simulations=%d seconds=%.2f raw_random_playouts_per_second=%.0f%n",
                r.simulations(), r.seconds(), r.rawPlayoutsPerSecond());
        // the last line's format predates --threads: the thread count is appended only when asked for
        out.printf(Locale.ROOT, "bench mcts game=%s playouts_per_second=%.0f%s%n", game, r.simulationsPerSecond(),
                threads == null ? "" : " threads=" + n);
        return 0;
    }

    @Command(name = "alphazero", mixinStandardHelpOptions = true, description = {
        "AlphaZero network throughput: one line per forward batch size, then self-play search with --games games",
        "sharing each forward pass (no score cache: every leaf is one network row). Last line:",
        "  bench alphazero game=<game> leaf_evaluations_per_second=<x> games=<n>"})
    int alphazero(@Option(names = "--game", defaultValue = "connect4", description = "Game (default ${DEFAULT-VALUE}).") String gameName,
                  @Option(names = "--run", description = "Use the best network of this AlphaZero run directory (or a policy-value.zip) instead of a fresh one.") java.nio.file.Path run,
                  @Option(names = "--filters", defaultValue = "32", description = "Filters of a fresh network (default ${DEFAULT-VALUE}).") int filters,
                  @Option(names = "--blocks", defaultValue = "2", description = "Residual blocks of a fresh network (default ${DEFAULT-VALUE}).") int blocks,
                  @Option(names = "--batches", defaultValue = "1,8,32,128,256", split = ",", description = "Forward batch sizes (default ${DEFAULT-VALUE}).") java.util.List<Integer> batches,
                  @Option(names = "--games", defaultValue = "128", description = "Concurrent self-play games (default ${DEFAULT-VALUE}).") int games,
                  @Option(names = "--sims", defaultValue = "80", description = "Simulations per move (default ${DEFAULT-VALUE}).") int sims,
                  @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per part (default ${DEFAULT-VALUE}).") double seconds,
                  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).") long seed) {
        rlx.envs.games.Game game = rlx.envs.games.GameRegistry.byName(gameName);
        int[] shape = game.observationShape();
        var network = run != null ? rlx.agents.alphazero.NetworkFiles.load(run, game)
                : rlx.networks.pv.PolicyValueNetwork.build(new rlx.networks.pv.PolicyValueConfig(filters, blocks, 64,
                        rlx.networks.config.OptimizerConfig.adam(1e-3)), shape[0], shape[1], shape[2],
                        game.numDistinctActions(), seed);
        var r = new rlx.experiments.bench.AlphaZeroBenchmark().run(game, network, batches, games, sims, seconds, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "network params=%d omp_threads=%s%n", network.numParams(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        for (var b : r.forward()) {
            out.printf(Locale.ROOT, "forward batch=%d evaluations_per_second=%.0f%n", b.batch(), b.perSecond());
        }
        out.printf(Locale.ROOT, "self-play games=%d sims=%d positions=%d seconds=%.1f%n", r.games(), sims,
                r.positions(), r.searchSeconds());
        out.printf(Locale.ROOT, "bench alphazero game=%s leaf_evaluations_per_second=%.0f games=%d%n", gameName,
                r.leafEvaluationsPerSecond(), r.games());
        return 0;
    }

    @Command(name = "runners", mixinStandardHelpOptions = true, description = {
        "Env steps per second collected by runner actors (acting included, no learning) for each runner count,",
        "with the env, num-envs, rollout length and network of an A2C/PPO/A3C config. One line per count:",
        "  bench runners=<n> steps_per_second=<x>   (with --workers K: ... workers=<K>)"})
    int runners(@Parameters(paramLabel = "<config>", description = "Experiment config file.") java.nio.file.Path config,
                @Option(names = "--runners", defaultValue = "1,2,4,8", split = ",",
                        description = "Runner counts (default ${DEFAULT-VALUE}).") java.util.List<Integer> counts,
                @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per count (default ${DEFAULT-VALUE}).") double seconds,
                @Option(names = "--warmup", defaultValue = "2", description = "Warm-up seconds per count (default ${DEFAULT-VALUE}).") double warmup,
                @Option(names = "--workers", defaultValue = "0", description = "Put the runners on this many worker JVMs (rlx worker processes joined on loopback) instead of this JVM (default ${DEFAULT-VALUE}).") int workers,
                @Option(names = "--port", defaultValue = "25560", description = "Loopback port of the learner node with --workers (default ${DEFAULT-VALUE}).") int port)
            throws java.io.IOException {
        var planned = plannedAgent(config, rlx.agents.pg.PgConfig.class, "runners", "an a2c, ppo or a3c");
        var pg = planned.agent();
        var settings = planned.settings();
        EnvRegistry registry = EnvRegistry.standard();
        int inputSize;
        int numActions;
        try (var probe = rlx.envs.vector.SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), 1)) {
            inputSize = probe.observationSize();
            numActions = ((rlx.envs.core.Discrete) probe.spec().actionSpace()).n();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int n : counts) {
            if (n <= 0) {
                throw new IllegalArgumentException("--runners values must be > 0, got " + n);
            }
            if (workers < 0) {
                throw new IllegalArgumentException("--workers must be >= 0, got " + workers);
            }
            var r = workers == 0
                    ? rlx.trainers.actors.RunnerBenchmark.run(pg, settings, registry, inputSize, numActions, n, warmup,
                            seconds)
                    : rlx.experiments.bench.ClusterRunnerBenchmark.run(pg, settings, registry, inputSize, numActions, n,
                            workers, port + n, warmup, seconds);
            out.printf(Locale.ROOT, "bench runners=%d steps_per_second=%.0f%s%n", n, r.stepsPerSecond(),
                    workers == 0 ? "" : " workers=" + workers);
            out.flush();
        }
        return 0;
    }

    private record PlannedAgent<A>(A agent, rlx.trainers.core.TrainSettings settings) {
    }

    /** The agent section of an experiment file and its train settings; other algorithms are refused by name. */
    private <A> PlannedAgent<A> plannedAgent(java.nio.file.Path config, Class<A> type, String command,
                                             String algorithms) throws java.io.IOException {
        var plan = new rlx.experiments.train.ExperimentRunner(java.nio.file.Path.of("results"), false,
                spec.commandLine().getErr()).plan(config, java.util.List.of());
        if (!type.isInstance(plan.agent())) {
            throw new IllegalArgumentException(config + ": bench " + command + " needs " + algorithms
                    + " config; algorithm = " + plan.experiment().algorithm());
        }
        return new PlannedAgent<>(type.cast(plan.agent()), plan.experiment().toTrainSettings());
    }
}
