package rlx.agents.pg;

/**
 * How an algorithm's components are laid out: {@code runners = 0} runs them in one thread; otherwise that many env
 * runner actors, each owning {@code env.num-envs} env copies, feed the learner.
 *
 * @param runners        env runner actors (0: one thread, no actors)
 * @param maxBatchesAhead how many collected batches a runner may hold unconsumed before it waits (off-policy)
 */
public record RuntimeConfig(int runners, int maxBatchesAhead) {

    public RuntimeConfig {
        if (runners < 0) {
            throw new IllegalArgumentException("runtime.runners (" + runners + ") must be >= 0");
        }
        if (maxBatchesAhead <= 0) {
            throw new IllegalArgumentException("runtime.max-batches-ahead (" + maxBatchesAhead + ") must be > 0");
        }
    }
}
