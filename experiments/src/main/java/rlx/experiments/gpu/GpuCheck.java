package rlx.experiments.gpu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides, before ND4J loads, whether the CUDA backend can run here, from what nvidia-smi reports. Loading
 * nd4j-cuda on an unsupported machine fails late and obscurely (an UnsatisfiedLinkError, or "no kernel image is
 * available for execution on the device" at the first op), so the launcher asks this first and stops with one line.
 */
public final class GpuCheck {

    static final String FORMAT = "--format=csv,noheader";
    static final String QUERY = "--query-gpu=name,compute_cap,driver_version";
    /** For drivers before R510, which reject compute_cap as "not a valid field to query". */
    static final String LEGACY_QUERY = "--query-gpu=name,driver_version";
    /**
     * From this branch on, a driver is assumed to report compute_cap (R470 rejects the field): a capability missing
     * from a newer driver is refused, since such a driver may run Hopper. Older branches predate Hopper and Ada.
     */
    static final DriverVersion FIRST_DRIVER_WITH_COMPUTE_CAP = DriverVersion.parse("510");

    private final CommandRunner runner;
    private final String nvidiaSmi;
    private final String platform;

    /**
     * @param nvidiaSmi the program to run, normally {@code nvidia-smi} from the PATH
     * @param platform  the JavaCPP platform of this JVM, e.g. {@code linux-x86_64}: only its natives are built
     */
    public GpuCheck(CommandRunner runner, String nvidiaSmi, String platform) {
        this.runner = runner;
        this.nvidiaSmi = nvidiaSmi;
        this.platform = platform;
    }

    public static GpuCheck system(String nvidiaSmi) {
        return new GpuCheck(CommandRunner.system(30), nvidiaSmi, platform());
    }

    /** This JVM's platform in JavaCPP's spelling. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return (os.startsWith("linux") ? "linux" : os.replace(' ', '_'))
                + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
    }

    public GpuVerdict run() {
        if (!platform.equals("linux-x86_64")) {
            return GpuVerdict.refused(List.of(), "this JVM runs on " + platform + " and the cuda build holds linux-x86_64 natives only");
        }
        NvidiaSmiReading reading;
        try {
            reading = NvidiaSmiReading.parseWithCapability(runner.run(List.of(nvidiaSmi, QUERY, FORMAT)));
            if (reading instanceof NvidiaSmiReading.UnknownField) {
                reading = NvidiaSmiReading.parseWithoutCapability(runner.run(List.of(nvidiaSmi, LEGACY_QUERY, FORMAT)));
            }
        } catch (IOException e) {
            return GpuVerdict.refused(List.of(), "cannot run " + nvidiaSmi + " (" + e.getMessage()
                    + "): no NVIDIA driver installed, or nvidia-smi not on the PATH");
        }
        if (reading instanceof NvidiaSmiReading.Failed failed) {
            return GpuVerdict.refused(List.of(), "nvidia-smi found no usable GPU: " + failed.message());
        }
        if (reading instanceof NvidiaSmiReading.UnknownField unknown) {
            return GpuVerdict.refused(List.of(), "nvidia-smi does not know the query field " + unknown.field());
        }
        return decide(((NvidiaSmiReading.Devices) reading).devices());
    }

    /** Every visible GPU must be supported: ND4J spreads its threads over all the devices CUDA shows it. */
    static GpuVerdict decide(List<GpuDevice> devices) {
        if (devices.isEmpty()) {
            return GpuVerdict.refused(devices, "nvidia-smi lists no GPU");
        }
        DriverVersion driver = devices.get(0).driver();
        if (!CudaSupport.supports(driver)) {
            return GpuVerdict.refused(devices, "NVIDIA driver " + driver + " (GPU 0 \"" + devices.get(0).name()
                    + "\") is older than " + CudaSupport.MIN_DRIVER + ", the oldest that runs CUDA 11.x applications");
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            GpuDevice device = devices.get(i);
            Optional<ComputeCapability> capability = device.capability();
            if (capability.isEmpty() && !driver.isOlderThan(FIRST_DRIVER_WITH_COMPUTE_CAP)) {
                return GpuVerdict.refused(devices, "GPU " + i + " " + device.describe()
                        + " did not report its compute capability, so it may be Hopper or newer");
            }
            if (capability.isPresent() && !CudaSupport.supports(capability.get())) {
                boolean tooNew = capability.get().compareTo(CudaSupport.FIRST_UNSUPPORTED_CAPABILITY) >= 0;
                return GpuVerdict.refused(devices, "GPU " + i + " " + device.describe() + " is "
                        + (tooNew ? "newer than the 8.x machine code in libnd4jcuda, which has no PTX to compile for it"
                                  : "older than the oldest machine code in libnd4jcuda (3.7)")
                        + (devices.size() > 1 ? ", and ND4J uses every visible GPU" : ""));
            }
            // an unknown capability on a pre-R510 driver is Maxwell to Ampere: Kepler is caught by name, Hopper/Ada need newer drivers
            seen.add(String.format(Locale.ROOT, "gpu%d=\"%s\" compute_cap%d=%s", i, device.name(), i,
                    capability.map(ComputeCapability::toString).orElse("unknown")));
        }
        return new GpuVerdict(true, devices, "gpu_check=ok backend=cuda driver=" + driver
                + " devices=" + devices.size() + " " + String.join(" ", seen));
    }
}
