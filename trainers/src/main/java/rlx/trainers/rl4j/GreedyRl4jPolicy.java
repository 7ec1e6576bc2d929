package rlx.trainers.rl4j;

import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.agents.core.DiscretePolicy;

/**
 * An RL4J policy's greedy action as an rlx {@link DiscretePolicy}: each row is encoded as {@code Rl4jMdp} encoded
 * training observations and handed to the policy's own {@code nextAction(INDArray)} one at a time, so ties and
 * argmax are RL4J's. Not thread-safe (RL4J networks are not).
 */
final class GreedyRl4jPolicy implements DiscretePolicy {

    private final Function<INDArray, Integer> nextAction;
    private final PolicySpec spec;

    GreedyRl4jPolicy(Function<INDArray, Integer> nextAction, PolicySpec spec) {
        this.nextAction = nextAction;
        this.spec = spec;
    }

    @Override
    public void act(float[] observations, int numEnvs, int[] actions) {
        int size = spec.flatSize();
        if (observations.length < numEnvs * size || actions.length < numEnvs) {
            throw new IllegalArgumentException("expected " + numEnvs + " observations of " + size + " floats and "
                    + numEnvs + " action slots, got " + observations.length + " floats and " + actions.length
                    + " slots");
        }
        for (int i = 0; i < numEnvs; i++) {
            int action = nextAction.apply(spec.encode(observations, i * size));
            if (action < 0 || action >= spec.actions()) {
                throw new IllegalStateException("the RL4J policy chose action " + action + " of " + spec.actions());
            }
            actions[i] = spec.actionStart() + action;
        }
    }
}
