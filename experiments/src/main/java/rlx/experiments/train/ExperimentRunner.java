package rlx.experiments.train;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.experiments.config.ConfigLoader;
import rlx.experiments.config.ConfigRenderer;
import rlx.experiments.config.ExperimentConfig;
import rlx.experiments.config.RecordBinder;
import rlx.experiments.run.CsvLog;
import rlx.experiments.run.EvalSummary;
import rlx.experiments.run.LearningCurvePlot;
import rlx.experiments.run.Provenance;
import rlx.experiments.run.RunDirectory;
import rlx.experiments.run.Summary;
import rlx.trainers.core.BestPolicy;
import rlx.trainers.core.Checkpoints;
import rlx.trainers.core.TrainOutcome;
import rlx.trainers.core.TrainSettings;
import rlx.trainers.eval.EvalResult;
import rlx.trainers.eval.Evaluator;

/**
 * Turns a config file into a finished run directory: validate everything, write the resolved config and
 * provenance, train while logging every episode and evaluation, then write the summary and the learning curve.
 * A killed run resumes from its latest checkpoint with its CSVs cut back to what that checkpoint covers.
 */
public final class ExperimentRunner {

    private final Path resultsRoot;
    private final boolean interactive;
    private final PrintWriter err;
    private final EnvRegistry registry = EnvRegistry.standard();

    public ExperimentRunner(Path resultsRoot, boolean interactive, PrintWriter err) {
        this.resultsRoot = resultsRoot;
        this.interactive = interactive;
        this.err = err;
    }

    /** What a finished run left behind. */
    public record Result(RunDirectory run, Summary summary) {
    }

    /** A loaded, validated experiment: nothing has run yet. */
    public record Plan(Config config, ExperimentConfig experiment, Algorithm<?> algorithm, Record agent) {
    }

    /** Loads and validates a config with its overrides; every error is raised here, before any run starts. */
    public Plan plan(Path configFile, List<String> overrides) {
        Config config = ConfigLoader.load(configFile, overrides);
        ExperimentConfig experiment = RecordBinder.bind(config.withoutPath("agent"), "", ExperimentConfig.class);
        Algorithm<?> algorithm = Algorithms.byName(experiment.algorithm());
        Record agent = algorithm.bind(config);
        try {
            experiment.toTrainSettings();
            algorithm.checkEnv(experiment.env().id(), registry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
        if (experiment.cluster().isLearner() && !algorithm.runsOnCluster()) {
            throw new IllegalArgumentException(configFile + ": cluster.role = learner runs a2c, ppo, a3c and apex-dqn; "
                    + algorithm.name() + " trains in one process (set cluster.role = none)");
        }
        return new Plan(config, experiment, algorithm, agent);
    }

    public Result train(Plan plan) throws IOException {
        ExperimentConfig exp = plan.experiment();
        RunDirectory run = RunDirectory.create(resultsRoot, exp.experiment(), exp.seed(), Instant.now());
        ConfigRenderer.write(plan.config(), run.config());
        Provenance.collect(Path.of("."), exp.seed(), derivedSeeds(exp.seed()),
                org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getName()).write(run.provenance());
        err.println("run directory: " + run.path());
        try (RunRecorder recorder = new RunRecorder(CsvLog.create(run.metrics(), RunRecorder.METRICS_COLUMNS),
                CsvLog.create(run.eval(), RunRecorder.EVAL_COLUMNS),
                Progress.create(exp.experiment() + " seed " + exp.seed(), exp.train().totalSteps(), 0, interactive, err))) {
            TrainOutcome outcome = trainWith(plan.algorithm(), plan.agent(), exp, run, recorder, false);
            return finish(plan, run, outcome);
        }
    }

    /** Continues a killed run from its latest checkpoint, appending to its metrics. */
    public Result resume(Path runPath) throws IOException {
        RunDirectory run = RunDirectory.open(runPath);
        if (Files.exists(run.summary())) {
            // summary.json is written last: the run finished and its results must not be overwritten
            throw new IllegalArgumentException(run.path() + " already finished (it has " + RunDirectory.SUMMARY
                    + "); nothing to resume");
        }
        Plan plan = plan(run.config(), List.of());
        Optional<Path> checkpoint = new Checkpoints(run.checkpoints(), 2).latest();
        if (checkpoint.isEmpty()) {
            throw new IllegalArgumentException(run.path() + " has no checkpoint to resume from");
        }
        long steps = Checkpoints.envSteps(checkpoint.get());
        truncateAfter(run.metrics(), RunRecorder.METRICS_COLUMNS, steps);
        truncateAfter(run.eval(), RunRecorder.EVAL_COLUMNS, steps);
        err.println("resuming " + run.path() + " from " + steps + " env steps");
        ExperimentConfig exp = plan.experiment();
        try (RunRecorder recorder = new RunRecorder(CsvLog.append(run.metrics(), RunRecorder.METRICS_COLUMNS),
                CsvLog.append(run.eval(), RunRecorder.EVAL_COLUMNS),
                Progress.create(exp.experiment() + " seed " + exp.seed(), exp.train().totalSteps(), steps, interactive, err))) {
            TrainOutcome outcome = trainWith(plan.algorithm(), plan.agent(), exp, run, recorder, true);
            return finish(plan, run, outcome);
        }
    }

    /** Greedy evaluation of a run's latest checkpoint (or its best periodic evaluation's policy) on fresh seeds. */
    public EvalResult evaluate(Path runPath, int episodes, boolean best) throws IOException {
        GreedyRun greedy = greedyPolicy(runPath, best);
        TrainSettings settings = greedy.settings();
        Evaluator evaluator = new Evaluator(registry, settings.envId(), settings.envKwargs(), settings.evalEnvs());
        return evaluator.run(greedy.policy(), episodes, Seeds.derive(Seeds.derive(settings.seed(), "eval"), "cli"));
    }

    /** A run's greedy policy from a checkpoint, with the settings it trained under. */
    public record GreedyRun(TrainSettings settings, rlx.agents.core.DiscretePolicy policy) {
    }

    /**
     * The greedy policy of a run's latest checkpoint or, with {@code best}, of its best periodic evaluation (kept in
     * {@code checkpoints/best/} by DQN, Ape-X, A2C, PPO and A3C runs).
     */
    public GreedyRun greedyPolicy(Path runPath, boolean best) throws IOException {
        RunDirectory run = RunDirectory.open(runPath);
        Plan plan = plan(run.config(), List.of());
        Path checkpoint;
        if (best) {
            var kept = new BestPolicy(run.checkpoints());
            if (kept.record().isEmpty()) {
                throw new IllegalArgumentException(run.path() + " has no best policy (" + kept.dir() + "): it is kept"
                        + " at periodic evaluations (eval.interval > 0) of DQN, Ape-X, A2C, PPO and A3C runs");
            }
            checkpoint = kept.dir();
        } else {
            checkpoint = new Checkpoints(run.checkpoints(), 2).latest()
                    .orElseThrow(() -> new IllegalArgumentException(run.path() + " has no checkpoint to act from"));
        }
        return new GreedyRun(plan.experiment().toTrainSettings(),
                loadPolicy(plan.algorithm(), plan.agent(), checkpoint));
    }

    @SuppressWarnings("unchecked")
    private <C extends Record> TrainOutcome trainWith(Algorithm<C> algorithm, Record agent, ExperimentConfig exp,
                                                      RunDirectory run, RunRecorder recorder, boolean resume)
            throws IOException {
        TrainSettings settings = exp.toTrainSettings();
        if (exp.cluster().isLearner()) {
            return algorithm.trainOnCluster((C) agent, settings, exp.cluster(), registry, run.checkpoints(), recorder,
                    resume);
        }
        return algorithm.train((C) agent, settings, registry, run.checkpoints(), recorder, resume);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> rlx.agents.core.DiscretePolicy loadPolicy(Algorithm<C> algorithm, Record agent,
                                                                             Path checkpoint) throws IOException {
        return algorithm.loadPolicy((C) agent, checkpoint);
    }

    private Result finish(Plan plan, RunDirectory run, TrainOutcome outcome) {
        ExperimentConfig exp = plan.experiment();
        var eval = outcome.finalEval();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("episodes", outcome.episodes());
        extra.putAll(outcome.extra());
        Summary summary = new Summary(exp.experiment(), plan.algorithm().name(), exp.env().id(), exp.seed(),
                outcome.envSteps(), outcome.wallSeconds(), outcome.stepsPerSecond(),
                new EvalSummary(eval.episodes(), eval.meanReturn(), eval.stdReturn()),
                extra);
        summary.write(run.summary());
        LearningCurvePlot.write(LearningCurvePlot.curves(run, exp.experiment() + " seed " + exp.seed()),
                run.learningCurve(), exp.experiment() + " (" + exp.env().id() + ")");
        return new Result(run, summary);
    }

    /** Keeps the rows a checkpoint at {@code steps} covers; drops later rows and the final evaluation. */
    private static void truncateAfter(Path csv, List<String> columns, long steps) {
        if (!Files.exists(csv)) {
            return;
        }
        List<Map<String, String>> kept = new ArrayList<>();
        for (Map<String, String> row : CsvLog.read(csv)) {
            boolean covered = Long.parseLong(row.get("env_steps")) <= steps;
            boolean finalEval = "true".equals(row.get("final"));
            if (covered && !finalEval) {
                kept.add(row);
            }
        }
        // rewrite beside the original and swap atomically: a kill here must not lose what was logged
        Path tmp = csv.resolveSibling(csv.getFileName() + ".resume-tmp");
        try {
            Files.deleteIfExists(tmp);
            try (CsvLog log = CsvLog.create(tmp, columns)) {
                for (Map<String, String> row : kept) {
                    log.row(columns.stream().map(row::get).toArray());
                }
            }
            Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Long> derivedSeeds(long seed) {
        Map<String, Long> seeds = new LinkedHashMap<>();
        for (String component : List.of("train", "network", "actions", "replay", "eval")) {
            seeds.put(component, Seeds.derive(seed, component));
        }
        return seeds;
    }
}
