package rlx.experiments.gpu;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NVIDIA Linux driver version such as 450.80.02 as nvidia-smi prints it, ordered field by field as numbers
 * (450.80.02 > 450.9), a missing field counting as 0.
 */
public record DriverVersion(String text, int major, int minor, int patch) implements Comparable<DriverVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Comparator<DriverVersion> ORDER = Comparator.comparingInt(DriverVersion::major)
            .thenComparingInt(DriverVersion::minor).thenComparingInt(DriverVersion::patch);

    public static DriverVersion parse(String text) {
        String t = text.trim();
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a driver version: '" + t + "'");
        }
        return new DriverVersion(t, Integer.parseInt(m.group(1)), field(m.group(2)), field(m.group(3)));
    }

    private static int field(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    @Override
    public int compareTo(DriverVersion other) {
        return ORDER.compare(this, other);
    }

    public boolean isOlderThan(DriverVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
