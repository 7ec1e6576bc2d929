package rlx.envs.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.toytext.ToyTextEnv;
import rlx.envs.toytext.Transition;

/**
 * Compares Gymnasium's transition tables (format {@code gymnasium-reference-models/1}) with rlx's toy-text envs
 * made with each model's {@code make_kwargs}: sizes, map ({@code desc}/{@code shape}), initial-state distribution
 * and every {@code P[s][a]} with its order, probabilities compared bit for bit. Tables, unlike trajectories, cover
 * states and slips a random rollout may never visit.
 *
 * <p>A mismatch is a state whose table or initial probability differs; a model whose sizes, map or env cannot be
 * matched at all counts every one of its states as a mismatch.
 */
public final class ModelReplay {

    public static final String FORMAT = "gymnasium-reference-models/1";
    private static final int MAX_DETAILS = 20;

    private final EnvRegistry registry;

    public ModelReplay(EnvRegistry registry) {
        this.registry = registry;
    }

    public ModelReport replay(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON, expected a '" + FORMAT + "' file", e);
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(file + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        return replay(root);
    }

    ModelReport replay(JsonNode root) {
        JsonNode models = root.path("models");
        String envId = root.path("env_id").asText(models.path(0).path("env_id").asText());
        Tally tally = new Tally();
        for (JsonNode model : models) {
            compareModel(model, tally);
        }
        return new ModelReport(envId, tally.states, tally.mismatches, tally.details);
    }

    private void compareModel(JsonNode model, Tally tally) {
        String id = model.path("env_id").asText();
        Map<String, Object> kwargs = kwargs(model.path("make_kwargs"));
        String label = id + " " + kwargs;
        int states = model.path("nS").asInt();
        tally.states += states;
        ToyTextEnv env;
        try {
            Env<?, ?> made = registry.makeRaw(id, kwargs);
            if (!(made.unwrapped() instanceof ToyTextEnv tabular)) {
                throw new IllegalArgumentException(id + " has no transition table");
            }
            env = tabular;
        } catch (RuntimeException e) {
            tally.wholeModel(states, label + ": cannot make the env: " + e.getMessage());
            return;
        }
        String structure = structureDifference(model, env);
        if (structure != null) {
            tally.wholeModel(states, label + ": " + structure);
            return;
        }
        JsonNode initial = model.path("initial_state_distrib");
        double[] actualInitial = env.initialStateDistribution();
        JsonNode p = model.path("P");
        for (int s = 0; s < states; s++) {
            List<String> differences = new ArrayList<>();
            double expectedInitial = initial.path(s).asDouble();
            if (!sameBits(actualInitial[s], expectedInitial)) {
                differences.add("initial_state_distrib[" + s + "] " + actualInitial[s] + " != " + expectedInitial);
            }
            for (int a = 0; a < env.numActions(); a++) {
                differences.addAll(compareOutcomes(s, a, p.path(s).path(a), env.transitions(s, a)));
            }
            tally.state(label, differences);
        }
    }

    /** JSON kwargs as the registry reads them: booleans, numbers, strings and lists of those. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> kwargs(JsonNode makeKwargs) {
        return makeKwargs.isObject()
                ? new TreeMap<>(new ObjectMapper().convertValue(makeKwargs, Map.class))
                : new TreeMap<>();
    }

    private static String structureDifference(JsonNode model, ToyTextEnv env) {
        int states = model.path("nS").asInt();
        int actions = model.path("nA").asInt();
        if (states != env.numStates() || actions != env.numActions()) {
            return "nS x nA " + env.numStates() + " x " + env.numActions() + " != " + states + " x " + actions;
        }
        if (model.path("P").size() != states || model.path("initial_state_distrib").size() != states) {
            return "P or initial_state_distrib does not have nS=" + states + " entries";
        }
        if (model.has("desc")) {
            List<String> desc = new ArrayList<>();
            model.path("desc").forEach(row -> desc.add(row.asText()));
            if (!desc.equals(env.desc())) {
                return "desc " + env.desc() + " != " + desc;
            }
        }
        if (model.has("shape")) {
            int[] shape = new int[model.path("shape").size()];
            Arrays.setAll(shape, i -> model.path("shape").get(i).asInt());
            if (!Arrays.equals(shape, env.shape())) {
                return "shape " + Arrays.toString(env.shape()) + " != " + Arrays.toString(shape);
            }
        }
        return null;
    }

    private static List<String> compareOutcomes(int s, int a, JsonNode expected, List<Transition> actual) {
        String where = "P[" + s + "][" + a + "]";
        if (expected.size() != actual.size()) {
            return List.of(where + " has " + actual.size() + " outcomes " + actual + ", expected " + expected.size()
                    + " " + expected);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(i);
            Transition t = actual.get(i);
            boolean same = sameBits(t.probability(), e.path(0).asDouble())
                    && t.nextState() == e.path(1).asInt() && e.path(1).isIntegralNumber()
                    && t.reward() == e.path(2).asDouble()
                    && t.terminated() == e.path(3).asBoolean() && e.path(3).isBoolean();
            if (!same) {
                differences.add(String.format(Locale.ROOT, "%s[%d] (%s, %d, %s, %s) != %s", where, i,
                        Double.toString(t.probability()), t.nextState(), Double.toString(t.reward()), t.terminated(), e));
            }
        }
        return differences;
    }

    /** Bit-exact equality, so 0.3333333333333333 and 0.33333333333333337 differ. */
    private static boolean sameBits(double actual, double expected) {
        return Double.doubleToLongBits(actual) == Double.doubleToLongBits(expected);
    }

    private static final class Tally {
        int states;
        int mismatches;
        final List<String> details = new ArrayList<>();

        void state(String label, List<String> differences) {
            if (differences.isEmpty()) {
                return;
            }
            mismatches++;
            for (String difference : differences) {
                detail(label + ": " + difference);
            }
        }

        void wholeModel(int modelStates, String why) {
            mismatches += modelStates;
            detail(why);
        }

        private void detail(String line) {
            if (details.size() < MAX_DETAILS) {
                details.add(line);
            }
        }
    }
}
