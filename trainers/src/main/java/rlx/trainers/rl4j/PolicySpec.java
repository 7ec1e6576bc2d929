package rlx.trainers.rl4j;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.deeplearning4j.rl4j.helper.INDArrayHelper;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvSpec;

/**
 * What a saved RL4J network needs besides its weights to act on rlx's flat observations: how one flat observation
 * becomes the network input {@code Rl4jMdp} gave it in training, and which rlx action RL4J action 0 is. Stored as
 * {@value #FILE} next to the network in a checkpoint.
 *
 * <ul>
 *   <li>{@code box}: the {@code size} floats widened to double, in the observation's shape, with RL4J's batch
 *       dimension added as its {@code INDArrayHelper.forceCorrectShape} adds it;</li>
 *   <li>{@code discrete}: the one flat value is the state; it becomes a one-hot row of {@code n}, state
 *       {@code start + i} setting element {@code i}, as {@code Rl4jObservationSpace} encodes it.</li>
 * </ul>
 *
 * @param algorithm which RL4J learner wrote the checkpoint ({@code dqn} or {@code a3c})
 * @param shape the Box shape; {@code [n]} for discrete observations
 */
record PolicySpec(String algorithm, String envId, boolean discreteObservations, int[] shape, int observationStart,
                  int actions, int actionStart) {

    static final String FILE = "rl4j-policy.properties";

    PolicySpec {
        shape = shape.clone();
    }

    static PolicySpec of(String algorithm, EnvSpec spec) {
        if (!(spec.actionSpace() instanceof Discrete actions)) {
            throw new IllegalArgumentException(spec.id() + ": RL4J's discrete learners need a Discrete action space, "
                    + "not " + spec.actionSpace());
        }
        if (spec.observationSpace() instanceof Box box) {
            int[] shape = box.shape().length == 0 ? new int[] {1} : box.shape();
            return new PolicySpec(algorithm, spec.id(), false, shape, 0, actions.n(), actions.start());
        }
        if (spec.observationSpace() instanceof Discrete states) {
            return new PolicySpec(algorithm, spec.id(), true, new int[] {states.n()}, states.start(), actions.n(),
                    actions.start());
        }
        throw new IllegalArgumentException(spec.id() + ": RL4J observations can only be made from a Box or Discrete "
                + "observation space, not " + spec.observationSpace());
    }

    /** Floats one flat observation takes. */
    int flatSize() {
        return discreteObservations ? 1 : Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /** The network input for the flat observation at {@code obs[offset ..]}. */
    INDArray encode(float[] obs, int offset) {
        double[] values;
        if (discreteObservations) {
            int state = Math.round(obs[offset]);
            if (state < observationStart || state - observationStart >= shape[0]) {
                throw new IllegalArgumentException(envId + ": state " + obs[offset] + " is outside Discrete("
                        + shape[0] + ", start=" + observationStart + ")");
            }
            values = new double[shape[0]];
            values[state - observationStart] = 1.0;
        } else {
            values = new double[flatSize()];
            for (int i = 0; i < values.length; i++) {
                values[i] = obs[offset + i];
            }
        }
        return INDArrayHelper.forceCorrectShape(Nd4j.create(values).reshape(shape));
    }

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("algorithm", algorithm);
        p.setProperty("env-id", envId);
        p.setProperty("observation", discreteObservations ? "discrete" : "box");
        p.setProperty("observation-shape", Arrays.stream(shape).mapToObj(Integer::toString)
                .collect(Collectors.joining(",")));
        p.setProperty("observation-start", Integer.toString(observationStart));
        p.setProperty("actions", Integer.toString(actions));
        p.setProperty("action-start", Integer.toString(actionStart));
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(w, "rlx: how the RL4J network in this checkpoint reads rlx observations");
        }
    }

    static PolicySpec read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not an RL4J checkpoint of rlx: " + FILE + " is missing");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            int[] shape = Arrays.stream(required(p, "observation-shape", file).split(","))
                    .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            String observation = required(p, "observation", file);
            if (!observation.equals("box") && !observation.equals("discrete")) {
                throw new IOException(file + ": observation must be box or discrete, not " + observation);
            }
            return new PolicySpec(required(p, "algorithm", file), required(p, "env-id", file),
                    observation.equals("discrete"), shape,
                    Integer.parseInt(required(p, "observation-start", file)),
                    Integer.parseInt(required(p, "actions", file)),
                    Integer.parseInt(required(p, "action-start", file)));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(file + ": " + key + " is missing");
        }
        return value;
    }
}
