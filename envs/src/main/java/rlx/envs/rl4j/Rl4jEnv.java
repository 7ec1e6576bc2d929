package rlx.envs.rl4j;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.Encodable;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * An RL4J {@link MDP} with a {@link DiscreteSpace}, seen as an rlx {@code Env<float[], Integer>}, so environments
 * written for RL4J can be trained on by rlx's agents and compared with RL4J's own learners.
 *
 * <ul>
 *   <li><b>Observations</b> are the MDP's {@link Encodable#getData()} flattened in row-major order to float32.
 *       The observation space is a {@link Box} of the MDP's shape. Its bounds are the MDP's {@code getLow()} and
 *       {@code getHigh()} when they give one valid bound per element; otherwise they are unbounded, because RL4J's
 *       {@code ArrayObservationSpace} (used by its own MDPs) always reports one-element zero bounds, which carry
 *       no information. Likewise bounds with {@code low == high} everywhere count as unknown.</li>
 *   <li><b>Episode end.</b> RL4J's {@code isDone} becomes {@code terminated}; {@code truncated} is always false,
 *       because RL4J cannot say whether an episode ended on a time limit. Apply rlx's {@code TimeLimit} wrapper for
 *       a time limit rlx knows about.</li>
 *   <li><b>Seeding.</b> RL4J's MDP interface has no seed: {@link #reset(long)} cannot reseed the MDP and behaves as
 *       {@link #reset()}. Seed the MDP when constructing it (e.g. {@code new CartpoleNative(seed)}).</li>
 *   <li><b>Info.</b> A map info with string keys is passed through; any other non-null info is under
 *       {@code "rl4j.info"}.</li>
 * </ul>
 *
 * Invalid actions and steps outside an episode are rejected before the MDP sees them, as by every rlx env.
 */
public final class Rl4jEnv implements Env<float[], Integer> {

    /** The info key of an RL4J step info that is not a string-keyed map. */
    public static final String INFO_KEY = "rl4j.info";

    private final MDP<? extends Encodable, Integer, DiscreteSpace> mdp;
    private final EnvSpec spec;
    private final Box observationSpace;
    private final Discrete actionSpace;
    private boolean started;
    private boolean running;

    /** The MDP under the id {@code rl4j/<its class name>}. */
    public Rl4jEnv(MDP<? extends Encodable, Integer, DiscreteSpace> mdp) {
        this(mdp, "rl4j/" + mdp.getClass().getSimpleName());
    }

    /** @param id the id the spec reports */
    public Rl4jEnv(MDP<? extends Encodable, Integer, DiscreteSpace> mdp, String id) {
        this.mdp = mdp;
        this.observationSpace = box(mdp.getObservationSpace());
        this.actionSpace = new Discrete(mdp.getActionSpace().getSize());
        this.spec = new EnvSpec(id, observationSpace, actionSpace, 0, OptionalDouble.empty(), Map.of());
    }

    /** The wrapped MDP. */
    public MDP<? extends Encodable, Integer, DiscreteSpace> mdp() {
        return mdp;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /** As {@link #reset()}: RL4J MDPs cannot be reseeded, so {@code seed} is not used. */
    @Override
    public Reset<float[]> reset(long seed) {
        return reset();
    }

    @Override
    public Reset<float[]> reset() {
        float[] observation = toFloats(mdp.reset());
        started = true;
        running = true;
        return Reset.of(observation);
    }

    @Override
    public Step<float[]> step(Integer action) {
        if (!actionSpace.contains(action)) {
            throw new InvalidActionException(action, actionSpace);
        }
        if (!running) {
            throw new IllegalStateException(spec.id() + ": step() called "
                    + (started ? "after the episode terminated" : "before reset()") + "; call reset() first");
        }
        StepReply<? extends Encodable> reply = mdp.step(action);
        running = !reply.isDone();
        return new Step<>(toFloats(reply.getObservation()), reply.getReward(), reply.isDone(), false,
                info(reply.getInfo()));
    }

    @Override
    public void close() {
        mdp.close();
    }

    private float[] toFloats(Encodable observation) {
        if (observation == null || observation.getData() == null) {
            throw new IllegalStateException(spec.id() + ": the RL4J MDP returned no observation data");
        }
        float[] values = flat(observation.getData());
        if (values.length != observationSpace.flatSize()) {
            throw new IllegalStateException(spec.id() + ": the RL4J MDP returned an observation of "
                    + values.length + " values, but its observation space has shape "
                    + Arrays.toString(observationSpace.shape()));
        }
        return values;
    }

    private static float[] flat(INDArray array) {
        return array.castTo(DataType.FLOAT).ravel().toFloatVector();
    }

    /** The rlx Box of an RL4J observation space (unbounded where RL4J gives no usable bounds). */
    static Box box(ObservationSpace<?> space) {
        int[] shape = space.getShape();
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] low = bound(space.getLow(), size);
        float[] high = bound(space.getHigh(), size);
        if (low != null && high != null && !Arrays.equals(low, high) && valid(low, high)) {
            return new Box(low, high, shape);
        }
        return Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, shape);
    }

    private static float[] bound(INDArray array, int size) {
        return array == null || array.length() != size ? null : flat(array);
    }

    private static boolean valid(float[] low, float[] high) {
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] <= high[i])) { // also rejects NaN
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> info(Object info) {
        if (info == null) {
            return Map.of();
        }
        // Map.copyOf in Step rejects null keys and values; containsValue(null) itself throws on immutable maps
        if (info instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)
                && map.values().stream().allMatch(Objects::nonNull)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        return Map.of(INFO_KEY, info);
    }
}
