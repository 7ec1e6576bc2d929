package rlx.envs.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import rlx.envs.core.EnvRegistry;

/** Replays any Gymnasium reference file, choosing trajectory or transition-table replay by its {@code format}. */
public final class ReferenceReplay {

    private final EnvRegistry registry;

    public ReferenceReplay(EnvRegistry registry) {
        this.registry = registry;
    }

    public ReplayResult replay(Path file) throws IOException {
        String format;
        try {
            format = new ObjectMapper().readTree(file.toFile()).path("format").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (format.equals(TrajectoryReplay.FORMAT)) {
            return new TrajectoryReplay(registry).replay(file);
        }
        if (format.equals(ModelReplay.FORMAT)) {
            return new ModelReplay(registry).replay(file);
        }
        throw new IllegalArgumentException(file + ": format is '" + format + "', expected '"
                + TrajectoryReplay.FORMAT + "' or '" + ModelReplay.FORMAT + "'");
    }
}
