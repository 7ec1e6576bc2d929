package rlx.trainers.alphazero;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code generations.csv} in a run directory: one line per generation, appended as each ends. */
final class GenerationLog {

    static final String FILE = "generations.csv";

    private final Path csv;

    GenerationLog(Path runDir) {
        this.csv = runDir.resolve(FILE);
    }

    /** A new log with only the header. */
    void start() throws IOException {
        Files.writeString(csv, header() + "\n", StandardCharsets.UTF_8);
    }

    void append(GenerationRecord record) throws IOException {
        Files.writeString(csv, record.csvRow() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Keeps the lines of generations up to {@code generation}, the ones a checkpoint covers; atomically. */
    void truncateAfter(int generation) throws IOException {
        List<String> lines = Files.exists(csv) ? Files.readAllLines(csv, StandardCharsets.UTF_8) : List.of();
        List<String> kept = new ArrayList<>();
        kept.add(header());
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String first = line.split(",", 2)[0];
            if (!first.isBlank() && Integer.parseInt(first) <= generation) {
                kept.add(line);
            }
        }
        Path tmp = csv.resolveSibling(FILE + ".resume-tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String header() {
        return String.join(",", GenerationRecord.COLUMNS);
    }
}
