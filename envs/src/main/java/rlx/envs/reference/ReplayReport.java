package rlx.envs.reference;

import java.util.List;
import java.util.Locale;

/**
 * Outcome of replaying a trajectory file: errors are relative ({@link Tolerance}); {@code mismatches} counts
 * steps outside the tolerance stepwise, plus rollout steps for envs whose rollout is counted.
 *
 * @param details one line per mismatch (the first few), for humans
 */
public record ReplayReport(String envId, int episodes, int steps, double rolloutMaxError, double stepwiseMaxError,
                           int mismatches, List<String> details) implements ReplayResult {

    public ReplayReport {
        details = List.copyOf(details);
    }

    /** The CLI's last line; its format is a public interface. */
    public String summaryLine() {
        return String.format(Locale.ROOT,
                "replay env=%s episodes=%d steps=%d rollout_max_error=%.3e stepwise_max_error=%.3e mismatches=%d",
                envId, episodes, steps, rolloutMaxError, stepwiseMaxError, mismatches);
    }
}
