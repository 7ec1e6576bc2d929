package rlx.envs.wrappers;

import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Step;

/**
 * Applies each action {@code k} times and returns the sum of the rewards with the last observation and info
 * (frame skipping, as the repeat part of Gymnasium's {@code MaxAndSkipObservation}): fewer decisions per episode
 * make credit assignment easier when consecutive steps change little. Repetition stops at the step that ends the
 * episode, whose {@code terminated} and {@code truncated} flags are returned.
 *
 * <p>The spec's time limit, if any, is converted to decisions: {@code ceil(maxEpisodeSteps / k)}. A
 * {@link TimeLimit} outside this wrapper counts decisions, one inside it counts primitive steps.
 */
public final class ActionRepeat<O, A> extends Wrapper<O, A> {

    private final int k;

    /** @param k how many times each action is applied, at least 1 */
    public ActionRepeat(Env<O, A> env, int k) {
        super(env);
        if (k <= 0) {
            throw new IllegalArgumentException("k (" + k + ") must be > 0");
        }
        this.k = k;
    }

    @Override
    public EnvSpec spec() {
        EnvSpec inner = env.spec();
        return inner.hasTimeLimit() ? inner.withTimeLimit((inner.maxEpisodeSteps() - 1) / k + 1) : inner;
    }

    @Override
    public Step<O> step(A action) {
        double total = 0;
        Step<O> step = null;
        for (int i = 0; i < k; i++) {
            step = env.step(action);
            total += step.reward();
            if (step.done()) {
                break;
            }
        }
        return new Step<>(step.observation(), total, step.terminated(), step.truncated(), step.info());
    }

    /** How many times each action is applied. */
    public int k() {
        return k;
    }
}
