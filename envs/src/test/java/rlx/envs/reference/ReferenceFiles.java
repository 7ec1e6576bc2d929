package rlx.envs.reference;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the Gymnasium reference files copied into this module's test resources. */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    static Path gymnasium(String name) {
        try {
            return Path.of(ReferenceFiles.class.getResource("/reference/gymnasium/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource reference/gymnasium/" + name, e);
        }
    }
}
