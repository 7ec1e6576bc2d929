package rlx.envs.reference;

import java.util.List;

/** The outcome of replaying one reference file: trajectories ({@link ReplayReport}) or tables ({@link ModelReport}). */
public sealed interface ReplayResult permits ReplayReport, ModelReport {

    String envId();

    int mismatches();

    /** Human-readable lines for the first mismatches. */
    List<String> details();

    /** The one-line summary the CLI prints last; its format is a public interface. */
    String summaryLine();
}
