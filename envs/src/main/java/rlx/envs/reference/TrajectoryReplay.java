package rlx.envs.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Restorable;
import rlx.envs.core.Space;
import rlx.envs.core.Step;

/**
 * Replays a Gymnasium reference trajectory file (format {@code gymnasium-reference-trajectories/1}) following the
 * recipe in its README, in two ways:
 * <ul>
 *   <li>rollout: set the recorded {@code initial_state}, then apply every recorded action in order;</li>
 *   <li>stepwise: for every step, set the state recorded before it and apply its action.</li>
 * </ul>
 * Observations, rewards and internal states are compared with {@link Tolerance}; flags and info values exactly.
 * Rollout errors of chaotic envs (Acrobot) are reported but not counted as mismatches: one-ulp libm differences
 * grow there over long rollouts, and the stepwise replay shows the dynamics themselves match.
 */
public final class TrajectoryReplay {

    public static final String FORMAT = "gymnasium-reference-trajectories/1";
    private static final Set<String> CHAOTIC = Set.of("Acrobot-v1");
    private static final int MAX_DETAILS = 20;

    private final EnvRegistry registry;

    public TrajectoryReplay(EnvRegistry registry) {
        this.registry = registry;
    }

    public ReplayReport replay(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(file + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        return replay(root);
    }

    ReplayReport replay(JsonNode root) {
        String envId = root.path("env_id").asText();
        Tally tally = new Tally(!CHAOTIC.contains(envId));
        int episodes = 0;
        int steps = 0;
        for (JsonNode episode : root.path("episodes")) {
            Env<?, ?> env = registry.makeRaw(envId, kwargs(episode.path("make_kwargs")));
            if (episodes == 0) {
                checkSpec(root, env.spec(), tally);
            }
            String label = "episode " + episodes + " (" + episode.path("label").asText() + ", seed "
                    + episode.path("seed").asText() + ")";
            rollout(env, episode, tally, label);
            stepwise(env, episode, tally, label);
            episodes++;
            steps += episode.path("steps").size();
        }
        return new ReplayReport(envId, episodes, steps, tally.rolloutMaxError, tally.stepwiseMaxError,
                tally.mismatches, tally.details);
    }

    private void rollout(Env<?, ?> env, JsonNode episode, Tally tally, String label) {
        restore(env, episode.path("initial_state"));
        int maxSteps = env.spec().maxEpisodeSteps();
        JsonNode steps = episode.path("steps");
        for (int t = 0; t < steps.size(); t++) {
            JsonNode expected = steps.get(t);
            Comparison c;
            try {
                c = compare(env, env.stepObject(action(env, expected.path("action"))), expected, t + 1, maxSteps);
            } catch (RuntimeException e) {
                // the replay diverged so far that the env refuses the step: every remaining step is a mismatch
                for (int rest = t; rest < steps.size(); rest++) {
                    tally.rollout(Comparison.failed(rest + 1, e.getMessage()), label);
                }
                return;
            }
            tally.rollout(c, label);
        }
    }

    private void stepwise(Env<?, ?> env, JsonNode episode, Tally tally, String label) {
        int maxSteps = env.spec().maxEpisodeSteps();
        JsonNode previousState = episode.path("initial_state");
        for (JsonNode expected : episode.path("steps")) {
            int t = expected.path("t").asInt();
            Comparison c;
            try {
                restore(env, previousState);
                c = compare(env, env.stepObject(action(env, expected.path("action"))), expected, t, maxSteps);
            } catch (RuntimeException e) {
                c = Comparison.failed(t, e.getMessage());
            }
            tally.stepwise(c, label);
            previousState = expected.path("state");
        }
    }

    private static Comparison compare(Env<?, ?> env, Step<?> step, JsonNode expected, int t, int maxSteps) {
        Comparison c = new Comparison(t);
        c.values("obs", observationValues(step.observation()), doubles(expected.path("obs")));
        c.value("reward", step.reward(), expected.path("reward").asDouble());
        c.values("state", ((Restorable) env).internalState(), doubles(expected.path("state")));
        // Gymnasium's TimeLimit sets truncated on the step that reaches max_episode_steps
        boolean truncated = step.truncated() || (maxSteps > 0 && t >= maxSteps);
        c.flag("terminated", step.terminated(), expected.path("terminated").asBoolean());
        c.flag("truncated", truncated, expected.path("truncated").asBoolean());
        for (String key : List.of("prob", "action_mask")) {
            if (expected.has(key)) {
                c.info(key, step.info().get(key), expected.get(key));
            }
        }
        return c;
    }

    private static void checkSpec(JsonNode root, EnvSpec spec, Tally tally) {
        JsonNode fileSpec = root.path("spec");
        int fileMaxSteps = fileSpec.path("max_episode_steps").isNull() ? 0 : fileSpec.path("max_episode_steps").asInt();
        if (fileMaxSteps != spec.maxEpisodeSteps()) {
            tally.specMismatch("max_episode_steps " + spec.maxEpisodeSteps() + " != " + fileMaxSteps);
        }
        JsonNode threshold = fileSpec.path("reward_threshold");
        boolean thresholdMatches = threshold.isNull() || threshold.isMissingNode()
                ? spec.rewardThreshold().isEmpty()
                : spec.rewardThreshold().isPresent() && spec.rewardThreshold().getAsDouble() == threshold.asDouble();
        if (!thresholdMatches) {
            tally.specMismatch("reward_threshold " + spec.rewardThreshold() + " != " + threshold);
        }
        checkSpace("observation_space", spec.observationSpace(), root.path("observation_space"), tally);
        checkSpace("action_space", spec.actionSpace(), root.path("action_space"), tally);
    }

    private static void checkSpace(String name, Space<?> space, JsonNode expected, Tally tally) {
        String type = expected.path("type").asText();
        boolean ok;
        if (space instanceof Discrete d) {
            ok = type.equals("Discrete") && d.n() == expected.path("n").asInt() && d.start() == expected.path("start").asInt();
        } else if (space instanceof Box b) {
            ok = type.equals("Box") && Arrays.equals(b.low(), floats(expected.path("low")))
                    && Arrays.equals(b.high(), floats(expected.path("high")))
                    && Arrays.equals(b.shape(), ints(expected.path("shape")));
        } else {
            ok = false;
        }
        if (!ok) {
            tally.specMismatch(name + " " + space + " != " + expected);
        }
    }

    private static void restore(Env<?, ?> env, JsonNode state) {
        if (!(env instanceof Restorable restorable)) {
            throw new IllegalArgumentException(env.spec().id() + " cannot set its internal state for a replay");
        }
        restorable.restoreInternalState(state.isArray() ? doubles(state) : new double[] {state.asDouble()});
    }

    private static Object action(Env<?, ?> env, JsonNode action) {
        if (env.actionSpace() instanceof Box) {
            // float32 actions are written as their exact float64 widening
            return floats(action);
        }
        return action.asInt();
    }

    private static Map<String, Object> kwargs(JsonNode node) {
        Map<String, Object> kwargs = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode v = field.getValue();
            Object value = v.isBoolean() ? (Object) v.asBoolean()
                    : v.isNumber() ? (Object) v.asDouble()
                    : v.isArray() ? new ObjectMapper().convertValue(v, List.class)
                    : v.asText();
            kwargs.put(field.getKey(), value);
        }
        return kwargs;
    }

    private static double[] observationValues(Object obs) {
        if (obs instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (obs instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        throw new IllegalArgumentException("cannot compare observation of type " + obs.getClass().getSimpleName());
    }

    static double[] doubles(JsonNode node) {
        if (!node.isArray()) {
            return new double[] {parse(node)};
        }
        double[] d = new double[node.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = parse(node.get(i));
        }
        return d;
    }

    private static float[] floats(JsonNode node) {
        double[] d = doubles(node);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static int[] ints(JsonNode node) {
        int[] a = new int[node.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node.get(i).asInt();
        }
        return a;
    }

    /** Numbers, and the strings "Infinity"/"-Infinity" the reference files use for infinite bounds. */
    private static double parse(JsonNode v) {
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    /** One step's comparison: its largest float error and whether anything fell outside the tolerance. */
    private static final class Comparison {
        final int t;
        double maxError;
        final List<String> problems = new ArrayList<>();

        Comparison(int t) {
            this.t = t;
        }

        static Comparison failed(int t, String why) {
            Comparison c = new Comparison(t);
            c.problems.add("error: " + why);
            c.maxError = Double.POSITIVE_INFINITY;
            return c;
        }

        void values(String name, double[] actual, double[] expected) {
            if (actual.length != expected.length) {
                problems.add(name + " has " + actual.length + " values, expected " + expected.length);
                return;
            }
            for (int i = 0; i < actual.length; i++) {
                value(name + "[" + i + "]", actual[i], expected[i]);
            }
        }

        void value(String name, double actual, double expected) {
            double error = Tolerance.error(actual, expected);
            maxError = Math.max(maxError, error);
            if (error > Tolerance.RELATIVE) {
                problems.add(name + " " + actual + " != " + expected + " (error " + error + ")");
            }
        }

        void flag(String name, boolean actual, boolean expected) {
            if (actual != expected) {
                problems.add(name + " " + actual + " != " + expected);
            }
        }

        void info(String key, Object actual, JsonNode expected) {
            double[] want = doubles(expected);
            double[] got = infoValues(actual);
            if (got == null || !Arrays.equals(got, want)) {
                problems.add("info." + key + " " + format(actual) + " != " + expected);
            }
        }

        private static double[] infoValues(Object v) {
            if (v instanceof Number n) {
                return new double[] {n.doubleValue()};
            }
            if (v instanceof int[] a) {
                return Arrays.stream(a).asDoubleStream().toArray();
            }
            if (v instanceof byte[] a) {
                double[] d = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    d[i] = a[i];
                }
                return d;
            }
            if (v instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
                return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
            }
            return null;
        }

        private static String format(Object v) {
            return v instanceof int[] a ? Arrays.toString(a) : String.valueOf(v);
        }

        boolean mismatch() {
            return !problems.isEmpty();
        }
    }

    private static final class Tally {
        final boolean countRollout;
        double rolloutMaxError;
        double stepwiseMaxError;
        int mismatches;
        final List<String> details = new ArrayList<>();

        Tally(boolean countRollout) {
            this.countRollout = countRollout;
        }

        void rollout(Comparison c, String label) {
            rolloutMaxError = Math.max(rolloutMaxError, c.maxError);
            if (c.mismatch() && countRollout) {
                mismatches++;
                detail("rollout " + label + " t=" + c.t + ": " + String.join("; ", c.problems));
            }
        }

        void stepwise(Comparison c, String label) {
            stepwiseMaxError = Math.max(stepwiseMaxError, c.maxError);
            if (c.mismatch()) {
                mismatches++;
                detail("stepwise " + label + " t=" + c.t + ": " + String.join("; ", c.problems));
            }
        }

        void specMismatch(String what) {
            mismatches++;
            detail("spec: " + what);
        }

        private void detail(String line) {
            if (details.size() < MAX_DETAILS) {
                details.add(line);
            }
        }
    }
}
