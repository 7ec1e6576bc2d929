package rlx.experiments.reproduce;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A benchmark definition from {@code experiments/benchmarks/<name>.conf}: which experiment configs, how many seeds,
 * how many steps, and the published numbers with their sources.
 */
public record Benchmark(String name, String description, int seeds, List<BenchmarkRun> runs) {

    public static final String FOLDER = "experiments/benchmarks";

    private static final Set<String> TOP_KEYS = Set.of("benchmark", "description", "seeds", "runs");
    private static final Set<String> RUN_KEYS = Set.of("env", "algorithm", "config", "steps", "reference");
    private static final Set<String> REFERENCE_KEYS = Set.of("value", "low", "high", "source");

    /** The benchmark called {@code nameOrFile} under {@code home}'s {@value #FOLDER}, or the file itself. */
    public static Benchmark load(Path home, String nameOrFile) {
        Path file = nameOrFile.endsWith(".conf") ? Path.of(nameOrFile)
                : home.resolve(FOLDER).resolve(nameOrFile + ".conf");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no benchmark '" + nameOrFile + "' (looked for " + file + "); known: "
                    + String.join(", ", known(home)));
        }
        Config c;
        try {
            c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        String where = file.toString();
        try {
            checkKeys(where, "", c, TOP_KEYS);
            int seeds = c.getInt("seeds");
            if (seeds <= 0) {
                throw new IllegalArgumentException(where + ": seeds (" + seeds + ") must be > 0");
            }
            List<BenchmarkRun> runs = new ArrayList<>();
            List<? extends Config> list = c.getConfigList("runs");
            for (int i = 0; i < list.size(); i++) {
                runs.add(run(where + ": runs[" + i + "]", list.get(i)));
            }
            if (runs.isEmpty()) {
                throw new IllegalArgumentException(where + ": runs is empty");
            }
            return new Benchmark(c.getString("benchmark"), c.hasPath("description") ? c.getString("description") : "",
                    seeds, List.copyOf(runs));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static BenchmarkRun run(String where, Config c) {
        checkKeys(where, "", c, RUN_KEYS);
        PublishedResult reference = null;
        if (c.hasPath("reference")) {
            Config r = c.getConfig("reference");
            checkKeys(where, "reference.", r, REFERENCE_KEYS);
            double value = r.hasPath("value") ? r.getDouble("value") : Double.NaN;
            try {
                reference = new PublishedResult(value, r.getDouble("low"), r.getDouble("high"), r.getString("source"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        long steps = c.hasPath("steps") ? c.getLong("steps") : 0;
        if (steps < 0) {
            throw new IllegalArgumentException(where + ": steps (" + steps + ") must be >= 0 (0: the config's own)");
        }
        return new BenchmarkRun(c.getString("env"), c.getString("algorithm"), Path.of(c.getString("config")), steps,
                reference);
    }

    private static void checkKeys(String where, String prefix, Config c, Set<String> allowed) {
        for (String key : c.root().keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + prefix + key + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The benchmark names under {@code home}. */
    public static List<String> known(Path home) {
        Path dir = home.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
