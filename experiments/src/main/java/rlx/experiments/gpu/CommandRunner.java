package rlx.experiments.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command; tests replace it with recorded nvidia-smi outputs. */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs the command to completion.
     *
     * @throws IOException if the program cannot be started (e.g. it is not on the PATH) or does not finish in time
     */
    CommandResult run(List<String> command) throws IOException;

    /** The real thing, giving up after the timeout: nvidia-smi can hang on a wedged driver. */
    static CommandRunner system(long timeoutSeconds) {
        return command -> {
            // output goes to a file, not a pipe, so that a hung command cannot block the read past the timeout
            Path output = Files.createTempFile("rlx-cmd", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.DISCARD.file()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
                }
                return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            } finally {
                Files.deleteIfExists(output);
            }
        };
    }
}
