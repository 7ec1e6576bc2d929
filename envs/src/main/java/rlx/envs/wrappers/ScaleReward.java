package rlx.envs.wrappers;

import rlx.envs.core.Env;
import rlx.envs.core.Step;

/**
 * Multiplies every reward by a fixed factor, e.g. to bring Pendulum's rewards (down to about -16 per step) into
 * the range a value network learns comfortably, without the state of {@link NormalizeReward}.
 */
public final class ScaleReward<O, A> extends Wrapper<O, A> {

    private final double factor;

    public ScaleReward(Env<O, A> env, double factor) {
        super(env);
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor (" + factor + ") must be finite");
        }
        this.factor = factor;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        return new Step<>(step.observation(), step.reward() * factor, step.terminated(), step.truncated(),
                step.info());
    }

    public double factor() {
        return factor;
    }
}
