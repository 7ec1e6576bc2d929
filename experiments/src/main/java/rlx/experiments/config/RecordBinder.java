package rlx.experiments.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Binds a config object to a record by reflection. Keys are the kebab-case names of the components
 * ({@code learning-starts} for {@code learningStarts}).
 *
 * <p>Supported component types: {@code int}, {@code long}, {@code double}, {@code float}, {@code boolean} and their
 * boxes, {@code String}, enums (case-insensitive, {@code -} matches {@code _}), {@code List<T>} and
 * {@code Map<String, T>} of any supported {@code T}, nested records, {@code Object} (the raw unwrapped value, so
 * {@code Map<String, Object>} is a free-form section) and {@code Optional<T>} (empty when the key is absent or
 * {@code null}); a nested record written as an explicit {@code null} binds to null. Integers written as {@code 1e6} and numbers written as strings are accepted when exact.
 *
 * <p>Every problem in the whole tree is collected before anything is thrown, so one run of the binder reports all
 * of them: unknown keys (with the allowed ones), missing keys, wrong types, enum values outside the allowed set, and
 * {@link IllegalArgumentException}s from a record's compact constructor, prefixed with the key path. Each names the
 * file and line of the offending value.
 */
public final class RecordBinder {

    private static final int MAX_RENDERED = 60;
    /** Marks a value that could not be bound; its error is already recorded. */
    private static final Object FAILED = new Object();

    private final List<String> errors = new ArrayList<>();

    private RecordBinder() {
    }

    /**
     * Binds the object at {@code path} ({@code ""} for the root) to a new {@code type}.
     *
     * @throws IllegalArgumentException listing every problem found, separated by {@code " | "}
     */
    public static <R extends Record> R bind(Config config, String path, Class<R> type) {
        RecordBinder binder = new RecordBinder();
        ConfigValue value;
        if (path == null || path.isEmpty()) {
            value = config.root();
        } else if (!config.hasPathOrNull(path)) {
            throw new IllegalArgumentException("missing key " + path + " in " + Origins.describe(config.origin()));
        } else {
            value = config.getValue(path);
        }
        Object bound = binder.value(value, path == null ? "" : path, type);
        if (!binder.errors.isEmpty()) {
            throw new IllegalArgumentException(String.join(" | ", binder.errors));
        }
        return type.cast(bound);
    }

    /** The config key of a record component: {@code learningStarts} -> {@code learning-starts}. */
    public static String keyOf(String componentName) {
        StringBuilder key = new StringBuilder(componentName.length() + 4);
        for (int i = 0; i < componentName.length(); i++) {
            char c = componentName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    key.append('-');
                }
                key.append(Character.toLowerCase(c));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private Object value(ConfigValue value, String path, Type type) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            if (value == null || value.valueType() == ConfigValueType.NULL) {
                return Optional.empty();
            }
            Object inner = value(value, path, typeArgument(type, 0, path));
            return inner == FAILED ? FAILED : Optional.of(inner);
        }
        if (value.valueType() == ConfigValueType.NULL && raw.isRecord()) {
            // an explicit null switches an optional sub-structure off (e.g. no conv torso); it must be written out
            return null;
        }
        if (value.valueType() == ConfigValueType.NULL && raw != Object.class) {
            return fail(value, path, expected(type));
        }
        if (raw == int.class || raw == Integer.class) {
            return integer(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
        }
        if (raw == long.class || raw == Long.class) {
            return integer(value, path, Long.MIN_VALUE, Long.MAX_VALUE, false);
        }
        if (raw == double.class || raw == Double.class) {
            if (value.valueType() == ConfigValueType.NUMBER) {
                return ((Number) value.unwrapped()).doubleValue();
            }
            BigDecimal number = number(value);
            return number != null ? number.doubleValue() : fail(value, path, expected(type));
        }
        if (raw == float.class || raw == Float.class) {
            BigDecimal number = number(value);
            if (number == null || Float.isInfinite(number.floatValue())) {
                return fail(value, path, expected(type));
            }
            return number.floatValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value.valueType() == ConfigValueType.BOOLEAN) {
                return value.unwrapped();
            }
            if (value.valueType() == ConfigValueType.STRING) {
                String s = ((String) value.unwrapped()).strip();
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
            }
            return fail(value, path, expected(type));
        }
        if (raw == String.class) {
            return switch (value.valueType()) {
                case STRING -> value.unwrapped();
                case NUMBER, BOOLEAN -> value.render();
                default -> fail(value, path, expected(type));
            };
        }
        if (raw.isEnum()) {
            return enumValue(value, path, raw);
        }
        if (raw == List.class) {
            if (!(value instanceof ConfigList list)) {
                return fail(value, path, expected(type));
            }
            Type element = typeArgument(type, 0, path);
            List<Object> out = new ArrayList<>(list.size());
            boolean ok = true;
            for (int i = 0; i < list.size(); i++) {
                Object item = value(list.get(i), path + "[" + i + "]", element);
                ok &= item != FAILED;
                out.add(item);
            }
            return ok ? Collections.unmodifiableList(out) : FAILED;
        }
        if (raw == Map.class) {
            if (typeArgument(type, 0, path) != String.class) {
                throw new IllegalStateException("cannot bind " + path + ": map keys must be String, not " + type);
            }
            if (!(value instanceof ConfigObject object)) {
                return fail(value, path, expected(type));
            }
            Type valueType = typeArgument(type, 1, path);
            Map<String, Object> out = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, ConfigValue> e : new TreeMap<>(object).entrySet()) {
                Object item = value(e.getValue(), child(path, e.getKey()), valueType);
                ok &= item != FAILED;
                out.put(e.getKey(), item);
            }
            return ok ? Collections.unmodifiableMap(out) : FAILED;
        }
        if (raw == Object.class) {
            return value.unwrapped();
        }
        if (raw.isRecord()) {
            if (!(value instanceof ConfigObject object)) {
                return fail(value, path, expected(type));
            }
            return record(object, path, raw);
        }
        throw new IllegalStateException("cannot bind " + (path.isEmpty() ? "config" : path)
                + ": unsupported type " + type.getTypeName());
    }

    private Object record(ConfigObject object, String path, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> allowed = new LinkedHashSet<>();
        for (RecordComponent component : components) {
            allowed.add(keyOf(component.getName()));
        }
        for (String key : new TreeMap<>(object).keySet()) {
            if (!allowed.contains(key)) {
                errors.add("unknown key " + child(path, key) + " in " + Origins.describe(object.get(key).origin())
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
        Object[] args = new Object[components.length];
        boolean ok = true;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = keyOf(component.getName());
            String keyPath = child(path, key);
            ConfigValue value = object.get(key);
            if (value == null && component.getType() != Optional.class) {
                errors.add("missing key " + keyPath + " in " + Origins.describe(object.origin()));
                ok = false;
                continue;
            }
            args[i] = value(value, keyPath, component.getGenericType());
            ok &= args[i] != FAILED;
        }
        return ok ? construct(type, components, args, path, object.origin()) : FAILED;
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] args, String path,
                             ConfigOrigin origin) {
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
                errors.add((path.isEmpty() ? "config" : path) + ": " + message + " (" + Origins.describe(origin) + ")");
                return FAILED;
            }
            throw new IllegalStateException("cannot construct " + type.getName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private Object integer(ConfigValue value, String path, long min, long max, boolean isInt) {
        BigDecimal number = number(value);
        String what = "an integer";
        if (number == null) {
            return fail(value, path, what);
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return fail(value, path, what);
        }
        if (stripped.compareTo(BigDecimal.valueOf(min)) < 0 || stripped.compareTo(BigDecimal.valueOf(max)) > 0) {
            return fail(value, path, what + " between " + min + " and " + max);
        }
        long v = stripped.longValueExact();
        return isInt ? (Object) (int) v : (Object) v;
    }

    /** The exact decimal value of a number or a numeric string; null for anything else (and for NaN/infinity). */
    private static BigDecimal number(ConfigValue value) {
        try {
            if (value.valueType() == ConfigValueType.NUMBER) {
                Object n = value.unwrapped();
                if (n instanceof Double d) {
                    return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
                }
                return new BigDecimal(n.toString());
            }
            if (value.valueType() == ConfigValueType.STRING) {
                return new BigDecimal(((String) value.unwrapped()).strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private Object enumValue(ConfigValue value, String path, Class<?> type) {
        Object[] constants = type.getEnumConstants();
        if (value.valueType() == ConfigValueType.STRING) {
            String given = ((String) value.unwrapped()).strip().replace('-', '_');
            for (Object constant : constants) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(given)) {
                    return constant;
                }
            }
        }
        return fail(value, path, expected(type));
    }

    private Object fail(ConfigValue value, String path, String expected) {
        errors.add((path.isEmpty() ? "config" : path) + " = " + render(value) + ": expected " + expected
                + " (" + Origins.describe(value.origin()) + ")");
        return FAILED;
    }

    private static String expected(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "an integer";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw.isEnum()) {
            return "one of " + Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (raw == List.class) {
            return "a list";
        }
        if (raw.isRecord()) {
            return "an object with keys " + Arrays.stream(raw.getRecordComponents())
                    .map(c -> keyOf(c.getName())).collect(Collectors.joining(", "));
        }
        if (raw == Map.class) {
            return "an object";
        }
        return "a value";
    }

    private static String render(ConfigValue value) {
        String rendered = value.render(ConfigRenderOptions.concise());
        return rendered.length() <= MAX_RENDERED ? rendered : rendered.substring(0, MAX_RENDERED - 3) + "...";
    }

    private static String child(String path, String key) {
        String quoted = ConfigUtil.joinPath(key);
        return path.isEmpty() ? quoted : path + "." + quoted;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        throw new IllegalStateException("unsupported type " + type.getTypeName());
    }

    private static Type typeArgument(Type type, int index, String path) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        throw new IllegalStateException("cannot bind " + path + ": raw type " + type.getTypeName()
                + " has no element type");
    }

}
