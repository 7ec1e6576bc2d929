package rlx.trainers.actors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainingListener;

/** Keeps every report and the threads they came on; may be told to fail, to test learner failures. */
class RecordingListener implements TrainingListener {
    final List<EpisodeRecord> episodes = new ArrayList<>();
    final List<EvalRecord> evals = new ArrayList<>();
    final List<Long> checkpoints = new ArrayList<>();
    final java.util.Set<String> threads = new java.util.HashSet<>();

    @Override
    public synchronized void onEpisode(EpisodeRecord episode) {
        threads.add(Thread.currentThread().getName());
        episodes.add(episode);
    }

    @Override
    public synchronized void onEval(EvalRecord eval) {
        evals.add(eval);
    }

    @Override
    public synchronized void onCheckpoint(long envSteps, Path dir) {
        checkpoints.add(envSteps);
    }
}
