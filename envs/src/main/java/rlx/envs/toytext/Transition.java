package rlx.envs.toytext;

/**
 * One outcome of an action in a tabular env: Gymnasium's {@code (probability, next_state, reward, terminated)}
 * tuple of {@code P[s][a]}. Value iteration and the reference comparator read these directly.
 */
public record Transition(double probability, int nextState, double reward, boolean terminated) {

    public Transition {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("transition probability " + probability + " is not in [0, 1]");
        }
        if (nextState < 0) {
            throw new IllegalArgumentException("next state " + nextState + " is negative");
        }
    }
}
