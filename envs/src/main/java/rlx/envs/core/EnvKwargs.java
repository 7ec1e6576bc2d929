package rlx.envs.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keyword arguments an env is made with ({@code is_slippery}, {@code map_name}, ...), read with type checks.
 * Every key an env reads is remembered, so {@link EnvRegistry} can reject keys the env does not know.
 */
public final class EnvKwargs {

    private final String envId;
    private final Map<String, Object> values;
    private final Map<String, Object> resolved = new LinkedHashMap<>();

    public EnvKwargs(String envId, Map<String, ?> values) {
        this.envId = envId;
        this.values = Map.copyOf(values);
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = values.getOrDefault(key, defaultValue);
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            v = Boolean.parseBoolean(s);
        }
        if (!(v instanceof Boolean b)) {
            throw bad(key, v, "true or false");
        }
        resolved.put(key, b);
        return b;
    }

    public double number(String key, double defaultValue) {
        Object v = values.getOrDefault(key, defaultValue);
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(String.valueOf(v));
            } catch (NumberFormatException e) {
                throw bad(key, v, "a number");
            }
        }
        resolved.put(key, d);
        return d;
    }

    /** A string that must be one of {@code allowed}. */
    public String choice(String key, String defaultValue, String... allowed) {
        Object v = values.getOrDefault(key, defaultValue);
        String s = String.valueOf(v);
        if (!Arrays.asList(allowed).contains(s)) {
            throw bad(key, v, "one of " + String.join(", ", allowed));
        }
        resolved.put(key, s);
        return s;
    }

    /** A list of strings (e.g. a custom map's rows), or {@code null} when absent. */
    public List<String> stringList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw bad(key, v, "a list of strings");
        }
        List<String> rows = list.stream().map(String.class::cast).toList();
        resolved.put(key, rows);
        return rows;
    }

    /** A list of numbers (e.g. FrozenLake's reward_schedule); {@code defaultValues} when absent. */
    public double[] numbers(String key, double... defaultValues) {
        Object v = values.get(key);
        double[] d;
        if (v == null) {
            d = defaultValues.clone();
        } else if (v instanceof List<?> list && list.stream().allMatch(Number.class::isInstance)) {
            d = list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        } else if (v instanceof double[] array) {
            d = array.clone();
        } else {
            throw bad(key, v, "a list of numbers");
        }
        resolved.put(key, Arrays.stream(d).boxed().toList());
        return d;
    }

    /** Every key the env read, with the value it used (defaults included). */
    public Map<String, Object> resolved() {
        return Map.copyOf(resolved);
    }

    /** Keys given but never read by the env. */
    public Set<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(resolved.keySet());
        return unknown;
    }

    private IllegalArgumentException bad(String key, Object value, String allowed) {
        return new IllegalArgumentException(envId + ": kwarg " + key + "=" + value + " is invalid; expected " + allowed);
    }
}
