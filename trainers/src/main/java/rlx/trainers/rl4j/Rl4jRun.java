package rlx.trainers.rl4j;

import java.io.IOException;
import java.nio.file.Path;
import rlx.agents.core.DiscretePolicy;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.eval.EvalResult;
import rlx.trainers.eval.Evaluator;

/**
 * The bookkeeping every RL4J trainer shares: episode records and progress reports, evaluations and checkpoints at
 * the settings' intervals (taken at the first episode end past each boundary, since RL4J only yields between
 * episodes), the final checkpoint and evaluation, and the training clock, which stops while evaluating or writing
 * checkpoints so steps per second measure training alone. Every method runs on the thread that calls the rlx
 * listener.
 */
final class Rl4jRun {

    /** Env steps between {@link TrainingListener#onProgress} calls (at the next episode end). */
    static final long PROGRESS_STEPS = 500;

    private final TrainSettings settings;
    private final TrainingListener listener;
    private final Checkpoints checkpoints;
    private final Evaluator evaluator;
    private final long evalRoot;
    private final long startNanos;
    private long trainingStartNanos;
    private long pausedNanos;
    private long trainingEndNanos = -1;
    private long episodes;
    private long lastProgress;
    private long nextEval;
    private long nextCheckpoint;

    Rl4jRun(TrainSettings settings, EnvRegistry registry, Path checkpointDir, TrainingListener listener) {
        this.settings = settings;
        this.listener = listener;
        // every checkpoint is kept: RL4J cannot resume, so they serve later evaluation only, and each is one network
        this.checkpoints = new Checkpoints(checkpointDir, Integer.MAX_VALUE);
        this.evaluator = new Evaluator(registry, settings.envId(), settings.envKwargs(), settings.evalEnvs());
        this.evalRoot = Seeds.derive(settings.seed(), "eval");
        this.startNanos = System.nanoTime();
        this.nextEval = settings.evalInterval() == 0 ? Long.MAX_VALUE : settings.evalInterval();
        this.nextCheckpoint = settings.checkpointInterval() == 0 ? Long.MAX_VALUE : settings.checkpointInterval();
    }

    /** Starts the training clock. */
    void startTraining() {
        trainingStartNanos = System.nanoTime();
    }

    /** Stops the training clock. */
    void endTraining() {
        trainingEndNanos = System.nanoTime();
    }

    long episodes() {
        return episodes;
    }

    double trainingSeconds() {
        long end = trainingEndNanos >= 0 ? trainingEndNanos : System.nanoTime();
        return (end - trainingStartNanos - pausedNanos) / 1e9;
    }

    double stepsPerSecond(long envSteps) {
        double seconds = trainingSeconds();
        return seconds > 0 ? envSteps / seconds : Double.NaN;
    }

    /** Reports one finished episode, and progress if {@link #PROGRESS_STEPS} passed since the last report. */
    void episode(long envSteps, double episodeReturn, int length, double loss, double meanQ, double epsilon) {
        episodes++;
        double sps = stepsPerSecond(envSteps);
        listener.onEpisode(new EpisodeRecord(envSteps, episodes, episodeReturn, length, loss, meanQ, epsilon, sps,
                wallSeconds()));
        progress(envSteps);
    }

    /** Reports progress if {@link #PROGRESS_STEPS} passed since the last report. */
    void progress(long envSteps) {
        if (envSteps - lastProgress >= PROGRESS_STEPS) {
            lastProgress = envSteps;
            listener.onProgress(envSteps, episodes, stepsPerSecond(envSteps));
        }
    }

    /**
     * Evaluates and checkpoints if {@code envSteps} reached the next interval boundary; the clock is paused
     * meanwhile. Nothing happens once the step budget is reached: the final evaluation and checkpoint cover it.
     */
    void periodic(long envSteps, DiscretePolicy greedy, Checkpoints.Writer saver) throws IOException {
        if (envSteps >= settings.totalSteps() || (envSteps < nextEval && envSteps < nextCheckpoint)) {
            return;
        }
        long paused = System.nanoTime();
        try {
            if (envSteps >= nextEval) {
                listener.onEval(evaluate(envSteps, greedy, settings.evalEpisodes(), false));
                nextEval = next(envSteps, settings.evalInterval());
            }
            if (envSteps >= nextCheckpoint) {
                checkpoint(envSteps, saver);
                nextCheckpoint = next(envSteps, settings.checkpointInterval());
            }
        } finally {
            pausedNanos += System.nanoTime() - paused;
        }
    }

    /** Writes the final checkpoint, runs the final evaluation and returns the outcome; call after training. */
    TrainOutcome finish(long envSteps, DiscretePolicy greedy, Checkpoints.Writer saver) throws IOException {
        if (trainingEndNanos < 0) {
            endTraining();
        }
        double sps = stepsPerSecond(envSteps);
        checkpoint(envSteps, saver);
        EvalRecord finalEval = evaluate(envSteps, greedy, settings.finalEvalEpisodes(), true);
        listener.onEval(finalEval);
        return new TrainOutcome(envSteps, episodes, wallSeconds(), sps, finalEval);
    }

    /** The seed of an evaluation taken at {@code envSteps}: disjoint from training's, different at every step. */
    long evalSeed(long envSteps) {
        return Seeds.derive(evalRoot, envSteps);
    }

    private EvalRecord evaluate(long envSteps, DiscretePolicy greedy, int count, boolean isFinal) {
        EvalResult result = evaluator.run(greedy, count, evalSeed(envSteps));
        return new EvalRecord(envSteps, result.episodes(), result.meanReturn(), result.stdReturn(),
                result.meanLength(), isFinal);
    }

    private void checkpoint(long envSteps, Checkpoints.Writer saver) throws IOException {
        Path dir = checkpoints.write(envSteps, saver);
        listener.onCheckpoint(envSteps, dir);
    }

    private double wallSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long next(long envSteps, long interval) {
        return (envSteps / interval + 1) * interval;
    }
}
