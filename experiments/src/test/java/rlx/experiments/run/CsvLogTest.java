package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogTest {

    @TempDir
    Path dir;

    @Test
    void createWritesTheHeaderAndEachRowIsOnDiskBeforeClose() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (CsvLog log = CsvLog.create(file, List.of("env_steps", "episode_return", "loss", "note"))) {
            log.row(100L, 9.5, Double.NaN, "a, \"quoted\" note");
            assertEquals("env_steps,episode_return,loss,note\n100,9.5,,\"a, \"\"quoted\"\" note\"\n",
                    Files.readString(file), "flushed per row, no close needed");
            log.row(200, 12.0f, 0.25, null);
        }
        List<Map<String, String>> rows = CsvLog.read(file);
        assertEquals(2, rows.size());
        assertEquals(Map.of("env_steps", "100", "episode_return", "9.5", "loss", "", "note", "a, \"quoted\" note"),
                rows.get(0));
        assertEquals(List.of("env_steps", "episode_return", "loss", "note"), List.copyOf(rows.get(1).keySet()));
        assertEquals("12", rows.get(1).get("episode_return"));
        assertEquals("", rows.get(1).get("note"));
    }

    @Test
    void createRefusesAnExistingFile() throws IOException {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, "a\n1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvLog.create(file, List.of("a")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("a\n1\n", Files.readString(file), "left untouched");
    }

    @Test
    void appendContinuesAMatchingFileAndCreatesAMissingOne() throws IOException {
        Path file = dir.resolve("m.csv");
        try (CsvLog log = CsvLog.append(file, List.of("a", "b"))) {
            log.row(1, 2);
        }
        try (CsvLog log = CsvLog.append(file, List.of("a", "b"))) {
            log.row(3, 4);
        }
        assertEquals("a,b\n1,2\n3,4\n", Files.readString(file));
    }

    @Test
    void appendRefusesADifferentHeader() throws IOException {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, "a,b\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvLog.append(file, List.of("a", "c")));
        assertTrue(e.getMessage().contains("[a, b]") && e.getMessage().contains("[a, c]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvLog.append(file, List.of("a")));
        assertEquals("a,b\n1,2\n", Files.readString(file));
    }

    @Test
    void appendDropsAHalfWrittenLastLine() throws IOException {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, "a,b\n1,2\n3");
        assertEquals(1, CsvLog.read(file).size(), "read ignores the half line too");
        try (CsvLog log = CsvLog.append(file, List.of("a", "b"))) {
            log.row(3, 4);
        }
        assertEquals("a,b\n1,2\n3,4\n", Files.readString(file));

        Path headerOnlyHalf = dir.resolve("h.csv");
        Files.writeString(headerOnlyHalf, "a,");
        try (CsvLog log = CsvLog.append(headerOnlyHalf, List.of("a", "b"))) {
            log.row(1, 2);
        }
        assertEquals("a,b\n1,2\n", Files.readString(headerOnlyHalf));
    }

    @Test
    void aRowMustHaveOneValuePerColumn() throws IOException {
        try (CsvLog log = CsvLog.create(dir.resolve("m.csv"), List.of("a", "b"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.row(1));
            assertTrue(e.getMessage().contains("1 values for 2 columns"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> log.row(1, 2, 3));
        }
        assertThrows(IllegalArgumentException.class, () -> CsvLog.create(dir.resolve("x.csv"), List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> CsvLog.create(dir.resolve("y.csv"), List.of()));
    }

    @Test
    void readRejectsARowWithTheWrongFieldCount() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1\n2,3\n");
        assertThrows(IllegalArgumentException.class, () -> CsvLog.read(file));
    }

    @Test
    void doublesUseTheShortestDigitsThatReadBackExactly() {
        assertEquals("0.1", CsvLog.format(0.1));
        assertEquals("0.3333333333333333", CsvLog.format(1.0 / 3));
        assertEquals("3", CsvLog.format(3.0));
        assertEquals("-0.5", CsvLog.format(-0.5));
        assertEquals("1e-7", CsvLog.format(1e-7));
        assertEquals("0.00001", CsvLog.format(1e-5));
        assertEquals("1e20", CsvLog.format(1e20));
        assertEquals("123456.789", CsvLog.format(123456.789));
        assertEquals("5e-324", CsvLog.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e308", CsvLog.format(Double.MAX_VALUE));
        // 2^-44: Java 17's Double.toString gives 5.6843418860808015E-14, one digit more than needed
        assertEquals("5.684341886080802e-14", CsvLog.format(Math.scalb(1.0, -44)));
        // here Double.toString's 17 digits are not the nearest 17 digits
        assertEquals("2.0079331764311774e25", CsvLog.format(Double.longBitsToDouble(0x45309bf6c18c3e6cL)));
        assertEquals("", CsvLog.format(Double.NaN));
        assertEquals("inf", CsvLog.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", CsvLog.format(Double.NEGATIVE_INFINITY));
        assertEquals("0.1", CsvLog.format(0.1f), "floats in their own shortest form, not 0.10000000149011612");
        assertEquals("", CsvLog.format((Object) null));
    }

    @Test
    void shortestDoublesReadBackExactlyAndIgnoreTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            for (int i = 0; i < 20_000; i++) {
                double d = Double.longBitsToDouble(random.nextLong());
                if (!Double.isFinite(d)) {
                    continue;
                }
                String s = CsvLog.format(d);
                assertEquals(d, Double.parseDouble(s), s);
                assertTrue(digits(s) <= digits(Double.toString(d)), s + " vs " + d);
                int thousandths = random.nextInt(1_000_000);
                String nice = CsvLog.format(thousandths / 1000.0);
                assertEquals(java.math.BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().precision(),
                        digits(nice), nice);
            }
            assertEquals("1234.5", CsvLog.format(1234.5));
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static int digits(String number) {
        return new java.math.BigDecimal(number).stripTrailingZeros().precision();
    }
}
