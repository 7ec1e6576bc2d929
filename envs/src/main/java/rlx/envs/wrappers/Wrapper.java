package rlx.envs.wrappers;

import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Base of the wrappers: forwards every call to the wrapped env. A wrapper overrides what it changes.
 *
 * @param <O> observation type seen by the caller
 * @param <A> action type
 */
public abstract class Wrapper<O, A> implements Env<O, A> {

    protected final Env<O, A> env;

    protected Wrapper(Env<O, A> env) {
        this.env = env;
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Reset<O> reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public Reset<O> reset() {
        return env.reset();
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
    }

    @Override
    public Env<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }
}
