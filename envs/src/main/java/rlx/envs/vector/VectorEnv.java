package rlx.envs.vector;

import rlx.envs.core.EnvSpec;

/**
 * N copies of one env stepped together. Results live in arrays owned by the vector env and overwritten by each
 * call: copy {@code i}'s observation is {@code observations()[i * observationSize() ..]}.
 *
 * <pre>{@code
 * venv.reset(rootSeed);                       // copy i is seeded with Seeds.derive(rootSeed, i)
 * for (long t = 0; t < steps; t++) {
 *     venv.step(policy.act(venv.observations()));
 *     // rewards(), terminated(), truncated(); where either is set, finalObservations() holds the last
 *     // observation of the finished episode and observations() already the first one of the next
 * }
 * }</pre>
 *
 * <p>Autoreset mode: same-step (Gymnasium's {@code AutoresetMode.SAME_STEP}, Stable-Baselines3's behaviour). A
 * copy whose episode ends is reset inside the same {@code step} call. We prefer it over Gymnasium 1.x's default
 * next-step mode because every step then yields a real transition for every copy: no dummy step after each
 * episode end to mask out of the replay buffer or the rollout, and the bootstrap observation of a truncated episode
 * is at hand in {@link #finalObservations()}.
 */
public interface VectorEnv extends AutoCloseable {

    /** The spec of one copy, including the time limit this vector env applies. */
    EnvSpec spec();

    int numEnvs();

    int observationSize();

    /** Floats per action of one copy (1 for a discrete action). */
    int actionSize();

    /** Resets every copy; copy {@code i} is seeded with {@code Seeds.derive(rootSeed, i)}. */
    void reset(long rootSeed);

    /** Steps every copy with a discrete action each. */
    void step(int[] actions);

    /** Steps every copy with a continuous action of {@link #actionSize()} floats each, laid out copy after copy. */
    void step(float[] actions);

    /** Current observations, {@code numEnvs * observationSize} floats. */
    float[] observations();

    /** Last observation of the episodes that ended at the last step (garbage where the episode goes on). */
    float[] finalObservations();

    double[] rewards();

    boolean[] terminated();

    boolean[] truncated();

    /** Whether copy {@code i}'s episode ended at the last step, for either reason. */
    default boolean done(int i) {
        return terminated()[i] || truncated()[i];
    }

    /** Undiscounted return of the episode copy {@code i} finished at the last step (valid where {@link #done}). */
    double finishedReturn(int i);

    /** Length of the episode copy {@code i} finished at the last step (valid where {@link #done}). */
    int finishedLength(int i);

    /** Total steps taken over all copies since construction. */
    long totalSteps();

    /** Total episodes finished over all copies since construction. */
    long totalEpisodes();

    @Override
    default void close() {
    }
}
