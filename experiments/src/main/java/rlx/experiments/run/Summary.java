package rlx.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a finished run reports, as {@code summary.json}:
 * <pre>{"experiment", "algorithm", "env", "seed", "env_steps", "wall_seconds", "steps_per_second",
 *  "eval": {"episodes", "mean_return", "std_return"}, ...extra}</pre>
 * The entries of {@code extra} sit at the top level beside the fixed fields, in insertion order. Non-finite doubles
 * are written as {@code null} and read back as NaN; {@code eval} is {@code null} for a run that never evaluated.
 * Integers in {@code extra} read back as {@code Long}, other numbers as {@code Double}.
 */
public record Summary(String experiment, String algorithm, String env, long seed, long envSteps, double wallSeconds,
                      double stepsPerSecond, EvalSummary eval, Map<String, Object> extra) {

    /** The fixed top-level fields; {@code extra} may not reuse them. */
    public static final Set<String> FIELDS = Set.of("experiment", "algorithm", "env", "seed", "env_steps",
            "wall_seconds", "steps_per_second", "eval");

    public Summary {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(env, "env");
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        for (String key : extra.keySet()) {
            if (FIELDS.contains(key)) {
                throw new IllegalArgumentException("extra summary entry '" + key + "' clashes with a fixed field");
            }
        }
    }

    /** A summary without extra entries. */
    public Summary(String experiment, String algorithm, String env, long seed, long envSteps, double wallSeconds,
                   double stepsPerSecond, EvalSummary eval) {
        this(experiment, algorithm, env, seed, envSteps, wallSeconds, stepsPerSecond, eval, Map.of());
    }

    /** Writes the JSON to {@code file}, replacing it atomically. */
    public void write(Path file) {
        Json.write(file, toJson());
    }

    /** The JSON tree {@link #write} writes. */
    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("experiment", experiment);
        root.put("algorithm", algorithm);
        root.put("env", env);
        root.put("seed", seed);
        root.put("env_steps", envSteps);
        root.put("wall_seconds", Json.finiteOrNull(wallSeconds));
        root.put("steps_per_second", Json.finiteOrNull(stepsPerSecond));
        if (eval == null) {
            root.putNull("eval");
        } else {
            ObjectNode e = root.putObject("eval");
            e.put("episodes", eval.episodes());
            e.put("mean_return", Json.finiteOrNull(eval.meanReturn()));
            e.put("std_return", Json.finiteOrNull(eval.stdReturn()));
        }
        extra.forEach((key, value) -> root.set(key, Json.MAPPER.valueToTree(value)));
        return root;
    }

    /**
     * Reads a {@code summary.json}.
     *
     * @throws IllegalArgumentException if the file is missing, not JSON, or lacks a fixed field
     */
    public static Summary read(Path file) {
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object");
        }
        String experiment = text(root, "experiment", file);
        String algorithm = text(root, "algorithm", file);
        String env = text(root, "env", file);
        long seed = integer(root, "seed", file);
        long envSteps = integer(root, "env_steps", file);
        double wallSeconds = number(root, "wall_seconds", file);
        double stepsPerSecond = number(root, "steps_per_second", file);
        EvalSummary eval = null;
        JsonNode e = required(root, "eval", file);
        if (!e.isNull()) {
            eval = new EvalSummary((int) integer(e, "episodes", file), number(e, "mean_return", file),
                    number(e, "std_return", file));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!FIELDS.contains(entry.getKey())) {
                extra.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), Object.class));
            }
        }
        return new Summary(experiment, algorithm, env, seed, envSteps, wallSeconds, stepsPerSecond, eval, extra);
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException(file + ": missing field " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = required(node, field, file);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(file + ": " + field + " = " + value + ": expected a string");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String field, Path file) {
        JsonNode value = required(node, field, file);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(file + ": " + field + " = " + value + ": expected an integer");
        }
        return value.asLong();
    }

    private static double number(JsonNode node, String field, Path file) {
        JsonNode value = required(node, field, file);
        if (value.isNull()) {
            return Double.NaN;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(file + ": " + field + " = " + value + ": expected a number");
        }
        return value.doubleValue();
    }
}
