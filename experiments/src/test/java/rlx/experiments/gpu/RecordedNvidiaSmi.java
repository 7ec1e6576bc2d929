package rlx.experiments.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded nvidia-smi session from {@code src/test/resources/nvidia-smi/<name>.txt}: for each query it was asked,
 * a {@code # query=<fields> exit=<code>} line followed by what it printed. Plays it back as a {@link CommandRunner}
 * or as an executable script for end-to-end runs.
 */
public record RecordedNvidiaSmi(String name, Map<String, CommandResult> answers) {

    private static final Pattern HEADER = Pattern.compile("# query=(\\S+) exit=(\\d+)");

    public static RecordedNvidiaSmi load(String name) {
        try (InputStream in = RecordedNvidiaSmi.class.getResourceAsStream("/nvidia-smi/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RecordedNvidiaSmi parse(String name, String transcript) {
        Map<String, CommandResult> answers = new LinkedHashMap<>();
        String query = null;
        int exit = 0;
        StringBuilder output = new StringBuilder();
        for (String line : transcript.split("\n", -1)) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                if (query != null) {
                    answers.put(query, new CommandResult(exit, output.toString()));
                }
                query = m.group(1);
                exit = Integer.parseInt(m.group(2));
                output.setLength(0);
            } else if (query != null) {
                output.append(line).append('\n');
            }
        }
        if (query != null) {
            answers.put(query, new CommandResult(exit, output.toString().replaceAll("\n\n$", "\n")));
        }
        return new RecordedNvidiaSmi(name, answers);
    }

    /** Answers {@code nvidia-smi --query-gpu=<fields> --format=csv,noheader} as recorded; other calls fail the test. */
    public CommandRunner runner() {
        return command -> {
            if (command.size() != 3 || !command.get(2).equals(GpuCheck.FORMAT) || !command.get(1).startsWith("--query-gpu=")) {
                throw new AssertionError("unexpected nvidia-smi call " + command);
            }
            CommandResult answer = answers.get(command.get(1).substring("--query-gpu=".length()));
            if (answer == null) {
                throw new AssertionError(name + " has no recorded answer to " + command);
            }
            return answer;
        };
    }

    /** Writes an executable nvidia-smi stand-in into the directory that prints the recorded answers. */
    public Path writeScript(Path dir) throws IOException {
        List<String> script = new ArrayList<>(List.of("#!/bin/sh", "case \"$1\" in"));
        int i = 0;
        for (Map.Entry<String, CommandResult> answer : answers.entrySet()) {
            Path out = Files.writeString(dir.resolve("answer" + i++ + ".txt"), answer.getValue().output());
            script.add("  --query-gpu=" + answer.getKey() + ") cat '" + out + "'; exit " + answer.getValue().exitCode() + ";;");
        }
        script.add("esac");
        script.add("echo \"Invalid combination of input arguments.\"; exit 2");
        Path file = dir.resolve("nvidia-smi");
        Files.write(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
