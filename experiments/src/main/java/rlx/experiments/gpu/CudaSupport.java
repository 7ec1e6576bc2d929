package rlx.experiments.gpu;

/**
 * What the one CUDA backend DL4J publishes, nd4j-cuda-11.6 1.0.0-M2.1, can run on.
 *
 * <p>Capability: its libnd4jcuda.so holds cubins for 3.7 up to 8.6 and no PTX. A cubin runs on its own capability
 * and on later minor versions of the same major one (sm_86 runs on 8.9, RTX 40-series), never on another major
 * one, and without PTX the driver has nothing to compile for a newer architecture: so 3.7 to 8.x, not 9.0 (Hopper)
 * or newer. Below 3.7 (Kepler GK10x/GK11x, Fermi) there is no matching cubin.
 *
 * <p>Driver: CUDA 11's minor-version compatibility lets an application built with any 11.x toolkit run on a driver
 * of 450.80.02 or newer (Linux) as long as it needs no PTX JIT, and libnd4jcuda has none to JIT. The CUDA 11.6
 * runtime itself comes from the cuda redist jar, so nothing else is needed on the host. The forward-compatibility
 * package (cuda-compat) is not required, and newer drivers (R5xx for CUDA 12) run 11.x applications unchanged.
 */
public final class CudaSupport {

    public static final ComputeCapability MIN_CAPABILITY = new ComputeCapability(3, 7);
    /** The first capability without a cubin: Hopper. */
    public static final ComputeCapability FIRST_UNSUPPORTED_CAPABILITY = new ComputeCapability(9, 0);
    public static final DriverVersion MIN_DRIVER = DriverVersion.parse("450.80.02");

    /** One phrase for every refusal: what would have worked. */
    public static final String SUPPORTED = "nd4j-cuda-11.6 (DL4J 1.0.0-M2.1) supports compute capability "
            + MIN_CAPABILITY + " to 8.9 (Kepler K80 to Ada: e.g. K80, P100, V100, T4, A100, A10, RTX 30xx/40xx)"
            + " with NVIDIA driver >= " + MIN_DRIVER + " on linux-x86_64; the CPU backend (default) runs everywhere";

    private CudaSupport() {
    }

    public static boolean supports(ComputeCapability capability) {
        return capability.compareTo(MIN_CAPABILITY) >= 0 && capability.compareTo(FIRST_UNSUPPORTED_CAPABILITY) < 0;
    }

    public static boolean supports(DriverVersion driver) {
        return !driver.isOlderThan(MIN_DRIVER);
    }
}
