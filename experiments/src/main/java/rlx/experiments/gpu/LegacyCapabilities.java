package rlx.experiments.gpu;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compute capabilities of the Kepler boards by name, for drivers too old to answer {@code compute_cap} (before R510).
 * Kepler is the one family that matters there: its driver support ended with R470, so on drivers 450 to 470 it
 * is the only place a capability below 3.7 (or the K80's exact 3.7) can hide. Maxwell to Ampere boards on those
 * drivers all lie within 3.7 to 8.6, and Hopper and Ada need newer drivers than any that lacks the field.
 */
final class LegacyCapabilities {

    private record Entry(Pattern name, ComputeCapability capability) {
        Entry(String regex, int major, int minor) {
            this(Pattern.compile(regex), new ComputeCapability(major, minor));
        }
    }

    private static final List<Entry> KEPLER = List.of(
            new Entry("Tesla K80", 3, 7),
            new Entry("Tesla K(20|40)\\w*", 3, 5),
            new Entry("Tesla K10(\\..*)?", 3, 0),
            new Entry("GRID K(1|2|520|340)", 3, 0),
            new Entry("GeForce GTX (780( Ti)?|TITAN( Black| Z)?)", 3, 5),
            new Entry("GeForce GTX (6[4-9]0( Ti)?( BOOST)?|6[5-6]0 Ti|7[67]0)", 3, 0),
            new Entry("GeForce GT (640|710|720|730)", 3, 0), // some variants are 2.1 or 3.5: all below 3.7
            new Entry("Quadro K(5200|6000)", 3, 5),
            new Entry("Quadro K(420|600|2000D?|4000|4200|5000)", 3, 0));

    private LegacyCapabilities() {
    }

    /** The capability of a Kepler board by its nvidia-smi name (with or without the "NVIDIA " prefix newer drivers add). */
    static Optional<ComputeCapability> of(String name) {
        String bare = name.startsWith("NVIDIA ") ? name.substring(7) : name;
        return KEPLER.stream().filter(e -> e.name().matcher(bare).matches()).map(Entry::capability).findFirst();
    }
}
