package rlx.trainers.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The policy of the best periodic evaluation so far, as Stable-Baselines3's {@code EvalCallback} keeps
 * {@code best_model}: an evaluation that beats every earlier one writes the policy's parameters, and the files its
 * algorithm loads a policy from (as from a checkpoint), to {@code <checkpoints>/best/}; the run's end evaluates that
 * policy on the final number of episodes, and {@code rlx eval --best} acts from it. A greedy
 * policy can collapse late in training (A3C's asynchronous updates do this on CartPole); the best one is not lost,
 * and a resumed run keeps the best of its earlier sessions.
 */
public final class BestPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMS_FILE = "params.bin";
    private static final String RECORD_FILE = "best.json";

    /** What {@code best.json} holds: the evaluation that made this policy the best. */
    public record Record(long envSteps, int episodes, double meanReturn, double stdReturn) {
    }

    private final Path dir;
    private Record best;

    /** Reads the best policy a previous session of the run left in {@code <checkpoints>/best/}, if any. */
    public BestPolicy(Path checkpointDir) throws IOException {
        this.dir = checkpointDir.resolve("best");
        Path record = dir.resolve(RECORD_FILE);
        if (Files.isRegularFile(record) && Files.isRegularFile(dir.resolve(PARAMS_FILE))) {
            best = JSON.readValue(record.toFile(), Record.class);
        }
    }

    /**
     * Keeps {@code params} (and what {@code policyFiles} writes beside them: the learner as in a checkpoint) when
     * {@code eval} has a higher mean return than every earlier evaluation; the write is atomic, so a kill leaves
     * the previous best intact. Returns whether it did.
     */
    public boolean offer(EvalRecord eval, float[] params, Checkpoints.Writer policyFiles) throws IOException {
        if (!Double.isFinite(eval.meanReturn()) || best != null && !(eval.meanReturn() > best.meanReturn())) {
            return false;
        }
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), ".best-");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(tmp.resolve(PARAMS_FILE))))) {
            out.writeInt(params.length);
            for (float p : params) {
                out.writeFloat(p);
            }
        }
        policyFiles.write(tmp);
        Record record = new Record(eval.envSteps(), eval.episodes(), eval.meanReturn(), eval.stdReturn());
        JSON.writeValue(tmp.resolve(RECORD_FILE).toFile(), record);
        Path old = dir.resolveSibling(".best-old");
        Checkpoints.deleteTree(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        Checkpoints.deleteTree(old);
        best = record;
        return true;
    }

    /**
     * The run (re)starts at {@code envSteps}: 0 for a fresh run, the checkpoint's steps for a resumed one. A policy
     * kept after that point belongs to a timeline the run discards (its evaluation is cut from eval.csv as well), so
     * it is dropped; the evaluations to come choose again.
     */
    public void startAt(long envSteps) throws IOException {
        if (best != null && best.envSteps() > envSteps) {
            Checkpoints.deleteTree(dir);
            best = null;
        }
    }

    /** The evaluation that made the kept policy the best, if any evaluation has run. */
    public Optional<Record> record() {
        return Optional.ofNullable(best);
    }

    /** The kept policy's directory ({@code params.bin}, {@code best.json} and the policy files). */
    public Path dir() {
        return dir;
    }

    /** The kept policy's parameters. */
    public float[] params() throws IOException {
        if (best == null) {
            throw new IllegalStateException("no evaluation has been kept in " + dir);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(PARAMS_FILE))))) {
            float[] params = new float[in.readInt()];
            for (int i = 0; i < params.length; i++) {
                params[i] = in.readFloat();
            }
            return params;
        }
    }

    /**
     * The summary.json entry {@code best_eval}: the step and periodic evaluation that made the policy the best and
     * its evaluation over the final number of episodes.
     */
    public Map<String, Object> summary(EvalRecord finalEvalOfBest) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("env_steps", best.envSteps());
        out.put("periodic_mean_return", best.meanReturn());
        out.put("episodes", finalEvalOfBest.episodes());
        out.put("mean_return", finalEvalOfBest.meanReturn());
        out.put("std_return", finalEvalOfBest.stdReturn());
        return out;
    }
}
