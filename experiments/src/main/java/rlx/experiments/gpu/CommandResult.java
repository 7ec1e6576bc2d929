package rlx.experiments.gpu;

/** What a finished external command printed (stdout and stderr together, as a terminal shows them) and its exit code. */
public record CommandResult(int exitCode, String output) {
}
