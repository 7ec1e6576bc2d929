package rlx.experiments.train;

import java.nio.file.Path;
import java.util.List;
import rlx.experiments.run.CsvLog;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainingListener;

/** Writes a trainer's reports into the run directory's CSV files (flushed per row) and drives the progress display. */
final class RunRecorder implements TrainingListener, AutoCloseable {

    static final List<String> METRICS_COLUMNS = List.of("env_steps", "episodes", "episode_return", "episode_length",
            "loss", "mean_q", "epsilon", "steps_per_second", "wall_seconds");
    static final List<String> EVAL_COLUMNS = List.of("env_steps", "episodes", "mean_return", "std_return",
            "mean_length", "final");

    private final CsvLog metrics;
    private final CsvLog eval;
    private final Progress progress;
    private double recentReturn = Double.NaN;

    RunRecorder(CsvLog metrics, CsvLog eval, Progress progress) {
        this.metrics = metrics;
        this.eval = eval;
        this.progress = progress;
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        metrics.row(e.envSteps(), e.episodes(), e.episodeReturn(), e.episodeLength(), e.loss(), e.meanQ(),
                e.epsilon(), e.stepsPerSecond(), e.wallSeconds());
        // an exponential average keeps the progress line readable without storing a window
        recentReturn = Double.isNaN(recentReturn) ? e.episodeReturn() : 0.95 * recentReturn + 0.05 * e.episodeReturn();
    }

    @Override
    public void onEval(EvalRecord r) {
        eval.row(r.envSteps(), r.episodes(), r.meanReturn(), r.stdReturn(), r.meanLength(), r.isFinal());
        progress.note(String.format(java.util.Locale.ROOT, "eval at %d steps: %.2f +/- %.2f over %d episodes%s",
                r.envSteps(), r.meanReturn(), r.stdReturn(), r.episodes(), r.isFinal() ? " (final)" : ""));
    }

    @Override
    public void onCheckpoint(long envSteps, Path dir) {
    }

    @Override
    public void onProgress(long envSteps, long episodes, double stepsPerSecond) {
        progress.update(envSteps, episodes, recentReturn, stepsPerSecond);
    }

    @Override
    public void close() {
        progress.close();
        metrics.close();
        eval.close();
    }
}
