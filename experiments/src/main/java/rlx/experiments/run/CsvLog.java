package rlx.experiments.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An append-only CSV file with a fixed header (RFC 4180 quoting). Each row is flushed as it is written, so a killed
 * run loses nothing it logged; {@link #append} resumes such a file, dropping a half-written last line.
 *
 * <p>Values: numbers use {@link java.util.Locale#ROOT} digits; doubles and floats are written in the fewest digits
 * that read back to the same value ({@code 0.1}, {@code 3}, {@code 1e-7}), NaN and null as an empty field,
 * infinities as {@code inf} and {@code -inf}; anything else as its {@code toString()}, quoted when needed.
 */
public final class CsvLog implements AutoCloseable {

    private final Path file;
    private final List<String> columns;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(128);

    private CsvLog(Path file, List<String> columns, Writer out) {
        this.file = file;
        this.columns = columns;
        this.out = out;
    }

    /**
     * Creates {@code file} with a header row.
     *
     * @throws IllegalArgumentException if the file already exists (use {@link #append} to resume one) or the
     *     columns are empty, blank or repeated
     */
    public static CsvLog create(Path file, List<String> columns) {
        List<String> header = checkColumns(columns);
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            CsvLog log = new CsvLog(file, header, out);
            log.write(header.toArray());
            return log;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(file + " already exists; append to it to resume a run");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code file} to add rows after the existing ones, or creates it when it does not exist or is empty.
     * A last line without its newline (the run was killed while writing it) is removed first.
     *
     * @throws IllegalArgumentException if the existing header differs from {@code columns}
     */
    public static CsvLog append(Path file, List<String> columns) {
        List<String> header = checkColumns(columns);
        if (!Files.exists(file)) {
            return create(file, header);
        }
        try {
            dropPartialLastLine(file);
            if (Files.size(file) == 0) {
                Files.delete(file);
                return create(file, header);
            }
            List<String> existing;
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                existing = parseLine(reader.readLine());
            }
            if (!existing.equals(header)) {
                throw new IllegalArgumentException("cannot append to " + file + ": its columns " + existing
                        + " differ from " + header);
            }
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return new CsvLog(file, header, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file this log writes. */
    public Path file() {
        return file;
    }

    /** The header. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Writes one row and flushes it.
     *
     * @throws IllegalArgumentException if the number of values differs from the number of columns
     */
    public synchronized void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(file.getFileName() + ": row has " + values.length + " values for "
                    + columns.size() + " columns " + columns);
        }
        try {
            write(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Object[] values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(format(values[i])));
        }
        line.append('\n');
        out.write(line.toString());
        out.flush();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a CSV written by this class (or any RFC 4180 file with a header): one map per row, column name to raw
     * field, in column order. A last line cut short (no newline and too few fields) is ignored: the writer was
     * killed while writing it.
     *
     * @throws IllegalArgumentException if the file is missing or a complete row has the wrong number of fields
     */
    public static List<Map<String, String>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<List<String>> records = new ArrayList<>();
        boolean lastComplete = parse(text, records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, expected a header row");
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != header.size()) {
                if (r == records.size() - 1 && !lastComplete) {
                    break;
                }
                throw new IllegalArgumentException(file + ": row " + r + " has " + fields.size() + " fields for "
                        + header.size() + " columns");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), fields.get(c));
            }
            rows.add(Collections.unmodifiableMap(row));
        }
        return rows;
    }

    /** Splits {@code text} into records; returns whether the last record ended with a newline. */
    private static boolean parse(String text, List<List<String>> records) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inRecord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    inRecord = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    inRecord = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    records.add(List.copyOf(fields));
                    fields.clear();
                    inRecord = false;
                }
                default -> {
                    field.append(c);
                    inRecord = true;
                }
            }
        }
        if (inRecord) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
            return false;
        }
        return true;
    }

    private static List<String> parseLine(String line) {
        List<List<String>> records = new ArrayList<>();
        parse(line == null ? "" : line + "\n", records);
        return records.isEmpty() ? List.of() : records.get(0);
    }

    /** Truncates {@code file} after its last newline, so appended rows never continue a half-written one. */
    private static void dropPartialLastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long end = raf.length();
            long pos = end;
            byte[] block = new byte[8192];
            while (pos > 0) {
                int n = (int) Math.min(block.length, pos);
                raf.seek(pos - n);
                raf.readFully(block, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (block[i] == '\n') {
                        long keep = pos - n + i + 1;
                        if (keep < end) {
                            raf.setLength(keep);
                        }
                        return;
                    }
                }
                pos -= n;
            }
            raf.setLength(0);
        }
    }

    private static List<String> checkColumns(List<String> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a CSV log needs at least one column");
        }
        if (columns.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("blank column name in " + columns);
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("repeated column name in " + columns);
        }
        return List.copyOf(columns);
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The unquoted text of one value, as {@link #row} writes it. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return format(d.doubleValue());
        }
        if (value instanceof Float f) {
            return format(f.floatValue());
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return value.toString();
    }

    /** The shortest decimal that reads back as {@code value}; empty for NaN, {@code inf}/{@code -inf}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        // Java 17's Double.toString always reads back exactly but sometimes carries one digit too many
        // (JDK-4511638, fixed in 19), so fewer digits are tried until none reads back
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = new BigDecimal(Double.toString(value));
        // at the same length Double.toString may also not pick the nearest decimal
        BigDecimal nearest = shortestAt(exact, best.precision(), d -> d.doubleValue() == value);
        best = nearest != null ? nearest : best;
        for (int digits = best.precision() - 1; digits >= 1; digits--) {
            BigDecimal shorter = shortestAt(exact, digits, d -> d.doubleValue() == value);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return decimal(best);
    }

    /** The shortest decimal that reads back as the float {@code value}. */
    public static String format(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return format((double) value);
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = new BigDecimal(Float.toString(value));
        BigDecimal nearest = shortestAt(exact, best.precision(), d -> d.floatValue() == value);
        best = nearest != null ? nearest : best;
        for (int digits = best.precision() - 1; digits >= 1; digits--) {
            BigDecimal shorter = shortestAt(exact, digits, d -> d.floatValue() == value);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return decimal(best);
    }

    /**
     * The {@code digits}-digit decimal nearest to {@code exact} that reads back, or null. Rounding to nearest is not
     * enough: next to a power of two the gap below is half the gap above, so only rounding away may read back.
     * If no {@code digits}-digit decimal reads back, no shorter one does either.
     */
    private static BigDecimal shortestAt(BigDecimal exact, int digits, java.util.function.Predicate<BigDecimal> readsBack) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (readsBack.test(nearest)) {
            return nearest;
        }
        BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
        BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
        BigDecimal other = nearest.compareTo(down) == 0 ? up : down;
        return readsBack.test(other) ? other : null;
    }

    /** Plain notation for exponents -5..15, else {@code d.ddde<exp>}. */
    private static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -5 && exponent <= 15) {
            return v.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        StringBuilder s = new StringBuilder(digits.length() + 8);
        if (v.signum() < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        return s.append('e').append(exponent).toString();
    }
}
