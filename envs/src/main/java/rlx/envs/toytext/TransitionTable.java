package rlx.envs.toytext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Gymnasium's discrete model of a toy-text env: {@code P[s][a]}, an ordered list of {@link Transition}s per state
 * and action, plus the initial-state distribution. Sampling follows Gymnasium's {@code categorical_sample}: the
 * first outcome whose cumulative probability exceeds one uniform draw, so the table's order decides which outcome
 * a draw selects. Immutable once built; cumulative sums are precomputed so stepping allocates nothing.
 */
public final class TransitionTable {

    private final List<List<List<Transition>>> p;
    private final double[][][] cumulative;
    private final double[] initial;
    private final double[] initialCumulative;

    private TransitionTable(List<List<List<Transition>>> p, double[] initial) {
        this.p = p;
        this.initial = initial;
        this.initialCumulative = cumulativeSums(initial);
        this.cumulative = new double[p.size()][][];
        for (int s = 0; s < p.size(); s++) {
            cumulative[s] = new double[p.get(s).size()][];
            for (int a = 0; a < p.get(s).size(); a++) {
                cumulative[s][a] = cumulativeSums(p.get(s).get(a).stream().mapToDouble(Transition::probability).toArray());
            }
        }
    }

    /** A table of {@code numStates x numActions} empty outcome lists, filled in Gymnasium's order. */
    public static Builder builder(int numStates, int numActions) {
        return new Builder(numStates, numActions);
    }

    public int numStates() {
        return p.size();
    }

    public int numActions() {
        return p.get(0).size();
    }

    /** {@code P[state][action]} in Gymnasium's order (unmodifiable). */
    public List<Transition> transitions(int state, int action) {
        return p.get(state).get(action);
    }

    public double[] initialStateDistribution() {
        return initial.clone();
    }

    /** Draws a start state from the initial-state distribution. */
    public int sampleInitialState(RandomGenerator rng) {
        return categorical(initialCumulative, rng);
    }

    /** Draws the index of one outcome of {@code P[state][action]}. */
    public int sampleOutcome(int state, int action, RandomGenerator rng) {
        double[] sums = cumulative[state][action];
        // a single outcome needs no draw
        return sums.length == 1 ? 0 : categorical(sums, rng);
    }

    private static int categorical(double[] cumulativeSums, RandomGenerator rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < cumulativeSums.length; i++) {
            if (cumulativeSums[i] > u) {
                return i;
            }
        }
        // NumPy's argmax of an all-false mask is 0; reachable only if the sums round below 1
        return 0;
    }

    private static double[] cumulativeSums(double[] probabilities) {
        double[] sums = new double[probabilities.length];
        double total = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            total += probabilities[i];
            sums[i] = total;
        }
        return sums;
    }

    /** Collects outcomes in the order an env's constructor produces them, then checks the table is complete. */
    public static final class Builder {

        private final List<List<List<Transition>>> p;
        private double[] initial;

        private Builder(int numStates, int numActions) {
            if (numStates <= 0 || numActions <= 0) {
                throw new IllegalArgumentException("a table needs states and actions, got " + numStates + " x " + numActions);
            }
            p = new ArrayList<>(numStates);
            for (int s = 0; s < numStates; s++) {
                List<List<Transition>> actions = new ArrayList<>(numActions);
                for (int a = 0; a < numActions; a++) {
                    actions.add(new ArrayList<>());
                }
                p.add(actions);
            }
        }

        /** Appends one outcome to {@code P[state][action]}. */
        public Builder add(int state, int action, Transition transition) {
            if (transition.nextState() >= p.size()) {
                throw new IllegalArgumentException("P[" + state + "][" + action + "] leads to state "
                        + transition.nextState() + " of " + p.size());
            }
            p.get(state).get(action).add(transition);
            return this;
        }

        public Builder initialStateDistribution(double[] distribution) {
            if (distribution.length != p.size()) {
                throw new IllegalArgumentException("initial distribution has " + distribution.length
                        + " entries for " + p.size() + " states");
            }
            initial = distribution.clone();
            return this;
        }

        public TransitionTable build() {
            if (initial == null) {
                throw new IllegalStateException("the initial-state distribution is not set");
            }
            List<List<List<Transition>>> frozen = new ArrayList<>(p.size());
            for (int s = 0; s < p.size(); s++) {
                List<List<Transition>> actions = new ArrayList<>();
                for (int a = 0; a < p.get(s).size(); a++) {
                    if (p.get(s).get(a).isEmpty()) {
                        throw new IllegalStateException("P[" + s + "][" + a + "] has no outcome");
                    }
                    actions.add(List.copyOf(p.get(s).get(a)));
                }
                frozen.add(List.copyOf(actions));
            }
            return new TransitionTable(List.copyOf(frozen), initial);
        }
    }

    @Override
    public String toString() {
        return "TransitionTable(" + numStates() + " states, " + numActions() + " actions, initial "
                + Arrays.stream(initial).filter(x -> x > 0).count() + " states)";
    }
}
