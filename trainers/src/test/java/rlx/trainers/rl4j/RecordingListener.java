package rlx.trainers.rl4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainingListener;

/** Keeps every report, and the thread each came on. */
final class RecordingListener implements TrainingListener {

    record Checkpoint(long envSteps, Path dir) {
    }

    record Progress(long envSteps, long episodes, double stepsPerSecond) {
    }

    final List<EpisodeRecord> episodes = new ArrayList<>();
    final List<EvalRecord> evals = new ArrayList<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    final List<Progress> progress = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();

    @Override
    public synchronized void onEpisode(EpisodeRecord episode) {
        threads.add(Thread.currentThread());
        episodes.add(episode);
    }

    @Override
    public synchronized void onEval(EvalRecord eval) {
        threads.add(Thread.currentThread());
        evals.add(eval);
    }

    @Override
    public synchronized void onCheckpoint(long envSteps, Path dir) {
        threads.add(Thread.currentThread());
        checkpoints.add(new Checkpoint(envSteps, dir));
    }

    @Override
    public synchronized void onProgress(long envSteps, long episodes, double stepsPerSecond) {
        threads.add(Thread.currentThread());
        progress.add(new Progress(envSteps, episodes, stepsPerSecond));
    }
}
