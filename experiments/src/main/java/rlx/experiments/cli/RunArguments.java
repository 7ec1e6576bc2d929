package rlx.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import rlx.experiments.run.RunDirectory;

/** The run directories named on a command line: run directories as given, experiment directories as their runs. */
final class RunArguments {

    private RunArguments() {
    }

    /**
     * Expands {@code dirs} in order, each run once.
     *
     * @throws IllegalArgumentException naming the first directory that is missing or neither kind
     */
    static List<RunDirectory> expand(List<Path> dirs) {
        Set<Path> seen = new LinkedHashSet<>();
        List<RunDirectory> runs = new ArrayList<>();
        for (Path dir : dirs) {
            for (RunDirectory run : RunDirectory.expand(dir)) {
                if (seen.add(run.path().toAbsolutePath().normalize())) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    /**
     * A short unique label per run: {@code <run dir>} when all runs share one experiment, otherwise
     * {@code <experiment>/<run dir>}.
     */
    static List<String> labels(List<RunDirectory> runs) {
        boolean oneExperiment = runs.stream().map(r -> r.experimentDir()).distinct().count() <= 1;
        return runs.stream().map(r -> oneExperiment ? r.name() : r.experiment() + "/" + r.name()).toList();
    }
}
