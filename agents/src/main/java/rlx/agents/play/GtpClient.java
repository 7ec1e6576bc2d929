package rlx.agents.play;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The controller side of the Go Text Protocol: sends one command at a time and reads its response. Talks to an
 * engine subprocess ({@link #start}) or to any pair of streams ({@link #over}, e.g. an in-process engine on pipes).
 */
public final class GtpClient implements AutoCloseable {

    private final String engine;
    private final BufferedReader in;
    private final Writer out;
    private final Process process;
    private boolean closed;

    private GtpClient(String engine, InputStream fromEngine, OutputStream toEngine, Process process) {
        this.engine = engine;
        this.in = new BufferedReader(new InputStreamReader(fromEngine, StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(toEngine, StandardCharsets.UTF_8);
        this.process = process;
    }

    /**
     * Starts {@code command} (program and arguments) as the engine; its standard error goes to ours, so that an
     * engine's own complaints are seen.
     *
     * @throws IOException if the program cannot be started, naming it
     */
    public static GtpClient start(List<String> command) throws IOException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty GTP engine command line");
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("cannot start GTP engine '" + String.join(" ", command) + "': " + e.getMessage(), e);
        }
        return new GtpClient(String.join(" ", command), p.getInputStream(), p.getOutputStream(), p);
    }

    /** A client on the engine's output and input streams. */
    public static GtpClient over(String engine, InputStream fromEngine, OutputStream toEngine) {
        return new GtpClient(engine, fromEngine, toEngine, null);
    }

    /** What the client talks to: the command line, or the name given to {@link #over}. */
    public String engine() {
        return engine;
    }

    /** Sends {@code command} (one line, no id) and reads the response. */
    public GtpResponse send(String command) {
        try {
            out.write(command);
            out.write('\n');
            out.flush();
            return read(command);
        } catch (IOException e) {
            throw new UncheckedIOException("GTP engine '" + engine + "' failed on '" + command + "': " + e.getMessage(), e);
        }
    }

    /**
     * Sends {@code command} and returns the text of a success response.
     *
     * @throws IllegalStateException if the engine answers with an error, quoting the command and the error
     */
    public String expect(String command) {
        GtpResponse r = send(command);
        if (r instanceof GtpResponse.Failure f) {
            throw new IllegalStateException("GTP engine '" + engine + "' rejected '" + command + "': " + f.text());
        }
        return r.text();
    }

    private GtpResponse read(String command) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the engine closed its output");
            }
            line = line.replace("\r", "");
        } while (line.isBlank());
        char marker = line.charAt(0);
        if (marker != '=' && marker != '?') {
            throw new IOException("response does not start with '=' or '?': \"" + line + "\"");
        }
        int i = 1;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++; // we send no ids, but an engine may number its responses anyway
        }
        StringBuilder text = new StringBuilder(line.substring(i).strip());
        while ((line = in.readLine()) != null && !line.replace("\r", "").isEmpty()) {
            text.append('\n').append(line.replace("\r", ""));
        }
        String t = text.toString().strip();
        return marker == '=' ? GtpResponse.success(t) : GtpResponse.failure(t);
    }

    /** Sends {@code quit} and, for a subprocess, waits a little for it to end before killing it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            send("quit");
        } catch (RuntimeException e) {
            // already gone: nothing to say goodbye to
        }
        try {
            out.close();
        } catch (IOException e) {
            // closing a dead pipe
        }
        if (process != null) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
