package rlx.experiments.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision over recorded nvidia-smi sessions: one fixture per kind of machine the launcher may meet. */
class GpuCheckTest {

    static GpuVerdict check(String fixture) {
        return new GpuCheck(RecordedNvidiaSmi.load(fixture).runner(), "nvidia-smi", "linux-x86_64").run();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "t4         | gpu_check=ok backend=cuda driver=535.104.05 devices=1 gpu0=\"Tesla T4\" compute_cap0=7.5",
        "a100       | gpu_check=ok backend=cuda driver=535.129.03 devices=1 gpu0=\"NVIDIA A100-SXM4-40GB\" compute_cap0=8.0",
        // sm_86 cubins run on 8.9: same major version, later minor
        "rtx4090    | gpu_check=ok backend=cuda driver=550.54.14 devices=1 gpu0=\"NVIDIA GeForce RTX 4090\" compute_cap0=8.9",
        // R470 cannot report compute_cap: the second query, and the K80's 3.7 comes from its name; one board, two GPUs
        "k80-r470   | gpu_check=ok backend=cuda driver=470.82.01 devices=2 gpu0=\"Tesla K80\" compute_cap0=3.7 gpu1=\"Tesla K80\" compute_cap1=3.7",
        // a Turing board on R470: no capability, but no pre-R510 driver runs Hopper and Kepler is known by name
        "t4-r470    | gpu_check=ok backend=cuda driver=470.57.02 devices=1 gpu0=\"Tesla T4\" compute_cap0=unknown",
    })
    void supportedMachinesPass(String fixture, String line) {
        GpuVerdict verdict = check(fixture);
        assertTrue(verdict.usable(), verdict.message());
        assertEquals(line, verdict.message());
    }

    @Test
    void eightGpusAreAllListed() {
        GpuVerdict verdict = check("a100-x8");
        assertTrue(verdict.usable(), verdict.message());
        assertEquals(8, verdict.devices().size());
        assertTrue(verdict.message().contains("devices=8 ") && verdict.message().endsWith("gpu7=\"NVIDIA A100-SXM4-80GB\" compute_cap7=8.0"),
                verdict.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "h100             | GPU 0 \"NVIDIA H100 80GB HBM3\" (compute capability 9.0) is newer than the 8.x machine code in libnd4jcuda, which has no PTX",
        "rtx3090-and-h100 | GPU 1 \"NVIDIA H100 PCIe\" (compute capability 9.0) is newer than the 8.x machine code in libnd4jcuda, which has no PTX to compile for it, and ND4J uses every visible GPU",
        "gtx680-r470      | GPU 0 \"NVIDIA GeForce GTX 680\" (compute capability 3.0) is older than the oldest machine code in libnd4jcuda (3.7)",
        "t4-r418          | NVIDIA driver 418.87.01 (GPU 0 \"Tesla T4\") is older than 450.80.02, the oldest that runs CUDA 11.x applications",
        "no-driver        | nvidia-smi found no usable GPU: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
        "no-devices       | nvidia-smi found no usable GPU: No devices were found",
        "empty            | nvidia-smi found no usable GPU: nvidia-smi printed nothing (exit code 0)",
        "vgpu-na          | GPU 0 \"GRID A100X-40C\" (compute capability unknown) did not report its compute capability, so it may be Hopper or newer",
    })
    void unsupportedMachinesFailWithOneLineNamingWhatWasFound(String fixture, String found) {
        GpuVerdict verdict = check(fixture);
        assertFalse(verdict.usable());
        assertTrue(verdict.message().startsWith("cuda backend unavailable: " + found), verdict.message());
        assertTrue(verdict.message().endsWith(CudaSupport.SUPPORTED), verdict.message());
        assertEquals(1, verdict.message().lines().count(), verdict.message());
    }

    @Test
    void missingNvidiaSmiMeansNoDriver() {
        CommandRunner absent = command -> {
            throw new IOException("Cannot run program \"nvidia-smi\": error=2, No such file or directory");
        };
        GpuVerdict verdict = new GpuCheck(absent, "nvidia-smi", "linux-x86_64").run();
        assertFalse(verdict.usable());
        assertTrue(verdict.message().startsWith("cuda backend unavailable: cannot run nvidia-smi (Cannot run program"), verdict.message());
        assertTrue(verdict.message().contains("no NVIDIA driver installed"), verdict.message());
    }

    @Test
    void otherPlatformsAreRefusedWithoutAskingNvidiaSmi() {
        CommandRunner untouched = command -> {
            throw new AssertionError("nvidia-smi should not run");
        };
        GpuVerdict verdict = new GpuCheck(untouched, "nvidia-smi", "linux-arm64").run();
        assertFalse(verdict.usable());
        assertTrue(verdict.message().contains("linux-arm64"), verdict.message());
    }

    @Test
    void garbledOutputIsAFailureNotACrash() {
        GpuVerdict verdict = new GpuCheck(command -> new CommandResult(0, "Tesla T4, seven, 535.104.05\n"),
                "nvidia-smi", "linux-x86_64").run();
        assertFalse(verdict.usable());
        assertTrue(verdict.message().contains("unexpected nvidia-smi output: Tesla T4, seven, 535.104.05"), verdict.message());
    }

    @Test
    void capabilityRangeIsKeplerK80ToAda() {
        for (String yes : List.of("3.7", "5.0", "6.1", "7.0", "7.5", "8.0", "8.6", "8.9")) {
            assertTrue(CudaSupport.supports(ComputeCapability.parse(yes)), yes);
        }
        for (String no : List.of("2.1", "3.0", "3.5", "9.0", "10.0", "12.0")) {
            assertFalse(CudaSupport.supports(ComputeCapability.parse(no)), no);
        }
    }

    @Test
    void driverVersionsCompareFieldByFieldAsNumbers() {
        assertTrue(CudaSupport.supports(DriverVersion.parse("450.80.02")));
        assertFalse(CudaSupport.supports(DriverVersion.parse("450.80.01")));
        assertFalse(CudaSupport.supports(DriverVersion.parse("450.9")), "80 > 9");
        assertFalse(CudaSupport.supports(DriverVersion.parse("440.118.02")));
        assertTrue(CudaSupport.supports(DriverVersion.parse("455.23")));
        assertTrue(CudaSupport.supports(DriverVersion.parse("535.104.05")));
        assertEquals(0, DriverVersion.parse("470.82").compareTo(DriverVersion.parse("470.82.0")));
        assertEquals("450.80.02", DriverVersion.parse(" 450.80.02 ").toString());
    }

    @Test
    void keplerBoardsAreKnownByNameAndLaterOnesAreNot() {
        assertEquals(Optional.of(new ComputeCapability(3, 7)), LegacyCapabilities.of("Tesla K80"));
        assertEquals(Optional.of(new ComputeCapability(3, 5)), LegacyCapabilities.of("Tesla K40m"));
        assertEquals(Optional.of(new ComputeCapability(3, 5)), LegacyCapabilities.of("NVIDIA GeForce GTX TITAN Black"));
        assertEquals(Optional.of(new ComputeCapability(3, 0)), LegacyCapabilities.of("GRID K520"));
        // Maxwell boards with Kepler-looking names
        assertEquals(Optional.empty(), LegacyCapabilities.of("NVIDIA GeForce GTX 750 Ti"));
        assertEquals(Optional.empty(), LegacyCapabilities.of("NVIDIA GeForce GTX TITAN X"));
        assertEquals(Optional.empty(), LegacyCapabilities.of("Quadro K2200"));
    }
}
