package rlx.envs.core;

import rlx.envs.classic.Acrobot;
import rlx.envs.classic.CartPole;
import rlx.envs.classic.MountainCar;
import rlx.envs.classic.Pendulum;
import rlx.envs.minatar.MinAtarGames;
import rlx.envs.toytext.CliffWalking;
import rlx.envs.toytext.FrozenLake;
import rlx.envs.toytext.Taxi;

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
        r.register(FrozenLake.ID, k -> new FrozenLake(FrozenLake.ID, k.choice("map_name", "4x4", "4x4", "8x8"),
                k.stringList("desc"), k.bool("is_slippery", true), k.number("success_rate", FrozenLake.DEFAULT_SUCCESS_RATE),
                k.numbers("reward_schedule", 1, 0, 0)));
        r.register(FrozenLake.ID_8X8, k -> new FrozenLake(FrozenLake.ID_8X8, k.choice("map_name", "8x8", "4x4", "8x8"),
                k.stringList("desc"), k.bool("is_slippery", true), k.number("success_rate", FrozenLake.DEFAULT_SUCCESS_RATE),
                k.numbers("reward_schedule", 1, 0, 0)));
        r.register(CliffWalking.ID, k -> new CliffWalking(k.bool("is_slippery", false)));
        r.register(Taxi.ID, k -> new Taxi(k.bool("is_rainy", false), k.bool("fickle_passenger", false),
                k.number("rainy_probability", 0.8), k.number("fickle_probability", 0.3)));
        MinAtarGames.register(r);
        r.alias(CliffWalking.LEGACY_ID, CliffWalking.ID);
        r.alias(Taxi.LEGACY_ID, Taxi.ID);
        return r;
    }
}
