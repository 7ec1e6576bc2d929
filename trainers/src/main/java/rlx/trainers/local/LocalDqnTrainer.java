package rlx.trainers.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.dqn.DqnConfig;
import rlx.agents.dqn.DqnLearner;
import rlx.agents.dqn.DqnStats;
import rlx.agents.dqn.EpsilonGreedyPolicy;
import rlx.agents.replay.NStepAccumulator;
import rlx.agents.replay.PrioritizedReplay;
import rlx.agents.replay.ReplayBuffer;
import rlx.agents.replay.SampledBatch;
import rlx.agents.replay.UniformReplay;
import rlx.agents.schedule.LinearSchedule;
import rlx.agents.schedule.Schedule;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.vector.SyncVectorEnv;
import rlx.trainers.core.BestPolicy;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.EpisodeRecord;
import rlx.trainers.core.EvalRecord;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.core.TrainingListener;
import rlx.trainers.eval.Evaluator;

/**
 * DQN in one thread: collect a vector step with epsilon-greedy actions, store n-step transitions, update the
 * learner every {@code trainFrequency} vector steps once {@code learningStarts} env steps are stored, publish the
 * new weights to the acting policy, evaluate and checkpoint on schedule.
 */
public final class LocalDqnTrainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DqnConfig config;
    private final TrainSettings settings;
    private final EnvRegistry registry;
    private final TrainingListener listener;
    private final Checkpoints checkpoints;
    private final Path checkpointDir;

    public LocalDqnTrainer(DqnConfig config, TrainSettings settings, EnvRegistry registry, Path checkpointDir,
                           TrainingListener listener) {
        this.config = config;
        this.settings = settings;
        this.registry = registry;
        this.listener = listener;
        this.checkpoints = new Checkpoints(checkpointDir, 2);
        this.checkpointDir = checkpointDir;
    }

    /** Trains from scratch, or from the latest checkpoint when {@code resume} is set and one exists. */
    public TrainOutcome run(boolean resume) throws IOException {
        SyncVectorEnv venv = SyncVectorEnv.make(registry, settings.envId(), settings.envKwargs(), settings.numEnvs());
        if (!(venv.spec().actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("DQN needs a discrete action space; " + settings.envId() + " has "
                    + venv.spec().actionSpace());
        }
        int numActions = discrete.n();
        int obsSize = venv.observationSize();
        int n = venv.numEnvs();
        long seed = settings.seed();

        Loop loop = new Loop();
        var latest = resume ? checkpoints.latest() : java.util.Optional.<Path>empty();
        if (latest.isPresent()) {
            loop.restore(latest.get(), obsSize);
        } else {
            loop.learner = new DqnLearner(config, obsSize, numActions, Seeds.derive(seed, "network"));
            loop.replay = newReplay(obsSize);
            loop.actionRng = new Rng(Seeds.derive(seed, "actions"));
            loop.sampleRng = new Rng(Seeds.derive(seed, "replay"));
        }
        // a resumed run starts fresh episodes: envs are reseeded from the root seed and the resume count
        venv.reset(loop.resumes == 0 ? Seeds.derive(seed, "train") : Seeds.derive(Seeds.derive(seed, "resume"), loop.resumes));
        NStepAccumulator nStep = new NStepAccumulator(n, obsSize, config.nStep(), config.gamma());
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(loop.learner.online().plainForward(), obsSize, numActions);
        policy.load(loop.learner.params());
        Evaluator evaluator = new Evaluator(registry, settings.envId(), settings.envKwargs(), settings.evalEnvs());
        BestPolicy bestPolicy = new BestPolicy(checkpointDir);
        bestPolicy.startAt(loop.envSteps);
        Schedule epsilon = config.exploration().toSchedule(settings.totalSteps());
        Schedule beta = new LinearSchedule(config.prioritized().betaStart(), config.prioritized().betaEnd(),
                settings.totalSteps());
        SampledBatch batch = new SampledBatch(config.batchSize(), obsSize);

        float[] obsBefore = new float[n * obsSize];
        int[] actions = new int[n];
        long sessionStartSteps = loop.envSteps;
        long sessionStart = System.nanoTime();
        double wallBefore = loop.wallSeconds;
        double lastMeanQ = Double.NaN;

        while (loop.envSteps < settings.totalSteps()) {
            double eps = epsilon.valueAt(loop.envSteps);
            System.arraycopy(venv.observations(), 0, obsBefore, 0, obsBefore.length);
            policy.act(obsBefore, n, eps, loop.actionRng, actions);
            venv.step(actions);
            loop.vectorSteps++;
            long stepsBefore = loop.envSteps;
            loop.envSteps += n;
            double elapsed = (System.nanoTime() - sessionStart) / 1e9;
            double sps = (loop.envSteps - sessionStartSteps) / Math.max(elapsed, 1e-9);

            for (int i = 0; i < n; i++) {
                boolean done = venv.done(i);
                float[] next = done ? venv.finalObservations() : venv.observations();
                nStep.step(i, obsBefore, i * obsSize, actions[i], (float) venv.rewards()[i], next, i * obsSize,
                        venv.terminated()[i], venv.truncated()[i], loop.replay);
                if (done) {
                    loop.episodes++;
                    listener.onEpisode(new EpisodeRecord(loop.envSteps, loop.episodes, venv.finishedReturn(i),
                            venv.finishedLength(i), loop.lastLoss, lastMeanQ, eps, sps, wallBefore + elapsed));
                }
            }

            if (loop.envSteps >= config.learningStarts() && loop.vectorSteps % config.trainFrequency() == 0
                    && loop.replay.size() >= config.batchSize()) {
                if (config.learningRateSchedule() != DqnConfig.LearningRateSchedule.CONSTANT) {
                    loop.learner.setLearningRate(config.learningRateAt(loop.envSteps, settings.totalSteps()));
                }
                for (int g = 0; g < config.gradientSteps(); g++) {
                    loop.replay.sample(config.batchSize(), beta.valueAt(loop.envSteps), loop.sampleRng, batch);
                    DqnStats stats = loop.learner.update(batch, loop.envSteps);
                    if (config.prioritized().enabled()) {
                        loop.replay.updatePriorities(batch.indices, loop.learner.tdErrors(), batch.size());
                    }
                    loop.lastLoss = stats.loss();
                    lastMeanQ = stats.meanQ();
                }
                policy.load(loop.learner.params());
            }

            if (Evaluator.crossed(stepsBefore, loop.envSteps, settings.evalInterval()) && loop.envSteps < settings.totalSteps()) {
                EvalRecord eval = evaluate(evaluator, policy, settings.evalEpisodes(), loop.envSteps, false);
                listener.onEval(eval);
                bestPolicy.offer(eval, loop.learner.params().flat(), dir -> loop.learner.save(dir.resolve("learner")));
            }
            if (Evaluator.crossed(stepsBefore, loop.envSteps, settings.checkpointInterval())
                    && loop.envSteps < settings.totalSteps()) {
                loop.wallSeconds = wallBefore + (System.nanoTime() - sessionStart) / 1e9;
                checkpoint(loop);
            }
            if (loop.vectorSteps % 64 == 0) {
                listener.onProgress(loop.envSteps, loop.episodes, sps);
            }
        }
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        loop.wallSeconds = wallBefore + sessionSeconds;
        double stepsPerSecond = (loop.envSteps - sessionStartSteps) / Math.max(sessionSeconds, 1e-9);
        listener.onProgress(loop.envSteps, loop.episodes, stepsPerSecond);
        checkpoint(loop);
        EvalRecord finalEval = evaluate(evaluator, policy, settings.finalEvalEpisodes(), loop.envSteps, true);
        listener.onEval(finalEval);
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
        if (bestPolicy.record().isPresent()) {
            // a policy of its own (the acting one ignores weights older than its own), on the final evaluation's
            // seeds (not those it was chosen on, which would flatter it)
            EpsilonGreedyPolicy best = new EpsilonGreedyPolicy(loop.learner.online().plainForward(), obsSize,
                    numActions);
            best.load(new ParamsSnapshot(0, bestPolicy.params()));
            EvalRecord bestFinal = evaluator.atStep(best::greedy, settings.finalEvalEpisodes(), settings.seed(),
                    loop.envSteps, true);
            extra.put("best_eval", bestPolicy.summary(bestFinal));
        }
        return new TrainOutcome(loop.envSteps, loop.episodes, loop.wallSeconds, stepsPerSecond, finalEval, extra);
    }

    private EvalRecord evaluate(Evaluator evaluator, EpsilonGreedyPolicy policy, int episodes, long envSteps,
                                boolean isFinal) {
        return evaluator.atStep(policy::greedy, episodes, settings.seed(), envSteps, isFinal);
    }


    private ReplayBuffer newReplay(int obsSize) {
        return config.prioritized().enabled()
                ? new PrioritizedReplay(config.bufferSize(), obsSize, config.prioritized().alpha(),
                        config.prioritized().epsilon())
                : new UniformReplay(config.bufferSize(), obsSize);
    }

    private void checkpoint(Loop loop) throws IOException {
        Path dir = checkpoints.write(loop.envSteps, tmp -> {
            loop.learner.save(tmp.resolve("learner"));
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(tmp.resolve("replay.bin"))))) {
                loop.replay.save(out);
            }
            JSON.writeValue(tmp.resolve("trainer.json").toFile(), new DqnTrainerState(loop.envSteps,
                    loop.vectorSteps, loop.episodes, loop.wallSeconds, loop.actionRng.state(),
                    loop.sampleRng.state(), loop.lastLoss, loop.resumes));
        });
        listener.onCheckpoint(loop.envSteps, dir);
    }

    /** The mutable state of one run: what a checkpoint saves. */
    private final class Loop {
        DqnLearner learner;
        ReplayBuffer replay;
        Rng actionRng;
        Rng sampleRng;
        long envSteps;
        long vectorSteps;
        long episodes;
        double wallSeconds;
        double lastLoss = Double.NaN;
        long resumes;

        void restore(Path dir, int obsSize) throws IOException {
            DqnTrainerState state = JSON.readValue(dir.resolve("trainer.json").toFile(), DqnTrainerState.class);
            learner = DqnLearner.load(config, dir.resolve("learner"));
            replay = newReplay(obsSize);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve("replay.bin"))))) {
                replay.load(in);
            }
            actionRng = Rng.restore(state.actionRng());
            sampleRng = Rng.restore(state.sampleRng());
            envSteps = state.envSteps();
            vectorSteps = state.vectorSteps();
            episodes = state.episodes();
            wallSeconds = state.wallSeconds();
            lastLoss = state.lastLoss();
            resumes = state.resumes() + 1;
        }
    }
}
