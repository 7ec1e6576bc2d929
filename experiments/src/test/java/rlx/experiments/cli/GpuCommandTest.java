package rlx.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.experiments.cli.CliTest.Run;
import rlx.experiments.gpu.CudaSupport;
import rlx.experiments.gpu.GpuCheck;
import rlx.experiments.gpu.RecordedNvidiaSmi;

/** {@code rlx gpu check} end to end: a real process (a script replaying recorded nvidia-smi output), real exit codes. */
class GpuCommandTest {

    @TempDir
    Path dir;

    Run gpuCheck(String fixture) throws IOException {
        Path nvidiaSmi = RecordedNvidiaSmi.load(fixture).writeScript(dir);
        return CliTest.rlx("gpu", "check", "--nvidia-smi", nvidiaSmi.toString());
    }

    @Test
    void supportedGpuPrintsOneOkLineAndExitsZero() throws IOException {
        Run run = gpuCheck("a100");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("gpu_check=ok backend=cuda driver=535.129.03 devices=1 gpu0=\"NVIDIA A100-SXM4-40GB\" compute_cap0=8.0",
                run.out().strip());
        assertEquals("", run.err());
    }

    @Test
    void olderDriverIsAskedAgainWithoutComputeCap() throws IOException {
        Run run = gpuCheck("k80-r470");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().startsWith("gpu_check=ok backend=cuda driver=470.82.01 devices=2 "), run.out());
    }

    @Test
    void hopperIsRefusedWithOneErrorLineAndExitCodeTwo() throws IOException {
        Run run = gpuCheck("h100");
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: cuda backend unavailable: GPU 0 \"NVIDIA H100 80GB HBM3\" (compute capability 9.0)"),
                run.err());
        assertTrue(run.err().strip().endsWith(CudaSupport.SUPPORTED), run.err());
    }

    @Test
    void brokenDriverIsRefused() throws IOException {
        Run run = gpuCheck("no-driver");
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("couldn't communicate with the NVIDIA driver"), run.err());
    }

    @Test
    void mainRefusesTheCudaBackendBeforeAnyCommandRuns() {
        assertEquals(Optional.empty(), RlxCommand.backendRefusal("cpu", () -> {
            throw new AssertionError("the cpu backend needs no GPU check");
        }));
        assertEquals(Optional.empty(), RlxCommand.backendRefusal("cuda", () -> recorded("rtx4090")));
        String refusal = RlxCommand.backendRefusal("cuda", () -> recorded("h100")).orElseThrow();
        assertTrue(refusal.startsWith("error: cuda backend unavailable: GPU 0 \"NVIDIA H100 80GB HBM3\""), refusal);
        assertEquals("error: unknown backend 'rocm'; use cpu (default) or cuda",
                RlxCommand.backendRefusal("rocm", () -> recorded("a100")).orElseThrow());
    }

    private static GpuCheck recorded(String fixture) {
        return new GpuCheck(RecordedNvidiaSmi.load(fixture).runner(), "nvidia-smi", "linux-x86_64");
    }

    @Test
    void missingNvidiaSmiIsRefused() {
        Run run = CliTest.rlx("gpu", "check", "--nvidia-smi", dir.resolve("no-such-nvidia-smi").toString());
        assertEquals(RlxCommand.EXIT_USAGE, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: cuda backend unavailable: cannot run "), run.err());
    }
}
