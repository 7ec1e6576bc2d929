package rlx.trainers.apex;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.dqn.ApexConfig;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.DqnLearner;
import rlx.agents.dqn.DqnStats;
import rlx.agents.dqn.EpsilonGreedyPolicy;
import rlx.agents.replay.SampledBatch;
import rlx.agents.schedule.LinearSchedule;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.envs.vector.SyncVectorEnv;
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
 * The learner side of a distributed DQN run: counts what runners stored in the replay, decides how many gradient
 * steps are due (the config's replay ratio: {@code gradient-steps} per {@code train-frequency * num-envs} env steps
 * after {@code learning-starts}), updates, evaluates and checkpoints on schedule. A resumed run restores the learner
 * and counters; its replay starts empty (runners refill it).
 */
public final class ApexRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE_FILE = "trainer.json";

    private final ApexConfig config;
    private final DqnConfig dqn;
    private final TrainSettings settings;
    private final TrainingListener listener;
    private final Checkpoints checkpoints;
    private final Evaluator evaluator;
    private final DqnLearner learner;
    private final EpsilonGreedyPolicy evalPolicy;
    private final BestPolicy bestPolicy;
    private final TransitionAccounting accounting = new TransitionAccounting();
    private final LinearSchedule beta;
    private final int inputSize;
    private final int numActions;
    private final double updatesPerEnvStep;
    private final long sessionStart = System.nanoTime();
    private final long sessionStartSteps;
    private long envSteps;
    private long episodes;
    private long stored;
    private double wallBefore;
    private long resumes;
    private double lastLoss = Double.NaN;
    private double lastMeanQ = Double.NaN;

    public ApexRun(ApexConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                   TrainingListener listener, boolean resume) throws IOException {
        this.config = config;
        this.dqn = config.dqn();
        this.settings = settings;
        this.listener = listener;
        this.checkpoints = new Checkpoints(checkpointDir, 2);
        this.bestPolicy = new BestPolicy(checkpointDir);
        try (SyncVectorEnv probe = SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), 1)) {
            if (!(probe.spec().actionSpace() instanceof Discrete discrete)) {
                throw new IllegalArgumentException("DQN needs a discrete action space; " + settings.envId() + " has "
                        + probe.spec().actionSpace());
            }
            this.numActions = discrete.n();
            this.inputSize = probe.observationSize();
        }
        this.evaluator = new Evaluator(registry, settings.envId(), settings.envKwargs(), settings.evalEnvs());
        this.updatesPerEnvStep = (double) dqn.gradientSteps() / ((double) dqn.trainFrequency() * settings.numEnvs());
        this.beta = new LinearSchedule(dqn.prioritized().betaStart(), dqn.prioritized().betaEnd(),
                settings.totalSteps());
        Optional<Path> latest = resume ? checkpoints.latest() : Optional.empty();
        if (latest.isPresent()) {
            ApexTrainerState state = JSON.readValue(latest.get().resolve(STATE_FILE).toFile(), ApexTrainerState.class);
            this.learner = DqnLearner.load(dqn, latest.get().resolve("learner"));
            envSteps = state.envSteps();
            episodes = state.episodes();
            wallBefore = state.wallSeconds();
            resumes = state.resumes() + 1;
            accounting.restore(state.accounting());
        } else {
            this.learner = new DqnLearner(dqn, inputSize, numActions, Seeds.derive(settings.seed(), "network"));
        }
        bestPolicy.startAt(envSteps);
        this.sessionStartSteps = envSteps;
        this.evalPolicy = new EpsilonGreedyPolicy(learner.online().plainForward(), inputSize, numActions);
    }

    public int inputSize() {
        return inputSize;
    }

    public int numActions() {
        return numActions;
    }

    public long resumes() {
        return resumes;
    }

    public ParamsSnapshot params() {
        return learner.params();
    }

    public TransitionAccounting accounting() {
        return accounting;
    }

    public long envSteps() {
        return envSteps;
    }

    public boolean done() {
        return envSteps >= settings.totalSteps();
    }

    /** Gradient steps the replay ratio allows by now. */
    public long updatesDue() {
        return (long) Math.floor(Math.max(0, envSteps - dqn.learningStarts()) * updatesPerEnvStep);
    }

    public long updates() {
        return learner.updates();
    }

    /** Transitions in the replay actor's buffer (it never drops one before it is full). */
    public long replaySize() {
        return Math.min(stored, dqn.bufferSize());
    }

    /**
     * Whether runners may collect another batch beyond those in flight: collection stays within
     * {@code max-batches-ahead} batches of each of the {@code runners} runners of what the learner has trained on.
     */
    public boolean mayCollect(long inFlightSteps, int batchSteps, int runners) {
        double covered = dqn.learningStarts() + learner.updates() / updatesPerEnvStep;
        return envSteps + inFlightSteps < Math.max(covered, dqn.learningStarts())
                + (double) config.maxBatchesAhead() * batchSteps * Math.max(1, runners);
    }

    public double beta() {
        return beta.valueAt(envSteps);
    }

    /** A runner's batch is in the replay. */
    public void stored(String node, int transitions, int steps, double[] returns, int[] lengths, int envRestarts) {
        accounting.produced(node, transitions);
        accounting.consumed(transitions);
        accounting.envRestarted(envRestarts);
        stored += transitions;
        long before = envSteps;
        envSteps += steps;
        double wall = wallBefore + (System.nanoTime() - sessionStart) / 1e9;
        double sps = stepsPerSecond();
        for (int e = 0; e < returns.length; e++) {
            episodes++;
            listener.onEpisode(new EpisodeRecord(envSteps, episodes, returns[e], lengths[e], lastLoss, lastMeanQ,
                    Double.NaN, sps, wall));
        }
        listener.onProgress(envSteps, episodes, sps);
        try {
            if (Evaluator.crossed(before, envSteps, settings.evalInterval()) && !done()) {
                EvalRecord eval = evaluate(settings.evalEpisodes(), false);
                listener.onEval(eval);
                bestPolicy.offer(eval, learner.params().flat(), dir -> learner.save(dir.resolve("learner")));
            }
            if (Evaluator.crossed(before, envSteps, settings.checkpointInterval()) && !done()) {
                checkpoint();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A batch that arrived after the budget was spent, or from a runner that is gone. */
    public void dropped(String node, int transitions) {
        accounting.produced(node, transitions);
        accounting.dropped(transitions);
    }

    /** One gradient step; returns the TD errors for priority updates (valid for the batch's rows). */
    public float[] update(SampledBatch batch) {
        if (dqn.learningRateSchedule() != DqnConfig.LearningRateSchedule.CONSTANT) {
            learner.setLearningRate(dqn.learningRateAt(envSteps, settings.totalSteps()));
        }
        DqnStats stats = learner.update(batch, envSteps);
        lastLoss = stats.loss();
        lastMeanQ = stats.meanQ();
        return learner.tdErrors();
    }

    public TrainOutcome finish() throws IOException {
        double sps = stepsPerSecond();
        listener.onProgress(envSteps, episodes, sps);
        checkpoint();
        EvalRecord finalEval = evaluate(settings.finalEvalEpisodes(), true);
        listener.onEval(finalEval);
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>(accounting.toSummary());
        extra.put("gradient_steps", learner.updates());
        if (bestPolicy.record().isPresent()) {
            // a policy of its own: the evaluation policy ignores weights older than those it holds
            EpsilonGreedyPolicy best = new EpsilonGreedyPolicy(learner.online().plainForward(), inputSize, numActions);
            best.load(new ParamsSnapshot(0, bestPolicy.params()));
            extra.put("best_eval", bestPolicy.summary(evaluator.atStep(best::greedy,
                    settings.finalEvalEpisodes(), settings.seed(), envSteps, true))); // the final evaluation's seeds
        }
        return new TrainOutcome(envSteps, episodes, wallBefore + (System.nanoTime() - sessionStart) / 1e9, sps,
                finalEval, extra);
    }

    private double stepsPerSecond() {
        return (envSteps - sessionStartSteps) / Math.max((System.nanoTime() - sessionStart) / 1e9, 1e-9);
    }

    private EvalRecord evaluate(int count, boolean isFinal) {
        evalPolicy.load(learner.params());
        return evaluator.atStep(evalPolicy::greedy, count, settings.seed(), envSteps, isFinal);
    }


    private void checkpoint() throws IOException {
        ApexTrainerState state = new ApexTrainerState(envSteps, episodes,
                wallBefore + (System.nanoTime() - sessionStart) / 1e9, resumes, accounting.state());
        Path dir = checkpoints.write(envSteps, tmp -> {
            learner.save(tmp.resolve("learner"));
            JSON.writeValue(tmp.resolve(STATE_FILE).toFile(), state);
        });
        listener.onCheckpoint(envSteps, dir);
    }
}
