package rlx.envs.wrappers;

import rlx.envs.core.Env;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Step;

/**
 * Rejects any action outside the action space before the env sees it: out of range, wrong shape or type, NaN.
 * (Bare envs keep Gymnasium's own handling, e.g. Pendulum clips its torque.)
 */
public final class PassiveChecks<O, A> extends Wrapper<O, A> {

    public PassiveChecks(Env<O, A> env) {
        super(env);
    }

    @Override
    public Step<O> step(A action) {
        if (!actionSpace().containsObject(action)) {
            throw new InvalidActionException(action, actionSpace());
        }
        return env.step(action);
    }
}
