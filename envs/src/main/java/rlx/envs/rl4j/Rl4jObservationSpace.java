package rlx.envs.rl4j;

import java.util.Arrays;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.envs.core.Discrete;
import rlx.envs.core.Space;

/**
 * The RL4J view of an rlx observation space: its shape and bounds, and how one rlx observation becomes an RL4J
 * {@link Box}. RL4J's own {@code ArrayObservationSpace} always reports one-element zero bounds, so the bounds of the
 * rlx space would be lost with it.
 *
 * <ul>
 *   <li>an rlx {@link rlx.envs.core.Box}: same shape and bounds; each float32 value is widened to double, which is
 *       exact, so the RL4J observation carries exactly the rlx one;</li>
 *   <li>a {@link Discrete} space of {@code n} states: a one-hot vector of shape {@code [n]} with bounds
 *       {@code [0, 1]}; state {@code start + i} sets element {@code i}.</li>
 * </ul>
 */
public final class Rl4jObservationSpace implements ObservationSpace<Box> {

    private final String name;
    private final int[] shape;
    private final double[] low;
    private final double[] high;
    private final Space<?> source;

    private Rl4jObservationSpace(String name, int[] shape, double[] low, double[] high, Space<?> source) {
        this.name = name;
        this.shape = shape;
        this.low = low;
        this.high = high;
        this.source = source;
    }

    /**
     * The RL4J view of {@code space}.
     *
     * @param name what {@link #getName()} reports, e.g. the env id
     * @throws IllegalArgumentException if {@code space} is neither a Box nor a Discrete space
     */
    public static Rl4jObservationSpace of(String name, Space<?> space) {
        if (space instanceof rlx.envs.core.Box box) {
            int[] shape = box.shape().length == 0 ? new int[] {1} : box.shape();
            return new Rl4jObservationSpace(name, shape, widen(box.low()), widen(box.high()), space);
        }
        if (space instanceof Discrete discrete) {
            double[] high = new double[discrete.n()];
            Arrays.fill(high, 1.0);
            return new Rl4jObservationSpace(name, new int[] {discrete.n()}, new double[discrete.n()], high, space);
        }
        throw new IllegalArgumentException(name + ": RL4J observations can only be made from a Box or Discrete "
                + "observation space, not " + space);
    }

    /**
     * The RL4J observation of one rlx observation of the source space.
     *
     * @throws IllegalArgumentException if {@code observation} is not an element of the source space's type and size
     */
    public Box encode(Object observation) {
        if (source instanceof Discrete discrete) {
            if (!(observation instanceof Integer state) || !discrete.contains(state)) {
                throw new IllegalArgumentException(name + ": observation " + source.format(observation)
                        + " is not in " + source);
            }
            double[] oneHot = new double[discrete.n()];
            oneHot[state - discrete.start()] = 1.0;
            return new Box(shape, oneHot);
        }
        if (!(observation instanceof float[] values) || values.length != low.length) {
            throw new IllegalArgumentException(name + ": observation " + source.format(observation)
                    + " does not have the " + low.length + " floats of " + source);
        }
        return new Box(shape, widen(values));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int[] getShape() {
        return shape.clone();
    }

    /** A new array on every call, so callers cannot change the space. */
    @Override
    public INDArray getLow() {
        return Nd4j.create(low).reshape(shape);
    }

    /** A new array on every call, so callers cannot change the space. */
    @Override
    public INDArray getHigh() {
        return Nd4j.create(high).reshape(shape);
    }

    @Override
    public String toString() {
        return "Rl4jObservationSpace(" + name + ", " + source + ", shape=" + Arrays.toString(shape) + ")";
    }

    private static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
