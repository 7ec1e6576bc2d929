package rlx.envs.minatar;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Rng;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

/**
 * Shared plumbing of the MinAtar games: seeding, sticky actions, the minimal action set, episode bookkeeping and
 * the channels-first observation. A game implements {@link #start}, {@link #advance} and {@link #draw}.
 *
 * <p>One generator drives both the sticky actions and the game, as in the reference once it is seeded.
 */
public abstract class MinAtarEnv implements Env<float[], Integer>, FlatEnv {

    public static final int SIZE = 10;
    static final int CELLS = SIZE * SIZE;

    private final EnvSpec spec;
    private final int channels;
    private final String symbols;
    private final Action[] actions;
    private final double stickyActionProb;
    protected final boolean ramping;
    protected Rng rng = Seeds.generator(Seeds.DEFAULT_SEED);
    private Action lastAction = Action.NOOP;
    private boolean running;
    private boolean terminated;

    /**
     * @param symbols one character per channel, for {@link #render()}
     * @param minimalSet the game's minimal action set, in the reference's order
     */
    protected MinAtarEnv(String id, String symbols, MinAtarOptions options, Map<String, Object> kwargs,
                         Action... minimalSet) {
        this.channels = symbols.length();
        this.symbols = symbols;
        this.actions = options.minimalActions() ? minimalSet.clone() : Action.values();
        this.stickyActionProb = options.stickyActionProb();
        this.ramping = options.ramping();
        this.spec = new EnvSpec(id, Box.uniform(0f, 1f, channels, SIZE, SIZE), new Discrete(actions.length), 0,
                OptionalDouble.empty(), kwargs);
    }

    /** Sets up the start state of an episode, drawing from {@link #rng}. */
    protected abstract void start();

    /** Applies one (already de-stickied) action; returns the reward. Sets the terminal flag via {@link #end()}. */
    protected abstract double advance(Action action);

    /** Sets the cells of the current state in a zeroed channels-first board, using {@link #set}. */
    protected abstract void draw(float[] obs, int offset);

    /** The level of the difficulty ramp (0 for games that do not ramp). */
    public int difficulty() {
        return 0;
    }

    /** Called by a game when the state it reached is terminal. */
    protected final void end() {
        terminated = true;
    }

    protected static void set(float[] obs, int offset, int channel, int row, int col) {
        obs[offset + channel * CELLS + row * SIZE + col] = 1f;
    }

    /** The full-set action the last step applied (after stickiness). */
    public Action lastAction() {
        return lastAction;
    }

    public int channels() {
        return channels;
    }

    /** The full-set action that action index {@code i} of this env's action space stands for. */
    public Action action(int i) {
        return actions[i];
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public Reset<float[]> reset(long seed) {
        float[] obs = new float[observationSize()];
        resetInto(seed, obs, 0);
        return Reset.of(obs);
    }

    @Override
    public Reset<float[]> reset() {
        float[] obs = new float[observationSize()];
        resetInto(obs, 0);
        return Reset.of(obs);
    }

    @Override
    public Step<float[]> step(Integer action) {
        if (action == null) {
            throw new InvalidActionException(null, actionSpace());
        }
        float[] obs = new float[observationSize()];
        double reward = stepInto(action, obs, 0);
        return new Step<>(obs, reward, terminated, false, Map.of());
    }

    @Override
    public void resetInto(long seed, float[] obs, int offset) {
        rng = Seeds.generator(seed);
        resetInto(obs, offset);
    }

    @Override
    public void resetInto(float[] obs, int offset) {
        // the reference keeps the last action across episodes; clearing it makes reset(seed) fully determine a run
        lastAction = Action.NOOP;
        terminated = false;
        start();
        running = true;
        observe(obs, offset);
    }

    @Override
    public double stepInto(int action, float[] obs, int offset) {
        if (action < 0 || action >= actions.length) {
            throw new InvalidActionException(action, actionSpace());
        }
        if (!running) {
            throw new IllegalStateException(spec.id() + ": step() called "
                    + (terminated ? "after the episode terminated" : "before reset()") + "; call reset() first");
        }
        Action a = actions[action];
        // the reference draws every step, so the game's random stream does not depend on the probability
        if (rng.nextDouble() < stickyActionProb) {
            a = lastAction;
        }
        lastAction = a;
        double reward = advance(a);
        if (terminated) {
            running = false;
        }
        observe(obs, offset);
        return reward;
    }

    @Override
    public double stepInto(float[] action, int actionOffset, float[] obs, int offset) {
        throw new InvalidActionException(action, actionSpace());
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    /** The current observation, channels-first. */
    public float[] observation() {
        float[] obs = new float[observationSize()];
        observe(obs, 0);
        return obs;
    }

    private void observe(float[] obs, int offset) {
        Arrays.fill(obs, offset, offset + channels * CELLS, 0f);
        draw(obs, offset);
    }

    /**
     * The current frame as text: ten lines of ten characters, '.' for an empty cell, otherwise the symbol of the
     * lowest-numbered channel set there (the player's channel comes first in every game).
     */
    public String render() {
        return render(observation(), symbols);
    }

    /** Renders a channels-first observation with one symbol per channel. */
    public static String render(float[] obs, String symbols) {
        StringBuilder sb = new StringBuilder(CELLS + SIZE);
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                char c = '.';
                for (int ch = 0; ch < symbols.length(); ch++) {
                    if (obs[ch * CELLS + row * SIZE + col] != 0f) {
                        c = symbols.charAt(ch);
                        break;
                    }
                }
                sb.append(c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The symbols {@link #render()} uses, one per channel. */
    public String symbols() {
        return symbols;
    }
}
