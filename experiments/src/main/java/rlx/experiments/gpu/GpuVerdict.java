package rlx.experiments.gpu;

import java.util.List;

/** The outcome of a GPU check: usable or not, the devices seen, and the one line to print either way. */
public record GpuVerdict(boolean usable, List<GpuDevice> devices, String message) {

    public GpuVerdict {
        devices = List.copyOf(devices);
    }

    static GpuVerdict refused(List<GpuDevice> devices, String found) {
        // nvidia-smi's own sentences end in a full stop; the line goes on after them
        String what = found.endsWith(".") ? found.substring(0, found.length() - 1) : found;
        return new GpuVerdict(false, devices, "cuda backend unavailable: " + what + "; " + CudaSupport.SUPPORTED);
    }
}
