package rlx.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import rlx.experiments.gpu.GpuCheck;
import rlx.experiments.gpu.GpuVerdict;

/** The {@code rlx} entry point: parses the command line, runs one command and turns failures into exit codes. */
@Command(name = "rlx", mixinStandardHelpOptions = true, versionProvider = RlxVersion.class,
        description = "Reinforcement-learning experiments on the JVM.",
        subcommands = {TrainCommand.class, EvalCommand.class, EnvCommand.class, BenchCommand.class,
            CompareCommand.class, PlotCommand.class, WorkerCommand.class, GpuCommand.class, ArenaCommand.class,
            GtpEngineCommand.class, ConnectFourCommand.class, ReproduceCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Every command takes --help. Add --debug anywhere for stack traces on errors."})
public final class RlxCommand implements Runnable {

    /** Exit code for a command that ran and found a failure (mismatches, failed checks). */
    public static final int EXIT_FAILED = 1;
    /** Exit code for bad input: flags, files, ids, config values. */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        // check the GPU before any ND4J class loads: the launcher says -Drlx.backend=cuda, and a cuda build run directly
        // is known by ND4J's CUDA backend class on the classpath (looked up as a resource, so nothing is loaded)
        boolean cudaBuild = RlxCommand.class.getClassLoader().getResource("org/nd4j/linalg/jcublas/JCublasBackend.class") != null;
        String backend = System.getProperty("rlx.backend", cudaBuild ? "cuda" : "cpu");
        Optional<String> refusal = backendRefusal(backend, () -> GpuCheck.system("nvidia-smi"));
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(EXIT_USAGE);
        }
        if (backend.equals("cpu")) {
            selectOneDnnBuild();
            rlx.networks.dl4j.Nd4jSetup.install();
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** JavaCPP's name suffix of the oneDNN build of libnd4j that the pom puts on the classpath. */
    private static final String ONEDNN_EXTENSION = "-onednn";

    /**
     * Points JavaCPP at the oneDNN build of libnd4j (see the pom) when it is on the classpath and nothing chose a build
     * yet, whether started by the launcher or as {@code java -jar rlx.jar}; without the extension JavaCPP
     * would load the plain build that nd4j-native also brings, whose convolutions are slower.
     */
    static void selectOneDnnBuild() {
        String key = "org.bytedeco.javacpp.platform.extension";
        if (System.getProperty(key) == null && RlxCommand.class.getClassLoader().getResource(
                "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + ONEDNN_EXTENSION + "/") != null) {
            System.setProperty(key, ONEDNN_EXTENSION);
        }
    }

    /** The one error line if this JVM cannot run the requested ND4J backend; the cpu backend runs anywhere. */
    static Optional<String> backendRefusal(String backend, Supplier<GpuCheck> gpuCheck) {
        return switch (backend) {
            case "cpu" -> Optional.empty();
            case "cuda" -> {
                GpuVerdict verdict = gpuCheck.get().run();
                yield verdict.usable() ? Optional.empty() : Optional.of("error: " + verdict.message());
            }
            default -> Optional.of("error: unknown backend '" + backend + "'; use cpu (default) or cuda");
        };
    }

    /** Runs a command line, writing to the given streams; returns the exit code. Tests call this directly. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean debug = rest.remove("--debug");
        CommandLine cli = new CommandLine(new RlxCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (debug) {
                e.printStackTrace(err);
            } else {
                err.println("error: " + message(e));
            }
            return e instanceof IllegalArgumentException || e instanceof java.io.IOException ? EXIT_USAGE : EXIT_FAILED;
        });
        return cli.execute(rest.toArray(String[]::new));
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
