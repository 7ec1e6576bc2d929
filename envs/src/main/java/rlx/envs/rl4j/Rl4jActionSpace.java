package rlx.envs.rl4j;

import java.util.random.RandomGenerator;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import rlx.envs.core.Seeds;

/**
 * RL4J's {@link DiscreteSpace} with random actions drawn from the adapter's own seeded generator instead of ND4J's
 * global one. RL4J's epsilon-greedy exploration calls {@link #randomAction()}, so this keeps RL4J runs on rlx envs
 * reproducible from the adapter's seed and independent between {@code newInstance()} copies.
 */
final class Rl4jActionSpace extends DiscreteSpace {

    private final RandomGenerator rng;

    /** @param seed seeds the generator of {@link #randomAction()} */
    Rl4jActionSpace(int size, long seed) {
        // the ND4J generator of the superclass is never used: randomAction is the only method that reads it
        super(size, null);
        this.rng = Seeds.generator(seed);
    }

    @Override
    public Integer randomAction() {
        return rng.nextInt(size);
    }

    @Override
    public String toString() {
        return "DiscreteSpace(" + size + ")";
    }
}
