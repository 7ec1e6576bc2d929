package rlx.trainers.rl4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import rlx.envs.rl4j.Rl4jMdp;

/**
 * An {@link Rl4jMdp} that stops a run after {@code budget} env steps, counted over this MDP and every copy made by
 * {@link #newInstance()}. RL4J's learners only check their step limit between episodes, so without this a run would
 * overshoot by up to one episode per worker. One learner thread stops exactly at the budget; with several (A3C)
 * each thread may take the step it already chose, so a run can end up to {@code threads - 1} steps over.
 *
 * <p>Once the budget is spent, {@link #isDone()} is true, which ends RL4J's episode loop; the step replies are the
 * env's own, so the last transition is stored as non-terminal, exactly as a time-limit cut would be. The cut
 * episode is not a real episode: {@link #wasCut()} tells the trainer not to report it.
 */
final class StepBudgetMdp implements MDP<Box, Integer, DiscreteSpace> {

    private final Rl4jMdp env;
    private final AtomicLong steps;
    private final long budget;
    private final List<StepBudgetMdp> family;
    private boolean cut;

    /** @param budget env steps after which episodes end; {@code Long.MAX_VALUE} only counts steps */
    StepBudgetMdp(Rl4jMdp env, long budget) {
        this(env, new AtomicLong(), budget, new CopyOnWriteArrayList<>());
    }

    private StepBudgetMdp(Rl4jMdp env, AtomicLong steps, long budget, List<StepBudgetMdp> family) {
        this.env = env;
        this.steps = steps;
        this.budget = budget;
        this.family = family;
        family.add(this);
    }

    /** The wrapped MDP. */
    Rl4jMdp env() {
        return env;
    }

    /** Env steps taken so far by this MDP and its copies. */
    long steps() {
        return steps.get();
    }

    /** Whether the current episode was ended by the budget rather than by the env. */
    boolean wasCut() {
        return cut;
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return env.getObservationSpace();
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return env.getActionSpace();
    }

    @Override
    public Box reset() {
        cut = false;
        return env.reset();
    }

    @Override
    public StepReply<Box> step(Integer action) {
        StepReply<Box> reply = env.step(action);
        steps.incrementAndGet();
        return reply;
    }

    /** True once the env ended the episode, or once the budget is spent (by this MDP or a copy). */
    @Override
    public boolean isDone() {
        if (!env.isDone() && steps.get() >= budget) {
            cut = true;
        }
        return env.isDone() || cut;
    }

    @Override
    public void close() {
        env.close();
    }

    /** Closes this MDP and every copy made from it or its copies. */
    void closeAll() {
        for (StepBudgetMdp mdp : family) {
            mdp.close();
        }
    }

    /** A copy on {@link Rl4jMdp#newInstance()} (its own derived seed) sharing this MDP's step count. */
    @Override
    public StepBudgetMdp newInstance() {
        return new StepBudgetMdp(env.newInstance(), steps, budget, family);
    }
}
