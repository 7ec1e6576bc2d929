package rlx.experiments.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code nvidia-smi --query-gpu=... --format=csv,noheader} call said, parsed from its recorded output:
 * devices, a field this nvidia-smi does not know, or a failure (no driver, no devices, garbage).
 */
public sealed interface NvidiaSmiReading {

    /** One line per GPU, in nvidia-smi's (PCI bus) order. */
    record Devices(List<GpuDevice> devices) implements NvidiaSmiReading {
        public Devices {
            devices = List.copyOf(devices);
        }
    }

    /** The driver predates a queried field: R470 prints {@code Field "compute_cap" is not a valid field to query.} */
    record UnknownField(String field) implements NvidiaSmiReading {
    }

    /** nvidia-smi ran but reported no usable GPU; the message is its own first line, or ours if it printed nothing. */
    record Failed(String message) implements NvidiaSmiReading {
    }

    /** Parses the output of {@code --query-gpu=name,compute_cap,driver_version}. */
    static NvidiaSmiReading parseWithCapability(CommandResult result) {
        return parse(result, true);
    }

    /** Parses the output of {@code --query-gpu=name,driver_version}, the query older drivers understand. */
    static NvidiaSmiReading parseWithoutCapability(CommandResult result) {
        return parse(result, false);
    }

    private static NvidiaSmiReading parse(CommandResult result, boolean withCapability) {
        List<String> lines = result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines) {
            if (line.startsWith("Field \"") && line.contains("is not a valid field")) {
                return new UnknownField(line.substring(7, line.indexOf('"', 7)));
            }
        }
        if (result.exitCode() != 0 || lines.isEmpty() || lines.get(0).startsWith("No devices were found")) {
            String first = lines.isEmpty() ? "nvidia-smi printed nothing (exit code " + result.exitCode() + ")" : lines.get(0);
            return new Failed(first);
        }
        List<GpuDevice> devices = new ArrayList<>();
        for (String line : lines) {
            Optional<GpuDevice> device = device(line, withCapability);
            if (device.isEmpty()) {
                return new Failed("unexpected nvidia-smi output: " + line);
            }
            devices.add(device.get());
        }
        return new Devices(devices);
    }

    private static Optional<GpuDevice> device(String line, boolean withCapability) {
        // names hold no commas, but split from the right anyway: the trailing fields are the fixed-format ones
        String[] fields = line.split(",");
        int trailing = withCapability ? 2 : 1;
        if (fields.length < trailing + 1) {
            return Optional.empty();
        }
        String name = String.join(",", List.of(fields).subList(0, fields.length - trailing)).strip();
        try {
            DriverVersion driver = DriverVersion.parse(fields[fields.length - 1]);
            Optional<ComputeCapability> capability = withCapability
                    ? capability(fields[fields.length - 2].strip()) : Optional.empty();
            if (capability.isEmpty()) {
                capability = LegacyCapabilities.of(name);
            }
            return name.isEmpty() ? Optional.empty() : Optional.of(new GpuDevice(name, capability, driver));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<ComputeCapability> capability(String field) {
        // vGPU and some MIG setups print [N/A]; the name table may still know the board
        return field.startsWith("[") ? Optional.empty() : Optional.of(ComputeCapability.parse(field));
    }
}
