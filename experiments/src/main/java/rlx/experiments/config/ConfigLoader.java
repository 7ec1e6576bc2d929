package rlx.experiments.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads an experiment config: the HOCON file, then {@code key=value} overrides on top of it, all layered over the
 * defaults of the file's {@code algorithm} ({@code /defaults/<algorithm>.conf} on the classpath), then resolved.
 * Failures are {@link IllegalArgumentException}s that name the file.
 */
public final class ConfigLoader {

    /** Classpath folder of the per-algorithm defaults. */
    public static final String DEFAULTS_FOLDER = "defaults";
    /** The top-level key that selects the defaults. */
    public static final String ALGORITHM_KEY = "algorithm";

    private ConfigLoader() {
    }

    /**
     * Parses {@code file}, applies {@code overrides} (each {@code dotted.key=hocon-value}), layers the result over
     * the algorithm's defaults and resolves substitutions.
     *
     * @throws IllegalArgumentException for a missing or unparsable file (with the line), a malformed override, a
     *     missing or unknown {@code algorithm}, or an unresolvable substitution
     */
    public static Config load(Path file, List<String> overrides) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() != null ? file.getFileName().toString() : file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist or is not a file");
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot parse config " + file + ": " + e.getMessage(), e);
        }
        Config layered = parsed;
        for (String override : overrides) {
            layered = parseOverride(override).withFallback(layered);
        }
        String algorithm = algorithm(layered, name);
        Config defaults = defaults(algorithm, name);
        try {
            return layered.withFallback(defaults).resolve();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot resolve config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads the file without overrides. */
    public static Config load(Path file) {
        return load(file, List.of());
    }

    /** Parses one {@code key=value} override; the origin of its value reads {@code override key=value}. */
    static Config parseOverride(String override) {
        String expected = "expected key=value with a dotted key and a HOCON value, e.g. seed=3, "
                + "agent.network.optimizer.learning-rate=1e-3 or agent.network.torso.hidden=[64,64]";
        int eq = override == null ? -1 : override.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("malformed override '" + override + "': " + expected);
        }
        String key = override.substring(0, eq).strip();
        String value = override.substring(eq + 1).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("malformed override '" + override + "': empty value; " + expected);
        }
        try {
            ConfigUtil.splitPath(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("malformed override '" + override + "': bad key '" + key + "'; "
                    + expected, e);
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(key + " = " + value,
                    ConfigParseOptions.defaults().setOriginDescription("override " + override));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("malformed override '" + override + "': " + e.getMessage() + "; "
                    + expected, e);
        }
        // "a=1, b=2" parses as two settings: refuse it rather than silently set a key nobody named
        List<String> path = ConfigUtil.splitPath(key);
        boolean single = parsed.entrySet().stream()
                .map(e -> ConfigUtil.splitPath(e.getKey()))
                .allMatch(p -> p.size() >= path.size() && p.subList(0, path.size()).equals(path));
        if (!single) {
            throw new IllegalArgumentException("malformed override '" + override + "': sets more than the key '"
                    + key + "'; " + expected);
        }
        return parsed;
    }

    private static String algorithm(Config config, String fileName) {
        if (!config.hasPathOrNull(ALGORITHM_KEY)) {
            throw new IllegalArgumentException("missing key " + ALGORITHM_KEY + " in " + fileName + "; known: "
                    + String.join(", ", knownAlgorithms()));
        }
        ConfigValue value = config.getValue(ALGORITHM_KEY);
        if (value.valueType() != ConfigValueType.STRING || ((String) value.unwrapped()).isBlank()) {
            throw new IllegalArgumentException(ALGORITHM_KEY + " = " + value.render() + " in " + fileName
                    + ": expected an algorithm name; known: " + String.join(", ", knownAlgorithms()));
        }
        return (String) value.unwrapped();
    }

    private static Config defaults(String algorithm, String fileName) {
        String resource = DEFAULTS_FOLDER + "/" + algorithm + ".conf";
        ClassLoader loader = ConfigLoader.class.getClassLoader();
        if (!algorithm.matches("[A-Za-z0-9_-]+") || loader.getResource(resource) == null) {
            throw new IllegalArgumentException("unknown algorithm '" + algorithm + "' in " + fileName
                    + " (no " + resource + " on the classpath); known: " + String.join(", ", knownAlgorithms()));
        }
        try {
            return ConfigFactory.parseResources(loader, resource, ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot parse defaults " + resource + " for " + fileName + ": "
                    + e.getMessage(), e);
        }
    }

    /** Algorithms with a defaults file on the classpath, sorted; best effort (directories and jars). */
    public static List<String> knownAlgorithms() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> folders = ConfigLoader.class.getClassLoader().getResources(DEFAULTS_FOLDER);
            while (folders.hasMoreElements()) {
                URL url = folders.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).forEach(n -> addAlgorithm(names, n));
                    }
                } else if (url.getProtocol().equals("jar")
                        && url.openConnection() instanceof JarURLConnection connection) {
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String entry = e.nextElement().getName();
                            if (entry.startsWith(DEFAULTS_FOLDER + "/") && entry.indexOf('/', DEFAULTS_FOLDER.length() + 1) < 0) {
                                addAlgorithm(names, entry.substring(DEFAULTS_FOLDER.length() + 1));
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // the list only decorates an error message; an unreadable classpath entry must not hide the real error
        }
        return new ArrayList<>(names);
    }

    private static void addAlgorithm(TreeSet<String> names, String fileName) {
        if (fileName.endsWith(".conf")) {
            names.add(fileName.substring(0, fileName.length() - ".conf".length()));
        }
    }
}
