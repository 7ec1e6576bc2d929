package rlx.experiments.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rlx.experiments.gpu.GpuCheck;
import rlx.experiments.gpu.GpuVerdict;

/** {@code rlx gpu check}: whether the CUDA backend can run here, asked of nvidia-smi without loading ND4J. */
@Command(name = "gpu", description = "Check whether this machine can run the CUDA backend.", mixinStandardHelpOptions = true)
final class GpuCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Ask nvidia-smi for the driver and each GPU's compute capability, without loading ND4J.",
        "Prints gpu_check=ok ... (exit 0) or one error line naming what was found and what is supported (exit 2)."})
    int check(@Option(names = "--nvidia-smi", defaultValue = "nvidia-smi", paramLabel = "<program>",
                      description = "The nvidia-smi to run (default ${DEFAULT-VALUE}, from the PATH).") String nvidiaSmi) {
        GpuVerdict verdict = GpuCheck.system(nvidiaSmi).run();
        if (verdict.usable()) {
            spec.commandLine().getOut().println(verdict.message());
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + verdict.message());
        return RlxCommand.EXIT_USAGE;
    }
}
