package rlx.trainers.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A main class in its own JVM on the test classpath, with its stdout and stderr collected line by line (and echoed
 * with a prefix, so a failing test shows what each node said).
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(String name, Class<?> main, String... args) throws IOException {
        return startWithClasspath(name, System.getProperty("java.class.path"), main, args);
    }

    /** As {@link #start}, with another classpath (e.g. the test's without some jars). */
    static ChildJvm startWithClasspath(String name, String classpath, Class<?> main, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Xmn32m", "-XX:+UseParallelGC",
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dorg.bytedeco.javacpp.maxBytes=0",
                // the libnd4j build this JVM loaded (surefire names it), for the child to load the same
                "-Dorg.bytedeco.javacpp.platform.extension="
                        + System.getProperty("org.bytedeco.javacpp.platform.extension", ""),
                "-cp", classpath, main.getName()));
        // ND4J's op executioner this JVM runs (surefire names the fenced one), before the class name
        if (System.getProperty("opexec") != null) {
            command.add(command.size() - 3, "-Dopexec=" + System.getProperty("opexec"));
        }
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        return new ChildJvm(name, pb.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("progress ")) {
                    System.out.println("[" + name + "] " + line);
                }
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    /** The first line matching {@code p}, waiting up to {@code timeout} for it. */
    synchronized String await(Predicate<String> p, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (p.test(lines.get(seen))) {
                    return lines.get(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                throw new AssertionError(name + ": no line with " + what + " within " + timeout
                        + (process.isAlive() ? "" : " (it exited)"));
            }
            wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
        }
    }

    /** The last line so far that matches {@code p}. */
    synchronized Optional<String> last(Predicate<String> p) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (p.test(lines.get(i))) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    /** The exit code, waiting up to {@code timeout}. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Writes {@code line} to the process's stdin. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
