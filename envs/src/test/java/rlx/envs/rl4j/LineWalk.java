package rlx.envs.rl4j;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

/**
 * A tiny rlx env with discrete observations and a shifted action space, for the one-hot and action-offset paths of
 * the adapters (no toy-text env is registered yet). Positions {@code 1..5}, start drawn from {@code 1..3}; actions
 * {@code -1, 0, +1} move left (clamped at 1), stay, or move right; reaching 5 terminates with reward 1, every other
 * step costs 0.1.
 */
final class LineWalk implements Env<Integer, Integer> {

    static final Discrete POSITIONS = new Discrete(5, 1);
    static final Discrete MOVES = new Discrete(3, -1);
    private static final EnvSpec SPEC =
            new EnvSpec("LineWalk-v0", POSITIONS, MOVES, 0, OptionalDouble.empty(), Map.of());

    private RandomGenerator rng = Seeds.generator(Seeds.DEFAULT_SEED);
    private int position;
    private boolean running;

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public Reset<Integer> reset(long seed) {
        rng = Seeds.generator(seed);
        return reset();
    }

    @Override
    public Reset<Integer> reset() {
        position = 1 + rng.nextInt(3);
        running = true;
        return Reset.of(position);
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (!MOVES.contains(action)) {
            throw new InvalidActionException(action, MOVES);
        }
        if (!running) {
            throw new IllegalStateException("LineWalk-v0: step() outside an episode");
        }
        position = Math.max(1, position + action);
        boolean terminated = position == 5;
        running = !terminated;
        return new Step<>(position, terminated ? 1.0 : -0.1, terminated, false, Map.of("position", position));
    }
}
