package rlx.experiments.gpu;

import java.util.Optional;

/**
 * One GPU as nvidia-smi lists it. The capability is empty when the driver predates the {@code compute_cap} query
 * field (before R510) and the name is not one {@link LegacyCapabilities} knows.
 */
public record GpuDevice(String name, Optional<ComputeCapability> capability, DriverVersion driver) {

    public String describe() {
        return "\"" + name + "\" (compute capability " + capability.map(ComputeCapability::toString).orElse("unknown") + ")";
    }
}
