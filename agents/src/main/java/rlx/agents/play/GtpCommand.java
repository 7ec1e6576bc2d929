package rlx.agents.play;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One Go Text Protocol command line after GTP 2's preprocessing (section 3.1: control characters other than tab and
 * newline removed, everything from {@code #} on dropped, tabs as spaces).
 *
 * @param id the optional numeric id, echoed in the response; null when absent
 * @param name the command name
 * @param args its arguments
 */
public record GtpCommand(Long id, String name, List<String> args) {

    /**
     * The command on {@code line}, or empty for a line that holds none (blank, or only a comment).
     *
     * @throws IllegalArgumentException for an id with no command after it, or an id too long to be a number; the
     *     message is the GTP error text and the exception's {@link Malformed#id()} the id to echo, if any
     */
    public static Optional<GtpCommand> parse(String line) {
        StringBuilder clean = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '#') {
                break;
            }
            if (ch == '\t') {
                clean.append(' ');
            } else if (ch >= 32 && ch != 127) {
                clean.append(ch);
            }
        }
        String text = clean.toString().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = Arrays.asList(text.split(" +"));
        Long id = null;
        if (tokens.get(0).chars().allMatch(Character::isDigit)) {
            try {
                id = Long.parseLong(tokens.get(0));
            } catch (NumberFormatException e) {
                throw new Malformed(null, "id " + tokens.get(0) + " is too large");
            }
            tokens = tokens.subList(1, tokens.size());
            if (tokens.isEmpty()) {
                throw new Malformed(id, "missing command after id");
            }
        }
        return Optional.of(new GtpCommand(id, tokens.get(0), List.copyOf(tokens.subList(1, tokens.size()))));
    }

    /** A line that is not a command; the engine answers it with a GTP error and goes on. */
    public static final class Malformed extends IllegalArgumentException {

        private final Long id;

        Malformed(Long id, String message) {
            super(message);
            this.id = id;
        }

        public Long id() {
            return id;
        }
    }
}
