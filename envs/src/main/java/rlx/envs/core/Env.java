package rlx.envs.core;

/**
 * A reinforcement-learning environment with Gymnasium's contract.
 *
 * <pre>{@code
 * Reset<O> r = env.reset(seed);             // seeds the env's own generator
 * O obs = r.observation();
 * while (true) {
 *     Step<O> s = env.step(policy.act(obs));
 *     if (s.done()) break;                  // terminated or truncated: reset before stepping again
 *     obs = s.observation();
 * }
 * }</pre>
 *
 * Implementations own their random generator; nothing in rlx uses global randomness.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface Env<O, A> extends AutoCloseable {

    /** Id, spaces, time limit and reward threshold. */
    EnvSpec spec();

    default Space<O> observationSpace() {
        @SuppressWarnings("unchecked")
        Space<O> space = (Space<O>) spec().observationSpace();
        return space;
    }

    default Space<A> actionSpace() {
        @SuppressWarnings("unchecked")
        Space<A> space = (Space<A>) spec().actionSpace();
        return space;
    }

    /** Starts an episode, reseeding the env's generator with {@code seed}. */
    Reset<O> reset(long seed);

    /** Starts an episode, continuing the generator of the last seeded reset (a fixed default seed if none). */
    Reset<O> reset();

    /**
     * Applies one action.
     *
     * @throws InvalidActionException if the action is not in {@link #actionSpace()}
     * @throws IllegalStateException if no episode is running (never reset, or the last step ended it)
     */
    Step<O> step(A action);

    /** Steps with an action of unchecked type; a value of the wrong type gets an {@link InvalidActionException}. */
    default Step<O> stepObject(Object action) {
        if (!actionSpace().isInstance(action)) {
            throw new InvalidActionException(action, actionSpace());
        }
        @SuppressWarnings("unchecked")
        A typed = (A) action;
        return step(typed);
    }

    /** The innermost env below any wrappers. */
    default Env<?, ?> unwrapped() {
        return this;
    }

    @Override
    default void close() {
    }
}
