package rlx.envs.reference;

import java.util.List;

/**
 * Outcome of comparing a model file's transition tables {@code P[s][a]} with rlx's envs: a mismatch is a state
 * whose table differs for any action (probabilities, next states, rewards, termination flags, or their order).
 */
public record ModelReport(String envId, int states, int mismatches, List<String> details) implements ReplayResult {

    public ModelReport {
        details = List.copyOf(details);
    }

    /** The CLI's last line; its format is a public interface. */
    public String summaryLine() {
        return "model env=" + envId + " states=" + states + " mismatches=" + mismatches;
    }
}
