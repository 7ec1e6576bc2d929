package rlx.trainers.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's checkpoint directory: each checkpoint is written into a temporary folder and renamed into place only
 * when complete, so a kill mid-write never leaves a half checkpoint as the latest. The newest {@code keep} stay.
 */
public final class Checkpoints {

    private static final String PREFIX = "step-";
    private final Path root;
    private final int keep;

    public Checkpoints(Path root, int keep) {
        if (keep <= 0) {
            throw new IllegalArgumentException("keep (" + keep + ") must be > 0");
        }
        this.root = root;
        this.keep = keep;
    }

    /** Writes a checkpoint for {@code envSteps} with {@code writer} and publishes it atomically. */
    public Path write(long envSteps, Writer writer) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".writing-");
        writer.write(tmp);
        Path target = root.resolve(name(envSteps));
        if (Files.exists(target)) {
            deleteTree(target);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        prune();
        return target;
    }

    /** The checkpoint with the most env steps, if any. */
    public Optional<Path> latest() throws IOException {
        return list().stream().reduce((a, b) -> b);
    }

    /** The env steps a checkpoint directory covers. */
    public static long envSteps(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException(checkpoint + " is not a checkpoint directory (" + PREFIX + "<steps>)");
        }
        return Long.parseLong(name.substring(PREFIX.length()));
    }

    private static String name(long envSteps) {
        return PREFIX + String.format("%012d", envSteps);
    }

    private List<Path> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .sorted(Comparator.comparingLong(Checkpoints::envSteps)).toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = list();
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            deleteTree(old);
        }
    }

    /** Deletes {@code dir} and everything below it; nothing if it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Writes one checkpoint's files into a directory. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }
}
