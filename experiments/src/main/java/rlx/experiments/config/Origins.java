package rlx.experiments.config;

import com.typesafe.config.ConfigOrigin;
import java.nio.file.Path;

/** Short {@code file:line} names for config origins, as error messages print them. */
final class Origins {

    private static final String MERGE = "merge of ";
    private static final String OVERRIDE = "override ";

    private Origins() {
    }

    /**
     * {@code cartpole-dqn.conf:7}, {@code defaults/dqn.conf:3} or {@code override agent.network.optimizer.learning-rate=1e-3}. A merged object
     * (file over defaults) is named after its first source that is not an override, because that is where a missing
     * key belongs.
     */
    static String describe(ConfigOrigin origin) {
        if (origin == null) {
            return "config";
        }
        if (origin.resource() != null) {
            return withLine(origin.resource(), origin.lineNumber());
        }
        if (origin.filename() != null) {
            return withLine(fileName(origin.filename()), origin.lineNumber());
        }
        String description = origin.description();
        if (description.startsWith(MERGE)) {
            String[] parts = description.substring(MERGE.length()).split(",");
            String chosen = parts[0];
            for (String part : parts) {
                if (!part.startsWith(OVERRIDE)) {
                    chosen = part;
                    break;
                }
            }
            return describePart(chosen.strip());
        }
        return describePart(description);
    }

    /** One entry of a description: {@code /path/a.conf: 2}, {@code defaults/x.conf @ file:/...: 1}, {@code override k=v: 1}. */
    private static String describePart(String part) {
        int colon = part.lastIndexOf(": ");
        String where = part;
        int line = -1;
        if (colon > 0 && part.substring(colon + 2).matches("\\d+")) {
            where = part.substring(0, colon);
            line = Integer.parseInt(part.substring(colon + 2));
        }
        if (where.startsWith(OVERRIDE)) {
            return where;
        }
        int at = where.indexOf(" @ ");
        if (at > 0) {
            return withLine(where.substring(0, at), line);
        }
        return withLine(fileName(where), line);
    }

    private static String fileName(String file) {
        try {
            Path name = Path.of(file).getFileName();
            return name != null ? name.toString() : file;
        } catch (RuntimeException e) {
            return file;
        }
    }

    private static String withLine(String where, int line) {
        return line > 0 ? where + ":" + line : where;
    }
}
