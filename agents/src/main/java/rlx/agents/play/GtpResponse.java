package rlx.agents.play;

/** A GTP 2 response: success ({@code =}) or failure ({@code ?}), with its text (possibly several lines). */
public sealed interface GtpResponse {

    String text();

    /** {@code =[id] text} or {@code ?[id] text}, ended by the empty line that frames every GTP response. */
    default String format(Long id) {
        String marker = this instanceof Success ? "=" : "?";
        return marker + (id == null ? "" : id.toString()) + " " + text() + "\n\n";
    }

    record Success(String text) implements GtpResponse {
    }

    record Failure(String text) implements GtpResponse {
    }

    static GtpResponse success(String text) {
        return new Success(text);
    }

    static GtpResponse failure(String text) {
        return new Failure(text);
    }
}
