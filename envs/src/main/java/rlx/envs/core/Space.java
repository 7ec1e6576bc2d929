package rlx.envs.core;

import java.util.random.RandomGenerator;

/**
 * A set of valid observations or actions, as Gymnasium's {@code Space}.
 *
 * @param <T> the Java type of one element
 */
public interface Space<T> {

    /** Whether {@code x} is an element of this space (right type, shape and bounds; no NaN). */
    boolean contains(T x);

    /** A uniformly drawn element (for unbounded Box dimensions: Gymnasium's normal/exponential rule). */
    T sample(RandomGenerator rng);

    /** The shape of one element: {@code []} for a scalar. */
    int[] shape();

    /** Number of floats one element takes when flattened into a batch array. */
    int flatSize();

    /** Whether {@code x} has this space's Java type at all (used before {@link #contains} on untyped input). */
    boolean isInstance(Object x);

    /** {@link #contains} for input whose type is not known statically; false for the wrong type. */
    @SuppressWarnings("unchecked")
    default boolean containsObject(Object x) {
        return isInstance(x) && contains((T) x);
    }

    /** Renders an element for messages: arrays are printed element-wise. */
    String format(Object x);
}
