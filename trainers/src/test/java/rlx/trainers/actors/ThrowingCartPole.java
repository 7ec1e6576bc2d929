package rlx.trainers.actors;

import java.util.concurrent.atomic.AtomicLong;
import rlx.envs.classic.CartPole;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * CartPole whose every {@code every}-th step taken by a runner's collector (over all instances) throws, like a
 * crashing simulator. Steps taken by evaluation are left alone, so that the test isolates the runners' path.
 */
final class ThrowingCartPole implements Env<float[], Integer>, FlatEnv {
    private final CartPole inner = new CartPole();
    private final AtomicLong steps;
    private final long every;

    ThrowingCartPole(AtomicLong steps, long every) {
        this.steps = steps;
        this.every = every;
    }

    private static final StackWalker WALKER = StackWalker.getInstance();

    private void maybeThrow() {
        boolean inRunner = WALKER.walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals("rlx.agents.pg.RolloutCollector")));
        if (inRunner && steps.incrementAndGet() % every == 0) {
            throw new IllegalStateException("simulator crashed at step " + steps.get());
        }
    }

    @Override
    public EnvSpec spec() {
        return inner.spec();
    }

    @Override
    public Reset<float[]> reset(long seed) {
        return inner.reset(seed);
    }

    @Override
    public Reset<float[]> reset() {
        return inner.reset();
    }

    @Override
    public Step<float[]> step(Integer action) {
        maybeThrow();
        return inner.step(action);
    }

    @Override
    public void resetInto(long seed, float[] obs, int offset) {
        inner.resetInto(seed, obs, offset);
    }

    @Override
    public void resetInto(float[] obs, int offset) {
        inner.resetInto(obs, offset);
    }

    @Override
    public double stepInto(int action, float[] obs, int offset) {
        maybeThrow();
        return inner.stepInto(action, obs, offset);
    }

    @Override
    public double stepInto(float[] action, int actionOffset, float[] obs, int offset) {
        maybeThrow();
        return inner.stepInto(action, actionOffset, obs, offset);
    }

    @Override
    public boolean terminated() {
        return inner.terminated();
    }
}
