package rlx.envs.wrappers;

import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

/**
 * Truncates episodes after {@code maxEpisodeSteps} steps, as Gymnasium's {@code TimeLimit}: the last step reports
 * {@code truncated = true} (together with {@code terminated} if the env also terminated on it).
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {

    private final int maxEpisodeSteps;
    // built once: spec() is read on every step (action checks, messages)
    private final EnvSpec spec;
    private int elapsedSteps;
    private boolean running;
    // whether any reset happened and whether the episode terminated: the refusal message says which case it is
    private boolean started;
    private boolean terminated;

    public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps (" + maxEpisodeSteps + ") must be > 0");
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.spec = env.spec().withTimeLimit(maxEpisodeSteps);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Reset<O> reset(long seed) {
        return start(env.reset(seed));
    }

    @Override
    public Reset<O> reset() {
        return start(env.reset());
    }

    private Reset<O> start(Reset<O> reset) {
        elapsedSteps = 0;
        running = true;
        started = true;
        terminated = false;
        return reset;
    }

    @Override
    public Step<O> step(A action) {
        if (!running) {
            String when = !started ? "before reset()"
                    : terminated ? "after the episode terminated"
                    : "after the episode was truncated at " + maxEpisodeSteps + " steps";
            throw new IllegalStateException(spec().id() + ": step() called " + when + "; call reset() first");
        }
        Step<O> step = env.step(action);
        elapsedSteps++;
        if (elapsedSteps >= maxEpisodeSteps) {
            step = step.withTruncated(true);
        }
        running = !step.done();
        terminated = step.terminated();
        return step;
    }

    public int elapsedSteps() {
        return elapsedSteps;
    }
}
