package rlx.trainers.rl4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.async.AsyncThread.AsyncStatEntry;
import org.deeplearning4j.rl4j.learning.async.a3c.discrete.A3CDiscreteDense;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener.ListenerResponse;
import org.deeplearning4j.rl4j.network.ac.ActorCriticFactorySeparateStdDense;
import org.deeplearning4j.rl4j.network.ac.ActorCriticSeparate;
import org.deeplearning4j.rl4j.network.ac.IActorCritic;
import org.deeplearning4j.rl4j.policy.ACPolicy;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.util.IDataManager.StatEntry;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.envs.rl4j.Rl4jMdp;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;

/**
 * RL4J 1.0.0-M1.1's {@code A3CDiscreteDense} as a baseline trainer on an rlx env, reporting through rlx's
 * {@link TrainingListener} like {@link Rl4jDqnTrainer}.
 *
 * <ul>
 *   <li><b>Workers.</b> {@code numThreads} RL4J worker threads, each on its own copy of
 *       {@code Rl4jMdp.make(registry, envId, kwargs, derive(seed, "env"))} made by {@code newInstance()} (seed
 *       {@code derive(envSeed, i)} for worker {@code i}). {@code settings.numEnvs()} must be 1: the parallelism is
 *       the threads'.</li>
 *   <li><b>Reports on one thread.</b> Workers hand their finished episodes over; the thread that called
 *       {@link #run()} (RL4J's monitor thread) reports them in the order they finished, with the env steps taken
 *       by all workers at that moment, so {@code envSteps} increase but are not the sum of the reported lengths.
 *       {@code loss} is RL4J's score of the worker's value network at its last update of the episode;
 *       {@code meanQ} and {@code epsilon} are NaN (A3C has neither).</li>
 *   <li><b>Steps.</b> RL4J stops once the global network has been updated with {@code totalSteps} steps; workers
 *       check between updates, so a run takes up to {@code numThreads * nSteps} steps more, which are counted and
 *       reported. Episodes still running then are not reported.</li>
 *   <li><b>Evaluations and checkpoints</b> during training happen on the monitor thread (every
 *       {@value #MONITOR_MILLIS} ms it looks) while holding RL4J's global update lock, so workers pause at their
 *       next update and the evaluated network does not change underneath; the training clock stops meanwhile. A
 *       checkpoint holds the value and policy networks ({@code ACPolicy.save}) and the observation encoding.</li>
 *   <li><b>Evaluation</b> is greedy: the action of highest probability ({@code ACPolicy} without a generator), as
 *       SB3 evaluates A2C deterministically.</li>
 * </ul>
 *
 * <b>Not reproducible</b>: the workers' updates interleave as the threads are scheduled, and RL4J M1.1's workers all
 * sample actions from the ND4J generator of the thread that created them. <b>Resume is not supported</b>: RL4J
 * cannot restore its counters or generators, so checkpoints serve evaluation only.
 */
// RL4J M1.1 deprecates the networks and INDArray policy calls of its legacy learners, and its listener and
// actor-critic interfaces are raw types: those learners are exactly the baseline this class runs
@SuppressWarnings({"deprecation", "rawtypes"})
public final class Rl4jA3cTrainer {

    /** The value and policy network files in a checkpoint directory, as {@code ACPolicy.save} writes them. */
    public static final String VALUE_FILE = "a3c-value.zip";
    public static final String POLICY_FILE = "a3c-policy.zip";

    /** How often RL4J's monitor thread hands finished episodes to the listener. */
    static final int MONITOR_MILLIS = 100;

    private final Rl4jA3cConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;

    /**
     * @param checkpointDir the run's checkpoint root; each checkpoint is a {@code step-<envSteps>} directory in it
     * @throws IllegalArgumentException if {@code settings.numEnvs()} is not 1 or {@code settings.totalSteps()} does
     *     not fit RL4J's int step counter
     */
    public Rl4jA3cTrainer(Rl4jA3cConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                          TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.checkpointDir = Objects.requireNonNull(checkpointDir, "checkpointDir");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (settings.numEnvs() != 1) {
            throw new IllegalArgumentException("env.num-envs (" + settings.numEnvs() + ") must be 1: RL4J's A3C "
                    + "runs agent.num-threads workers of one env each");
        }
        if (settings.totalSteps() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("train.total-steps (" + settings.totalSteps() + ") must be <= "
                    + Integer.MAX_VALUE + ": RL4J counts steps in an int");
        }
    }

    /**
     * Trains until RL4J's global network has seen {@code settings.totalSteps()} env steps, waits for the workers,
     * writes the final checkpoint, runs the final greedy evaluation and returns the outcome.
     *
     * @throws IOException if a checkpoint cannot be written
     */
    public TrainOutcome run() throws IOException {
        long seed = settings.seed();
        Rl4jMdp env = Rl4jMdp.make(registry, settings.envId(), settings.envKwargs(), Seeds.derive(seed, "env"));
        StepBudgetMdp mdp = new StepBudgetMdp(env, Long.MAX_VALUE); // counts the workers' steps; RL4J stops them
        try {
            PolicySpec spec = PolicySpec.of("a3c", env.env().spec());
            IActorCritic network = buildNetwork(config, env.getObservationSpace().getShape(),
                    env.getActionSpace().getSize(), Seeds.derive(seed, "rl4j-network"));
            A3CDiscreteDense<Box> learner = new A3CDiscreteDense<>(mdp, network,
                    config.toA3cLearningConfiguration(Seeds.derive(seed, "rl4j-learner"),
                            (int) settings.totalSteps()));
            learner.setProgressMonitorFrequency(MONITOR_MILLIS);
            ACPolicy<Box> greedyPolicy = new ACPolicy<>(network, false, null);
            DiscretePolicy greedy = new GreedyRl4jPolicy(greedyPolicy::nextAction, spec);
            Checkpoints.Writer saver = dir -> {
                greedyPolicy.save(dir.resolve(VALUE_FILE).toString(), dir.resolve(POLICY_FILE).toString());
                spec.write(dir);
            };
            Rl4jRun run = new Rl4jRun(settings, registry, checkpointDir, listener);
            Hook hook = new Hook(mdp, run, greedy, saver, learner.getAsyncGlobal().getUpdateLock(),
                    config.maxEpisodeSteps());
            learner.addListener(hook);
            run.startTraining();
            try {
                learner.train();
                hook.awaitWorkers();
            } finally {
                hook.stopWorkers();
            }
            run.endTraining();
            hook.rethrow();
            hook.report();
            return run.finish(mdp.steps(), greedy, saver);
        } finally {
            mdp.closeAll();
        }
    }

    /**
     * The greedy policy of a checkpoint directory this trainer wrote ({@code ACPolicy.load} of its two networks and
     * the stored observation encoding).
     *
     * @throws IOException if {@code checkpoint} is not such a directory or cannot be read
     */
    public static DiscretePolicy loadPolicy(Path checkpoint) throws IOException {
        PolicySpec spec = PolicySpec.read(checkpoint);
        if (!spec.algorithm().equals("a3c")) {
            throw new IOException(checkpoint + " holds an RL4J " + spec.algorithm() + " policy, not an A3C one");
        }
        ACPolicy<Box> policy = ACPolicy.load(checkpoint.resolve(VALUE_FILE).toString(),
                checkpoint.resolve(POLICY_FILE).toString());
        return new GreedyRl4jPolicy(policy::nextAction, spec);
    }

    /** RL4J's separate dense value and policy networks for this config, initialised from {@code seed}. */
    static IActorCritic buildNetwork(Rl4jA3cConfig config, int[] observationShape, int actions, long seed) {
        ActorCriticSeparate stock = new ActorCriticFactorySeparateStdDense(config.toNetworkConfiguration())
                .buildActorCritic(observationShape, actions);
        var nets = stock.getNeuralNetworks();
        return new ActorCriticSeparate(Rl4jNetworks.reseeded((MultiLayerNetwork) nets[0], Seeds.derive(seed, 0)),
                Rl4jNetworks.reseeded((MultiLayerNetwork) nets[1], Seeds.derive(seed, 1)));
    }

    /** A finished episode as a worker saw it, with the env steps of all workers when it finished. */
    private record Episode(long envSteps, double episodeReturn, int length, double loss) {
    }

    /** RL4J's hooks: workers queue episodes, the monitor thread reports them, evaluates and checkpoints. */
    private static final class Hook implements org.deeplearning4j.rl4j.learning.listener.TrainingListener {

        private final StepBudgetMdp mdp;
        private final Rl4jRun run;
        private final DiscretePolicy greedy;
        private final Checkpoints.Writer saver;
        private final Lock updateLock;
        private final int maxEpisodeSteps;
        private final Queue<Episode> finished = new ArrayDeque<>();
        private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
        private volatile boolean stop;
        private IOException failure;

        Hook(StepBudgetMdp mdp, Rl4jRun run, DiscretePolicy greedy, Checkpoints.Writer saver, Lock updateLock,
             int maxEpisodeSteps) {
            this.mdp = mdp;
            this.run = run;
            this.greedy = greedy;
            this.saver = saver;
            this.updateLock = updateLock;
            this.maxEpisodeSteps = maxEpisodeSteps == 0 ? Integer.MAX_VALUE : maxEpisodeSteps;
        }

        @Override
        public ListenerResponse onTrainingStart() {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onTrainingEnd() {
        }

        /** Called by each worker before each of its sub-epochs: remembers the worker, stops it if asked. */
        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            if (trainer instanceof Thread worker) {
                workers.add(worker);
            }
            return stop ? ListenerResponse.STOP : ListenerResponse.CONTINUE;
        }

        /** Called by a worker after each sub-epoch; queues the episode if the sub-epoch ended it. */
        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, StatEntry stat) {
            AsyncStatEntry entry = (AsyncStatEntry) stat;
            int length = entry.getEpisodeLength();
            boolean ended = trainer.getMdp().isDone() || length >= maxEpisodeSteps;
            if (ended && length > 0) {
                synchronized (finished) { // steps read and queued together, so envSteps increase along the queue
                    finished.add(new Episode(mdp.steps(), entry.getReward(), length, entry.getScore()));
                }
            }
            return stop ? ListenerResponse.STOP : ListenerResponse.CONTINUE;
        }

        /** Called on the monitor thread (the one in {@code run()}) every {@value #MONITOR_MILLIS} ms. */
        @Override
        public ListenerResponse onTrainingProgress(ILearning learning) {
            try {
                report();
                long envSteps = mdp.steps();
                run.progress(envSteps);
                updateLock.lock();
                try {
                    run.periodic(envSteps, greedy, saver);
                } finally {
                    updateLock.unlock();
                }
                return ListenerResponse.CONTINUE;
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                stop = true;
                throw e;
            }
            stop = true;
            return ListenerResponse.STOP;
        }

        /** Reports the queued episodes on the calling thread. */
        void report() {
            while (true) {
                Episode e;
                synchronized (finished) {
                    e = finished.poll();
                }
                if (e == null) {
                    return;
                }
                run.episode(e.envSteps(), e.episodeReturn(), e.length(), e.loss(), Double.NaN, Double.NaN);
            }
        }

        /** Waits for the workers, which finish their current sub-epoch once RL4J's step limit is reached. */
        void awaitWorkers() {
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for RL4J's A3C workers", e);
                }
            }
        }

        /** Makes every worker stop at its next sub-epoch (after a failure or an interrupt). */
        void stopWorkers() {
            stop = true;
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
