package rlx.experiments.gpu;

import java.util.Comparator;

/** A CUDA compute capability such as 8.6: the instruction set a GPU runs, which decides whether a binary has kernels for it. */
public record ComputeCapability(int major, int minor) implements Comparable<ComputeCapability> {

    private static final Comparator<ComputeCapability> ORDER =
            Comparator.comparingInt(ComputeCapability::major).thenComparingInt(ComputeCapability::minor);

    public ComputeCapability {
        if (major < 0 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("not a compute capability: " + major + "." + minor);
        }
    }

    /** Parses nvidia-smi's {@code compute_cap} field, e.g. {@code 7.5}. */
    public static ComputeCapability parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a compute capability: '" + text.trim() + "'");
        }
        try {
            return new ComputeCapability(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a compute capability: '" + text.trim() + "'", e);
        }
    }

    @Override
    public int compareTo(ComputeCapability other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
