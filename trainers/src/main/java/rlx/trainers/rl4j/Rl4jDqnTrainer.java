package rlx.trainers.rl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener.ListenerResponse;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning.QLStatEntry;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
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
 * RL4J 1.0.0-M1.1's {@code QLearningDiscreteDense} as a baseline trainer on an rlx env, reporting through rlx's
 * {@link TrainingListener} so its run directory has the same files as rlx's own trainers.
 *
 * <ul>
 *   <li><b>Env.</b> {@code Rl4jMdp.make(registry, envId, kwargs, derive(seed, "env"))}: the registry env with its
 *       action checks and time limit. RL4J steps one env, so {@code numEnvs} must be 1.</li>
 *   <li><b>Steps.</b> Exactly {@code totalSteps} env steps: RL4J checks its step limit only between episodes, so
 *       the MDP ends the last episode when the budget is spent. That cut episode is not reported (it did not
 *       finish); its last transition is stored as non-terminal, as a time-limit cut would be.</li>
 *   <li><b>Seeds</b>, all from {@code settings.seed()} via {@link Seeds#derive(long, String)}: {@code "env"} for
 *       the env's first reset and RL4J's random actions, {@code "rl4j-learner"} for RL4J's generator (epsilon draws,
 *       replay sampling), {@code "rl4j-network"} for the weight initialisation (RL4J's dense factory always uses
 *       12345; the network is rebuilt from its configuration with the derived seed, nothing else changed).
 *       Evaluations use {@code derive(derive(seed, "eval"), envSteps)}, never a training seed.</li>
 *   <li><b>Episodes</b> are reported from RL4J's own per-episode hook ({@code TrainingListener
 *       .onEpochTrainingResult}): return and length of the env's episode; {@code loss} is the mean over the
 *       episode's steps of the network's latest minibatch score (DL4J's MSE over all action outputs, RL4J's labels
 *       equal the prediction except at the taken action, plus L2), NaN before learning starts; {@code meanQ} is the
 *       mean over the episode of the online network's max Q at the observed states; {@code epsilon} is RL4J's
 *       epsilon at the episode's end.</li>
 *   <li><b>Evaluations and checkpoints</b> during training happen at the first episode end past each
 *       {@code evalInterval} / {@code checkpointInterval} boundary. Every checkpoint is a directory written through
 *       {@link Checkpoints} holding {@value #NETWORK_FILE} ({@code DQNPolicy.save}) and the observation encoding;
 *       {@link #loadPolicy(Path)} reads it back.</li>
 *   <li><b>Final evaluation</b>: {@code finalEvalEpisodes} greedy episodes with rlx's {@code Evaluator} using
 *       {@code DQNPolicy.nextAction} on each observation, reported with {@code isFinal = true}.</li>
 *   <li><b>Steps per second</b> count the training phase only: the clock stops during evaluations and
 *       checkpoints.</li>
 * </ul>
 *
 * <b>Resume is not supported</b>: RL4J 1.0.0-M1.1 cannot save or restore its replay memory, its step counters or its
 * generators, so a checkpoint holds only the network, for evaluation. Where RL4J's DQN differs from rlx's (gradient
 * steps start at {@code batchSize} transitions whatever {@code learningStarts} says, one gradient step per env step,
 * target updates counted in gradient steps) is listed in {@link Rl4jDqnConfig}.
 */
// RL4J M1.1 deprecates the networks and INDArray policy calls of its legacy learners, and its listener and
// actor-critic interfaces are raw types: those learners are exactly the baseline this class runs
@SuppressWarnings({"deprecation", "rawtypes"})
public final class Rl4jDqnTrainer {

    /** The network file in a checkpoint directory, as {@code DQNPolicy.save} writes it. */
    public static final String NETWORK_FILE = "dqn.zip";

    private final Rl4jDqnConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final Path checkpointDir;
    private final TrainingListener listener;

    /**
     * @param checkpointDir the run's checkpoint root; each checkpoint is a {@code step-<envSteps>} directory in it
     * @throws IllegalArgumentException if {@code settings.numEnvs()} is not 1 or {@code settings.totalSteps()} does
     *     not fit RL4J's int step counter
     */
    public Rl4jDqnTrainer(Rl4jDqnConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                          TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.checkpointDir = Objects.requireNonNull(checkpointDir, "checkpointDir");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (settings.numEnvs() != 1) {
            throw new IllegalArgumentException("env.num-envs (" + settings.numEnvs() + ") must be 1: RL4J's "
                    + "QLearningDiscreteDense steps a single env");
        }
        if (settings.totalSteps() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("train.total-steps (" + settings.totalSteps() + ") must be <= "
                    + Integer.MAX_VALUE + ": RL4J counts steps in an int");
        }
    }

    /**
     * Trains for {@code settings.totalSteps()} env steps, writes the final checkpoint, runs the final greedy
     * evaluation and returns the outcome.
     *
     * @throws IOException if a checkpoint cannot be written
     */
    public TrainOutcome run() throws IOException {
        long seed = settings.seed();
        Rl4jMdp env = Rl4jMdp.make(registry, settings.envId(), settings.envKwargs(), Seeds.derive(seed, "env"));
        StepBudgetMdp mdp = new StepBudgetMdp(env, settings.totalSteps());
        try {
            PolicySpec spec = PolicySpec.of("dqn", env.env().spec());
            DQN network = buildNetwork(config, env.getObservationSpace().getShape(), env.getActionSpace().getSize(),
                    Seeds.derive(seed, "rl4j-network"));
            QLearningDiscreteDense<Box> learner = new QLearningDiscreteDense<>(mdp, network,
                    config.toQLearningConfiguration(Seeds.derive(seed, "rl4j-learner"), (int) settings.totalSteps()));
            DQNPolicy<Box> policy = learner.getPolicy();
            DiscretePolicy greedy = new GreedyRl4jPolicy(policy::nextAction, spec);
            Checkpoints.Writer saver = dir -> {
                policy.save(dir.resolve(NETWORK_FILE).toString());
                spec.write(dir);
            };
            Rl4jRun run = new Rl4jRun(settings, registry, checkpointDir, listener);
            learner.addListener(new EpisodeHook(mdp, run, greedy, saver));
            run.startTraining();
            try {
                learner.train();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            run.endTraining();
            return run.finish(mdp.steps(), greedy, saver);
        } finally {
            mdp.closeAll();
        }
    }

    /**
     * The greedy policy of a checkpoint directory this trainer wrote ({@code DQNPolicy.load} and the stored
     * observation encoding), acting on rlx flat observations of the env it was trained on.
     *
     * @throws IOException if {@code checkpoint} is not such a directory or cannot be read
     */
    public static DiscretePolicy loadPolicy(Path checkpoint) throws IOException {
        PolicySpec spec = PolicySpec.read(checkpoint);
        if (!spec.algorithm().equals("dqn")) {
            throw new IOException(checkpoint + " holds an RL4J " + spec.algorithm() + " policy, not a DQN one");
        }
        DQNPolicy<Box> policy = DQNPolicy.load(checkpoint.resolve(NETWORK_FILE).toString());
        return new GreedyRl4jPolicy(policy::nextAction, spec);
    }

    /**
     * RL4J's dense DQN for this config ({@code DQNFactoryStdDense}), re-initialised with {@code seed} instead of
     * RL4J's fixed 12345: the same layers, updater and regularisation, other initial weights.
     */
    static DQN buildNetwork(Rl4jDqnConfig config, int[] observationShape, int actions, long seed) {
        DQN stock = new DQNFactoryStdDense(config.toNetworkConfiguration()).buildDQN(observationShape, actions);
        return new DQN(Rl4jNetworks.reseeded((MultiLayerNetwork) stock.getNeuralNetworks()[0], seed));
    }

    /** RL4J's per-episode hook, turned into rlx episode records, evaluations and checkpoints. */
    private static final class EpisodeHook implements org.deeplearning4j.rl4j.learning.listener.TrainingListener {

        private final StepBudgetMdp mdp;
        private final Rl4jRun run;
        private final DiscretePolicy greedy;
        private final Checkpoints.Writer saver;

        EpisodeHook(StepBudgetMdp mdp, Rl4jRun run, DiscretePolicy greedy, Checkpoints.Writer saver) {
            this.mdp = mdp;
            this.run = run;
            this.greedy = greedy;
            this.saver = saver;
        }

        @Override
        public ListenerResponse onTrainingStart() {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onTrainingEnd() {
        }

        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, StatEntry stat) {
            if (mdp.wasCut()) {
                return ListenerResponse.CONTINUE; // the budget ended this episode: not a finished episode
            }
            QLStatEntry entry = (QLStatEntry) stat;
            int length = entry.getEpisodeLength();
            long envSteps = mdp.steps();
            run.episode(envSteps, entry.getReward(), length, mean(entry.getScores()), meanQ(entry, length),
                    entry.getEpsilon());
            try {
                run.periodic(envSteps, greedy, saver);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onTrainingProgress(ILearning learning) {
            return ListenerResponse.CONTINUE;
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** RL4J divides the sum of max Q by {@code count + 0.001}; this undoes the 0.001. */
        private static double meanQ(QLStatEntry entry, int length) {
            if (Double.isNaN(entry.getStartQ()) || length == 0) {
                return Double.NaN;
            }
            return entry.getMeanQ() * (length + 0.001) / length;
        }
    }
}
