package rlx.envs.rl4j;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

/**
 * An rlx env with a {@link Discrete} action space, seen as an RL4J {@link MDP}, so RL4J's learners run as a
 * baseline on exactly the dynamics, rewards and episode ends rlx's own agents see.
 *
 * <pre>{@code
 * Rl4jMdp mdp = Rl4jMdp.make("CartPole-v1", 42);   // registry env: time limit included
 * new QLearningDiscreteDense<>(mdp, netConf, qlConf).train();
 * }</pre>
 *
 * <ul>
 *   <li><b>Observations</b> are RL4J {@link Box}es as described in {@link Rl4jObservationSpace}: rlx Box
 *       observations exactly (float32 widened to double), Discrete observations one-hot.</li>
 *   <li><b>Actions</b> are RL4J's {@code 0 .. n-1}; action {@code i} is rlx action {@code start + i}. Random actions
 *       (RL4J's epsilon-greedy exploration) come from a generator seeded from this MDP's seed, not ND4J's global
 *       one.</li>
 *   <li><b>Seeding.</b> RL4J's {@code reset()} takes no seed: the first {@link #reset()} calls
 *       {@code env.reset(seed)} with the seed given at construction, later ones {@code env.reset()}, which continues
 *       the env's own generator. So the trajectory equals the rlx env's after {@code reset(seed)} under the same
 *       actions.</li>
 *   <li><b>Episode end.</b> {@link #isDone()} is true once a step terminated or was truncated (RL4J has no
 *       truncation); {@link #terminated()} and {@link #truncated()} keep the distinction for code that
 *       bootstraps. The {@link StepReply} info is the rlx step's info map.</li>
 *   <li><b>Copies.</b> {@link #newInstance()} builds a new env from the factory; the {@code i}-th copy made from
 *       this MDP (counting from 0) gets seed {@link Seeds#derive(long, long) Seeds.derive(seed, i)}, so A3C's
 *       workers see different but reproducible episodes.</li>
 * </ul>
 *
 * Not thread-safe, like the env it wraps: RL4J gives each worker its own instance via {@link #newInstance()}.
 */
public final class Rl4jMdp implements MDP<Box, Integer, DiscreteSpace> {

    private final Supplier<? extends Env<?, ?>> factory;
    private final long seed;
    private final Env<?, Integer> env;
    private final Discrete actions;
    private final Rl4jObservationSpace observationSpace;
    private final DiscreteSpace actionSpace;
    private final AtomicLong instances = new AtomicLong();
    private boolean seeded;
    private boolean running;
    private boolean terminated;
    private boolean truncated;

    /**
     * @param factory builds the env; called once now and once per {@link #newInstance()}, and must return a new,
     *     independent env each time
     * @param seed the seed of the first reset
     * @throws IllegalArgumentException if the env's action space is not {@link Discrete} or its observation space
     *     is neither a Box nor Discrete
     */
    public Rl4jMdp(Supplier<? extends Env<?, ?>> factory, long seed) {
        this.factory = factory;
        this.seed = seed;
        Env<?, ?> made = factory.get();
        if (!(made.actionSpace() instanceof Discrete discrete)) {
            made.close();
            throw new IllegalArgumentException(made.spec().id() + ": RL4J's MDP adapter needs a Discrete action "
                    + "space, not " + made.actionSpace());
        }
        try {
            this.observationSpace = Rl4jObservationSpace.of(made.spec().id(), made.observationSpace());
        } catch (IllegalArgumentException e) {
            made.close();
            throw e;
        }
        @SuppressWarnings("unchecked") // a Discrete space's elements are Integers
        Env<?, Integer> typed = (Env<?, Integer>) made;
        this.env = typed;
        this.actions = discrete;
        this.actionSpace = new Rl4jActionSpace(discrete.n(), Seeds.derive(seed, "rl4j-actions"));
    }

    /** The registry env {@code id} as {@link EnvRegistry#make} builds it (action checks and time limit). */
    public static Rl4jMdp make(EnvRegistry registry, String id, Map<String, ?> kwargs, long seed) {
        Map<String, ?> args = Map.copyOf(kwargs);
        return new Rl4jMdp(() -> registry.make(id, args), seed);
    }

    /** The standard registry's env {@code id} with default kwargs, time limit included. */
    public static Rl4jMdp make(String id, long seed) {
        return make(EnvRegistry.standard(), id, Map.of(), seed);
    }

    /** The seed of this MDP's first reset. */
    public long seed() {
        return seed;
    }

    /** The wrapped rlx env. */
    public Env<?, Integer> env() {
        return env;
    }

    @Override
    public Rl4jObservationSpace getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    /** Starts an episode: the first call reseeds the env with {@link #seed()}, later calls continue its generator. */
    @Override
    public Box reset() {
        Object observation = seeded ? env.reset().observation() : env.reset(seed).observation();
        seeded = true;
        running = true;
        terminated = false;
        truncated = false;
        return observationSpace.encode(observation);
    }

    /**
     * Applies RL4J action {@code action} (rlx action {@code start + action}).
     *
     * @throws InvalidActionException if {@code action} is null or outside {@code 0 .. n-1}
     * @throws IllegalStateException before the first reset or after the episode ended ({@link #isDone()})
     */
    @Override
    public StepReply<Box> step(Integer action) {
        if (action == null || action < 0 || action >= actions.n()) {
            throw new InvalidActionException(action, new Discrete(actions.n()));
        }
        if (!running) {
            throw new IllegalStateException(env.spec().id() + ": step() called "
                    + (seeded ? "after the episode ended (isDone() is true)" : "before reset()")
                    + "; call reset() first");
        }
        Step<?> step = env.step(actions.start() + action);
        terminated = step.terminated();
        truncated = step.truncated();
        running = !step.done();
        return new StepReply<>(observationSpace.encode(step.observation()), step.reward(), step.done(), step.info());
    }

    /** Whether the last step ended the episode, by termination or truncation. */
    @Override
    public boolean isDone() {
        return terminated || truncated;
    }

    /** Whether the last step reached a terminal state (false after a reset). */
    public boolean terminated() {
        return terminated;
    }

    /** Whether the last step was cut short, e.g. by the time limit (false after a reset). */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void close() {
        env.close();
    }

    /** A new env from the factory with seed {@code Seeds.derive(seed, i)} for the {@code i}-th copy. */
    @Override
    public Rl4jMdp newInstance() {
        return new Rl4jMdp(factory, Seeds.derive(seed, instances.getAndIncrement()));
    }

    @Override
    public String toString() {
        return "Rl4jMdp(" + env.spec().id() + ", seed=" + seed + ")";
    }
}
