package rlx.trainers.pg;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import rlx.agents.core.DiscretePolicy;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.pg.A3cGradient;
import rlx.agents.pg.Normalizer;
import rlx.agents.pg.ActorCriticPolicy;
import rlx.agents.pg.PgConfig;
import rlx.agents.pg.PgLearner;
import rlx.agents.pg.PgStats;
import rlx.agents.pg.Rollout;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Seeds;
import rlx.envs.vector.SyncVectorEnv;
import rlx.networks.config.ConvTorsoConfig;
import rlx.trainers.core.BestPolicy;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.core.TransitionAccounting;
import rlx.trainers.eval.Evaluator;

/**
 * The learner side of an A2C, PPO or A3C run, independent of how rollouts arrive: applies updates, accounts for
 * every transition, reports episodes and progress, evaluates and checkpoints on schedule, and resumes from the latest
 * checkpoint. Confined to one thread or actor.
 */
public final class PgRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PgRun.class);
    private static final String LEARNER_FILE = "learner.bin";
    private static final String STATE_FILE = "trainer.json";
    private static final String NORMALIZER_FILE = "normalizer.json";

    private final PgConfig config;
    private final TrainSettings settings;
    private final TrainingListener listener;
    private final Checkpoints checkpoints;
    private final BestPolicy bestPolicy;
    private final Evaluator evaluator;
    private final PgLearner learner;
    private final ActorCriticPolicy evalPolicy;
    private final TransitionAccounting accounting = new TransitionAccounting();
    private final int inputSize;
    private final int numActions;
    private long sessionStart = System.nanoTime();
    private final long sessionStartSteps;
    private long envSteps;
    private long updates;
    private long episodes;
    private double wallBefore;
    private long resumes;
    private double lastLoss = Double.NaN;
    private boolean finished;
    private long nonFiniteGradients;
    private Normalizer normalizer;

    public PgRun(PgConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                 TrainingListener listener, boolean resume) throws IOException {
        this.config = config;
        this.settings = settings;
        this.listener = listener;
        this.checkpoints = new Checkpoints(checkpointDir, 2);
        this.bestPolicy = new BestPolicy(checkpointDir);
        EnvSpec spec = registry.spec(settings.envId());
        if (!(spec.actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("A2C, A3C and PPO here need a discrete action space; "
                    + settings.envId() + " has " + spec.actionSpace());
        }
        this.numActions = discrete.n();
        try (SyncVectorEnv probe = SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), 1)) {
            this.inputSize = probe.observationSize();
        }
        ConvTorsoConfig conv = config.network().conv();
        if (conv != null && conv.inputSize() != inputSize) {
            throw new IllegalArgumentException("agent.network.conv: channels * height * width (" + conv.channels()
                    + " * " + conv.height() + " * " + conv.width() + " = " + conv.inputSize()
                    + ") must equal the observation size of " + settings.envId() + " (" + inputSize + ")");
        }
        this.evaluator = new Evaluator(registry, settings.envId(), settings.envKwargs(), settings.evalEnvs());
        this.learner = new PgLearner(config, inputSize, numActions, Seeds.derive(settings.seed(), "network"),
                Seeds.derive(settings.seed(), "minibatches"));
        this.normalizer = config.normalize().enabled() ? Normalizer.initial(config.normalize(), inputSize) : null;
        Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
        if (latest.isPresent()) {
            restore(latest.get());
        }
        bestPolicy.startAt(envSteps);
        this.sessionStartSteps = envSteps;
        this.evalPolicy = new ActorCriticPolicy(learner.network().plainForward());
    }

    /**
     * Training starts now: wall time and steps per second count from here, not from construction (a cluster learner
     * may wait minutes for its workers in between).
     */
    public void startClock() {
        sessionStart = System.nanoTime();
    }

    /** Where each layer sits in the parameter vector: runners in any JVM act from it without DL4J. */
    public rlx.networks.ac.ActorCriticLayout layout() {
        return learner.network().layout();
    }

    public int inputSize() {
        return inputSize;
    }

    public int numActions() {
        return numActions;
    }

    /** How many times this run has been resumed (0 for a fresh run): seeds of resumed runners derive from it. */
    public long resumes() {
        return resumes;
    }

    public ParamsSnapshot params() {
        return learner.snapshot();
    }

    /** The normalisation statistics runners act with (null without normalisation); immutable. */
    public Normalizer normalizer() {
        return normalizer;
    }

    public TransitionAccounting accounting() {
        return accounting;
    }

    public long envSteps() {
        return envSteps;
    }

    /** Whether the step budget is spent; later rollouts and gradients are dropped. */
    public boolean done() {
        return envSteps >= settings.totalSteps();
    }

    /** Records transitions a runner produced (before they are consumed or dropped) and its env restarts. */
    public void produced(String node, long transitions, int envRestarts) {
        accounting.produced(node, transitions);
        accounting.envRestarted(envRestarts);
    }

    /** Records transitions that will never be consumed (stale, late, or lost with a runner). */
    public void dropped(long transitions) {
        accounting.dropped(transitions);
    }

    /** One synchronous A2C/PPO update from rollouts collected with the current parameters. */
    public PgStats update(List<Rollout> rollouts) throws IOException {
        long stepsBefore = envSteps;
        PgStats stats = learner.update(rollouts, (double) envSteps / settings.totalSteps());
        updates++;
        lastLoss = stats.loss();
        for (Rollout r : rollouts) {
            if (normalizer != null) {
                // merged in runner order, so a run's statistics do not depend on which rollout arrived first
                normalizer = normalizer.update(r.seenObservations(), r.seenReturns());
            }
            accounting.consumed(r.size());
            envSteps += r.size();
            report(r.episodeReturns(), r.episodeLengths());
        }
        afterUpdate(stepsBefore);
        return stats;
    }

    /** One asynchronous A3C update from a worker's gradient; returns the parameters to send back. */
    public ParamsSnapshot apply(A3cGradient g) throws IOException {
        if (!finite(g.gradient())) {
            // one diverged worker step must not poison the global network: its transitions are dropped
            LOG.warn("dropping a non-finite A3C gradient (parameters version {})", g.paramsVersion());
            accounting.dropped(g.transitions());
            nonFiniteGradients++;
            return learner.snapshot();
        }
        long stepsBefore = envSteps;
        learner.applyGradient(g, (double) envSteps / settings.totalSteps());
        updates++;
        lastLoss = g.stats().loss();
        accounting.consumed(g.transitions());
        envSteps += g.transitions();
        report(g.episodeReturns(), g.episodeLengths());
        afterUpdate(stepsBefore);
        return learner.snapshot();
    }

    private static boolean finite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void report(double[] returns, int[] lengths) {
        double wall = wall();
        double sps = stepsPerSecond();
        for (int e = 0; e < returns.length; e++) {
            episodes++;
            listener.onEpisode(new EpisodeRecord(envSteps, episodes, returns[e], lengths[e], lastLoss, Double.NaN,
                    Double.NaN, sps, wall));
        }
    }

    private void afterUpdate(long stepsBefore) throws IOException {
        listener.onProgress(envSteps, episodes, stepsPerSecond());
        if (Evaluator.crossed(stepsBefore, envSteps, settings.evalInterval()) && !done()) {
            EvalRecord eval = evaluate(settings.evalEpisodes(), false);
            listener.onEval(eval);
            keepIfBest(eval);
        }
        if (Evaluator.crossed(stepsBefore, envSteps, settings.checkpointInterval()) && !done()) {
            checkpoint();
        }
    }

    /** Final checkpoint and evaluation; the accounting must balance by now. */
    public TrainOutcome finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("finish() called twice");
        }
        finished = true;
        double sps = stepsPerSecond();
        listener.onProgress(envSteps, episodes, sps);
        checkpoint();
        EvalRecord finalEval = evaluate(settings.finalEvalEpisodes(), true);
        listener.onEval(finalEval);
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>(accounting.toSummary());
        if (nonFiniteGradients > 0) {
            extra.put("non_finite_gradients", nonFiniteGradients);
        }
        if (bestPolicy.record().isPresent()) {
            extra.put("best_eval", bestPolicy.summary(evaluateBest(settings.finalEvalEpisodes())));
        }
        return new TrainOutcome(envSteps, episodes, wall(), sps, finalEval, extra);
    }

    private double wall() {
        return wallBefore + (System.nanoTime() - sessionStart) / 1e9;
    }

    private double stepsPerSecond() {
        return (envSteps - sessionStartSteps) / Math.max((System.nanoTime() - sessionStart) / 1e9, 1e-9);
    }

    private EvalRecord evaluate(int count, boolean isFinal) {
        evalPolicy.load(learner.snapshot());
        DiscretePolicy greedy = evalPolicy::greedy;
        if (normalizer != null) {
            greedy = normalizer.wrap(greedy, inputSize);
        }
        return evaluator.atStep(greedy, count, settings.seed(), envSteps, isFinal);
    }

    /**
     * Keeps the policy just evaluated (with the normaliser's statistics it acted with) if it is the best yet, in a
     * directory {@link #loadPolicy} reads like a checkpoint.
     */
    private void keepIfBest(EvalRecord eval) throws IOException {
        bestPolicy.offer(eval, learner.snapshot().flat(), this::writeLearner);
    }

    /**
     * The best periodic evaluation's policy, evaluated again on {@code count} episodes: the final evaluation's seeds,
     * not those it was chosen on, so the two policies meet the same episodes and selection does not flatter the best.
     */
    private EvalRecord evaluateBest(int count) throws IOException {
        evalPolicy.load(new ParamsSnapshot(0, bestPolicy.params()));
        DiscretePolicy greedy = evalPolicy::greedy;
        Optional<Normalizer> saved = readNormalizer(bestPolicy.dir());
        if (saved.isPresent()) {
            greedy = saved.get().wrap(greedy, inputSize);
        }
        return evaluator.atStep(greedy, count, settings.seed(), envSteps, true);
    }


    private void checkpoint() throws IOException {
        Path dir = checkpoints.write(envSteps, this::writeLearner);
        listener.onCheckpoint(envSteps, dir);
    }

    /** The learner, the trainer's counters and the normaliser: a checkpoint, and what {@link #loadPolicy} reads. */
    private void writeLearner(Path dir) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve(LEARNER_FILE))))) {
            learner.save(out);
        }
        JSON.writeValue(dir.resolve(STATE_FILE).toFile(), new PgTrainerState(envSteps, updates, episodes, wall(),
                resumes, accounting.state(), inputSize, numActions));
        if (normalizer != null) {
            JSON.writeValue(dir.resolve(NORMALIZER_FILE).toFile(), normalizer);
        }
    }

    private void restore(Path dir) throws IOException {
        PgTrainerState state = JSON.readValue(dir.resolve(STATE_FILE).toFile(), PgTrainerState.class);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(LEARNER_FILE))))) {
            learner.load(in);
        }
        envSteps = state.envSteps();
        updates = state.updates();
        episodes = state.episodes();
        wallBefore = state.wallSeconds();
        resumes = state.resumes() + 1;
        accounting.restore(state.accounting());
        Optional<Normalizer> saved = readNormalizer(dir);
        if (saved.isPresent() != (normalizer != null)) {
            throw new IllegalArgumentException("agent.normalize: " + dir + (saved.isPresent()
                    ? " was written by a run with normalisation, but the config turns it off"
                    : " was written by a run without normalisation, but the config turns it on"));
        }
        if (saved.isPresent()) {
            Normalizer n = saved.get();
            if ((n.observations() != null) != config.normalize().observations()
                    || (n.returns() != null) != config.normalize().rewards()
                    || (n.observations() != null && n.observations().mean().length != inputSize)) {
                throw new IllegalArgumentException("agent.normalize: the statistics saved in " + dir
                        + " (observations " + (n.observations() != null) + ", rewards " + (n.returns() != null)
                        + ") do not match the config (observations " + config.normalize().observations()
                        + ", rewards " + config.normalize().rewards() + ") or the observation size " + inputSize);
            }
            normalizer = new Normalizer(config.normalize().clipObservations(), config.normalize().clipRewards(),
                    n.observations(), n.returns());
        }
    }

    /** The normalisation statistics saved in a checkpoint, if its run normalised. */
    private static Optional<Normalizer> readNormalizer(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(NORMALIZER_FILE);
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Normalizer.class)) : Optional.empty();
    }

    /** The greedy policy stored in a checkpoint written by a run with this config. */
    public static DiscretePolicy loadPolicy(PgConfig config, Path checkpoint) {
        try {
            PgTrainerState state = JSON.readValue(checkpoint.resolve(STATE_FILE).toFile(), PgTrainerState.class);
            PgLearner learner = new PgLearner(config, state.inputSize(), state.numActions(), 0, 0);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(checkpoint.resolve(LEARNER_FILE))))) {
                learner.load(in);
            }
            ActorCriticPolicy policy = new ActorCriticPolicy(learner.network().plainForward());
            policy.load(learner.snapshot());
            DiscretePolicy greedy = policy::greedy;
            // the checkpoint decides: its network was trained on what its statistics produce
            Optional<Normalizer> saved = readNormalizer(checkpoint);
            return saved.isPresent() ? saved.get().wrap(greedy, state.inputSize()) : greedy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the policy in " + checkpoint + ": " + e.getMessage(), e);
        }
    }
}
