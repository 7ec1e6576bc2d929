package rlx.agents.pg;

/**
 * How an algorithm's components are laid out: {@code runners = 0} runs them in one thread; otherwise that many env
 * runner actors, each owning {@code env.num-envs} env copies, feed the learner. A policy-gradient runner holds at
 * most one request (one rollout or one gradient) at a time, so it never runs ahead of the learner by more than that.
 *
 * @param runners env runner actors (0: one thread, no actors)
 */
public record RuntimeConfig(int runners) {

    public RuntimeConfig {
        if (runners < 0) {
            throw new IllegalArgumentException("runtime.runners (" + runners + ") must be >= 0");
        }
    }
}
