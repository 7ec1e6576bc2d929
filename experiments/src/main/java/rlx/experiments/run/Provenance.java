package rlx.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a run's numbers came from: the code (git commit and whether the work tree had uncommitted changes), the
 * libraries (Java, DL4J, ND4J and its backend), the machine and the seeds. Written as {@code provenance.json} with
 * snake_case field names. Anything that cannot be found is {@code "unknown"} ({@code git_dirty} is then
 * {@code null}); collecting never fails.
 */
public record Provenance(String gitCommit, Boolean gitDirty, String javaVersion, String javaVendor,
                         String dl4jVersion, String nd4jVersion, String nd4jBackend, String os, String cpuModel,
                         int cores, String hostname, long rootSeed, Map<String, Long> derivedSeeds) {

    /** The value of anything that could not be found. */
    public static final String UNKNOWN = "unknown";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final long GIT_TIMEOUT_SECONDS = 10;

    public Provenance {
        derivedSeeds = derivedSeeds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(derivedSeeds));
    }

    /**
     * Collects everything for a run started in {@code workingDir} (the git work tree it reports). The ND4J backend
     * is the class ND4J's service loader would pick, found without instantiating it, so this never loads native
     * code; use {@link #collect(Path, long, Map, String)} to record the backend actually in use.
     */
    public static Provenance collect(Path workingDir, long rootSeed, Map<String, Long> derivedSeeds) {
        return collect(workingDir, rootSeed, derivedSeeds, declaredNd4jBackend());
    }

    /** As {@link #collect(Path, long, Map)}, with the ND4J backend given (e.g. {@code Nd4j.getBackend().getClass().getName()}). */
    public static Provenance collect(Path workingDir, long rootSeed, Map<String, Long> derivedSeeds, String backend) {
        Optional<String> commit = git(workingDir, "rev-parse", "HEAD");
        // untracked files (notes, new configs) do not change what the committed code computes
        Optional<String> status = commit.isPresent()
                ? git(workingDir, "status", "--porcelain", "--untracked-files=no") : Optional.empty();
        return new Provenance(
                commit.orElse(UNKNOWN),
                status.map(s -> !s.isBlank()).orElse(null),
                String.valueOf(Runtime.version()),
                property("java.vendor"),
                mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                mavenVersion("org.nd4j", "nd4j-api"),
                backend == null || backend.isBlank() ? UNKNOWN : backend,
                property("os.name") + " " + property("os.version") + " (" + property("os.arch") + ")",
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                readHostname(),
                rootSeed,
                derivedSeeds);
    }

    /** Writes {@code provenance.json}. */
    public void write(Path file) {
        Json.write(file, JSON.valueToTree(this));
    }

    /** Reads a {@code provenance.json}. */
    public static Provenance read(Path file) {
        try {
            return JSON.treeToValue(Json.read(file), Provenance.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> git(Path workingDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Path output = null;
        try {
            // output goes to a file, not a pipe, so a hung git cannot block us past the timeout
            output = Files.createTempFile("rlx-git", ".out");
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0
                    ? Optional.of(Files.readString(output, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a stray temp file is not worth failing a run over
                }
            }
        }
    }

    /** The version in a jar's {@code META-INF/maven/.../pom.properties}, which DL4J's jars carry. */
    static String mavenVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * The ND4J backend classes registered on the classpath, or "none". The service loader only loads the classes;
     * instantiating a backend would load its natives.
     */
    static String declaredNd4jBackend() {
        try {
            Class<?> service = Class.forName("org.nd4j.linalg.factory.Nd4jBackend", false,
                    Provenance.class.getClassLoader());
            List<String> names = ServiceLoader.load(service, Provenance.class.getClassLoader()).stream()
                    .map(provider -> provider.type().getName()).sorted().toList();
            return names.isEmpty() ? "none" : String.join(",", names);
        } catch (ClassNotFoundException e) {
            return "none";
        } catch (LinkageError | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                    return line.substring(colon + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is hidden: fall through
        }
        return UNKNOWN;
    }

    private static String readHostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver below
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        return value != null ? value : UNKNOWN;
    }
}
