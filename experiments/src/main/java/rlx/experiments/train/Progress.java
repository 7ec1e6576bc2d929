package rlx.experiments.train;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The console view of a training run: a live progress bar (steps, ETA, speed, episodes, recent return) on an
 * interactive terminal, plain lines every tenth of the run otherwise (CI logs, pipes).
 */
interface Progress extends AutoCloseable {

    void update(long envSteps, long episodes, double recentReturn, double stepsPerSecond);

    /** A one-off message, e.g. an evaluation result. */
    void note(String message);

    @Override
    void close();

    static Progress create(String task, long totalSteps, long startSteps, boolean interactive, PrintWriter err) {
        return interactive ? new Bar(task, totalSteps, startSteps) : new Lines(task, totalSteps, err);
    }

    /** me.tongfei's progress bar on stderr. */
    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(String task, long totalSteps, long startSteps) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps).startsFrom(startSteps,
                    java.time.Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setUnit(" steps", 1).showSpeed().build();
        }

        @Override
        public void update(long envSteps, long episodes, double recentReturn, double stepsPerSecond) {
            bar.stepTo(envSteps);
            bar.setExtraMessage(String.format(Locale.ROOT, "episodes %d return %.1f", episodes, recentReturn));
        }

        @Override
        public void note(String message) {
            bar.setExtraMessage(message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A line per tenth of the run. */
    final class Lines implements Progress {
        private final String task;
        private final long totalSteps;
        private final PrintWriter err;
        private long nextReport;
        private final long started = System.nanoTime();

        Lines(String task, long totalSteps, PrintWriter err) {
            this.task = task;
            this.totalSteps = totalSteps;
            this.err = err;
            this.nextReport = totalSteps / 10;
        }

        @Override
        public void update(long envSteps, long episodes, double recentReturn, double stepsPerSecond) {
            if (envSteps < nextReport) {
                return;
            }
            nextReport = envSteps + totalSteps / 10;
            double elapsed = (System.nanoTime() - started) / 1e9;
            double eta = stepsPerSecond > 0 ? (totalSteps - envSteps) / stepsPerSecond : Double.NaN;
            err.printf(Locale.ROOT, "%s: %d/%d steps (%.0f%%), %d episodes, recent return %.1f, %.0f steps/s, "
                            + "%.0fs elapsed, ETA %.0fs%n", task, envSteps, totalSteps, 100.0 * envSteps / totalSteps,
                    episodes, recentReturn, stepsPerSecond, elapsed, eta);
            err.flush();
        }

        @Override
        public void note(String message) {
            err.println(task + ": " + message);
            err.flush();
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
