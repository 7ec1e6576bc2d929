package rlx.experiments.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a resolved config as text for a run directory. The HOCON form loads back through {@link ConfigLoader}
 * to the same values (it still names its {@code algorithm}, and the defaults it already contains change nothing).
 */
public final class ConfigRenderer {

    private ConfigRenderer() {
    }

    /** Formatted HOCON without comments, keys sorted, every default filled in. */
    public static String hocon(Config config) {
        return config.root().render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setComments(false).setFormatted(true).setJson(false));
    }

    /** Formatted JSON of the same values. */
    public static String json(Config config) {
        return config.root().render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setComments(false).setFormatted(true).setJson(true));
    }

    /**
     * Writes {@link #hocon} to {@code file} (a run directory's {@code config.conf}), replacing it.
     *
     * @throws UncheckedIOException if it cannot be written, like the run-directory files
     */
    public static void write(Config config, Path file) {
        try {
            Files.writeString(file, hocon(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
