package rlx.envs.core;

import rlx.envs.classic.Acrobot;
import rlx.envs.classic.CartPole;
import rlx.envs.classic.MountainCar;
import rlx.envs.classic.Pendulum;

/** The registration lines of every env rlx ships: one line per env, like Gymnasium's {@code register} calls. */
final class BuiltinEnvs {

    private BuiltinEnvs() {
    }

    static EnvRegistry register(EnvRegistry r) {
        r.register(CartPole.ID, k -> new CartPole(k.bool("sutton_barto_reward", false)));
        r.register(Acrobot.ID, k -> new Acrobot());
        r.register(MountainCar.ID, k -> new MountainCar(k.number("goal_velocity", 0.0)));
        r.register(Pendulum.ID, k -> new Pendulum(k.number("g", 10.0)));
        // toy text
        return r;
    }
}
