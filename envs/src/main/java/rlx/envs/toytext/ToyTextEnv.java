package rlx.envs.toytext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Restorable;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

/**
 * Shared plumbing of Gymnasium's toy-text envs, which are all a {@link TransitionTable} walked with the env's own
 * generator: reset draws from the initial-state distribution, a step draws one outcome of {@code P[s][a]}. The
 * generic {@link Env}, the allocation-free {@link FlatEnv} (observation = state index as a float) and
 * {@link Restorable} ({@code internalState() = {s}}) share one state.
 *
 * <p>Info dicts are Gymnasium's: {@code prob} (a {@code Double}; 1.0 on reset) plus whatever {@link #info} adds.
 * Episode rules are rlx's: a step before reset or after termination throws {@link IllegalStateException}, an
 * action outside {@code Discrete(n)} throws {@link InvalidActionException}.
 */
public abstract class ToyTextEnv implements Env<Integer, Integer>, FlatEnv, Restorable {

    private final EnvSpec spec;
    private final TransitionTable table;
    private final Discrete actions;
    private RandomGenerator rng = Seeds.generator(Seeds.DEFAULT_SEED);
    private int s;
    private boolean running;
    private boolean terminated;

    protected ToyTextEnv(EnvSpec spec, TransitionTable table) {
        if (!(spec.observationSpace() instanceof Discrete obs) || obs.n() != table.numStates()
                || !(spec.actionSpace() instanceof Discrete act) || act.n() != table.numActions()) {
            throw new IllegalArgumentException(spec.id() + ": spaces " + spec.observationSpace() + ", "
                    + spec.actionSpace() + " do not fit " + table);
        }
        this.spec = spec;
        this.table = table;
        this.actions = act;
    }

    /** Called whenever an episode starts (reset or restore), after the start state is set. */
    protected void onEpisodeStart(RandomGenerator rng) {
    }

    /** The state actually entered after {@code taken} was drawn from {@code previous}; Taxi's fickle passenger. */
    protected int enteredState(int previous, Transition taken, RandomGenerator rng) {
        return taken.nextState();
    }

    /** The info dict of a reset or step that ended in {@code state}. */
    protected Map<String, Object> info(int state, double probability) {
        return Map.of("prob", probability);
    }

    /** The map rows Gymnasium calls {@code desc}, or an empty list for envs without one. */
    public List<String> desc() {
        return List.of();
    }

    /** Rows and columns of the grid the states index. */
    public abstract int[] shape();

    public final TransitionTable table() {
        return table;
    }

    /** {@code P[state][action]} in Gymnasium's order. */
    public final List<Transition> transitions(int state, int action) {
        return table.transitions(state, action);
    }

    public final int numStates() {
        return table.numStates();
    }

    public final int numActions() {
        return table.numActions();
    }

    public final double[] initialStateDistribution() {
        return table.initialStateDistribution();
    }

    /** The current state index (Gymnasium's {@code env.unwrapped.s}). */
    public final int state() {
        return s;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Reset<Integer> reset(long seed) {
        rng = Seeds.generator(seed);
        return reset();
    }

    @Override
    public Reset<Integer> reset() {
        return restore(table.sampleInitialState(rng));
    }

    /** Starts an episode in {@code state} as if reset had drawn it; returns what that reset would return. */
    public Reset<Integer> restore(int state) {
        if (state < 0 || state >= table.numStates()) {
            throw new IllegalArgumentException(spec.id() + ": state " + state + " is not in [0, " + table.numStates() + ")");
        }
        begin(state);
        return new Reset<>(s, info(s, 1.0));
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (action == null) {
            throw new InvalidActionException(null, actions);
        }
        Transition taken = advance(action);
        return new Step<>(s, taken.reward(), taken.terminated(), false, info(s, taken.probability()));
    }

    private Transition advance(int action) {
        if (!actions.contains(action)) {
            throw new InvalidActionException(action, actions);
        }
        if (!running) {
            throw new IllegalStateException(spec.id() + ": step() called "
                    + (terminated ? "after the episode terminated" : "before reset()") + "; call reset() first");
        }
        Transition taken = table.transitions(s, action).get(table.sampleOutcome(s, action, rng));
        s = enteredState(s, taken, rng);
        terminated = taken.terminated();
        running = !terminated;
        return taken;
    }

    private void begin(int state) {
        s = state;
        running = true;
        terminated = false;
        onEpisodeStart(rng);
    }

    @Override
    public void resetInto(long seed, float[] obs, int offset) {
        rng = Seeds.generator(seed);
        resetInto(obs, offset);
    }

    @Override
    public void resetInto(float[] obs, int offset) {
        begin(table.sampleInitialState(rng));
        obs[offset] = s;
    }

    @Override
    public double stepInto(int action, float[] obs, int offset) {
        double reward = advance(action).reward();
        obs[offset] = s;
        return reward;
    }

    @Override
    public double stepInto(float[] action, int actionOffset, float[] obs, int offset) {
        throw new InvalidActionException(action, actions);
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public double[] internalState() {
        return new double[] {s};
    }

    @Override
    public void restoreInternalState(double[] state) {
        if (state.length != 1 || state[0] != Math.rint(state[0])) {
            throw new IllegalArgumentException(spec.id() + " state is one state index, got "
                    + Arrays.toString(state));
        }
        restore((int) state[0]);
    }
}
