package rlx.envs.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Seeds;
import rlx.envs.core.Space;
import rlx.envs.core.Step;

/**
 * Checks an env against the API contract: consistent spaces, reset determinism under a seed, observations inside
 * the observation space, finite rewards, sane termination/truncation flags, errors on invalid actions and on
 * stepping a finished episode, and agreement between the generic and the flat-array API.
 *
 * <pre>{@code
 * List<String> failures = new EnvChecker(episodes, seed).check(() -> registry.make(id), () -> registry.makeRaw(id));
 * }</pre>
 */
public final class EnvChecker {

    private static final int MAX_STEPS_PER_EPISODE = 5_000;

    private final int episodes;
    private final long seed;

    public EnvChecker(int episodes, long seed) {
        if (episodes <= 0) {
            throw new IllegalArgumentException("episodes (" + episodes + ") must be > 0");
        }
        this.episodes = episodes;
        this.seed = seed;
    }

    /** Makes fresh instances of the env under test. */
    @FunctionalInterface
    public interface EnvFactory {
        Env<?, ?> make();
    }

    /**
     * Runs every check and returns the failures (empty when the env passes).
     *
     * @param wrapped the env as users get it (time limit and action checks applied)
     * @param raw the bare env; its flat-array view is compared with the generic API when it has one
     */
    public List<String> check(EnvFactory wrapped, EnvFactory raw) {
        List<String> failures = new ArrayList<>();
        Env<?, ?> env = wrapped.make();
        guard(failures, "spaces", () -> checkSpaces(env.spec(), failures));
        guard(failures, "determinism", () -> checkDeterminism(wrapped, failures));
        guard(failures, "rollouts", () -> checkRollouts(env, failures));
        guard(failures, "invalid actions", () -> checkInvalidActions(wrapped.make(), failures));
        guard(failures, "step after end", () -> checkStepAfterEnd(wrapped.make(), "", failures));
        // a TimeLimit around the env refuses a step after the end by itself, so the bare env is checked as well
        guard(failures, "step after end", () -> checkStepAfterEnd(raw.make(), " by the raw env", failures));
        guard(failures, "flat api", () -> checkFlatAgreement(raw, failures));
        return failures;
    }

    private static void guard(List<String> failures, String name, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            failures.add(name + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void checkSpaces(EnvSpec spec, List<String> failures) {
        if (spec.observationSpace() == null || spec.actionSpace() == null) {
            failures.add("spaces: observation or action space is missing");
            return;
        }
        RandomGenerator rng = Seeds.generator(seed);
        for (Space<?> space : List.of(spec.observationSpace(), spec.actionSpace())) {
            if (space.flatSize() <= 0) {
                failures.add("spaces: " + space + " has flat size " + space.flatSize());
            }
            for (int i = 0; i < 100; i++) {
                Object sample = space.sample(rng);
                if (!space.containsObject(sample)) {
                    failures.add("spaces: " + space + " sampled " + space.format(sample) + " outside itself");
                    break;
                }
            }
        }
    }

    private void checkDeterminism(EnvFactory factory, List<String> failures) {
        List<Object> first = trajectory(factory.make());
        List<Object> second = trajectory(factory.make());
        if (!first.equals(second)) {
            failures.add("determinism: two runs with reset(seed=" + seed + ") and the same actions differ");
        }
        Env<?, ?> env = factory.make();
        Object a = comparable(env.reset(seed).observation());
        env.reset(seed + 1);
        Object b = comparable(env.reset(seed).observation());
        if (!a.equals(b)) {
            failures.add("determinism: reset(seed) after other resets gives a different first observation");
        }
    }

    /** Observations, rewards and flags of a few seeded episodes with seeded random actions. */
    private List<Object> trajectory(Env<?, ?> env) {
        List<Object> out = new ArrayList<>();
        RandomGenerator actions = Seeds.generator(Seeds.derive(seed, "actions"));
        out.add(comparable(env.reset(seed).observation()));
        for (int e = 0; e < 3; e++) {
            for (int t = 0; t < MAX_STEPS_PER_EPISODE; t++) {
                Step<?> s = env.stepObject(env.actionSpace().sample(actions));
                out.add(List.of(comparable(s.observation()), s.reward(), s.terminated(), s.truncated()));
                if (s.done()) {
                    break;
                }
            }
            out.add(comparable(env.reset().observation()));
        }
        return out;
    }

    private void checkRollouts(Env<?, ?> env, List<String> failures) {
        EnvSpec spec = env.spec();
        RandomGenerator actions = Seeds.generator(Seeds.derive(seed, "rollouts"));
        int limit = spec.hasTimeLimit() ? spec.maxEpisodeSteps() : MAX_STEPS_PER_EPISODE;
        for (int e = 0; e < episodes; e++) {
            Reset<?> reset = env.reset(Seeds.derive(seed, e));
            observationInSpace(env, reset.observation(), "reset of episode " + e, failures);
            for (int t = 1; t <= limit; t++) {
                Step<?> s = env.stepObject(env.actionSpace().sample(actions));
                String where = "episode " + e + " step " + t;
                observationInSpace(env, s.observation(), where, failures);
                if (!Double.isFinite(s.reward())) {
                    failures.add("rewards: " + where + " gave reward " + s.reward());
                }
                if (s.truncated() && spec.hasTimeLimit() && t != spec.maxEpisodeSteps()) {
                    failures.add("flags: " + where + " truncated before the time limit " + spec.maxEpisodeSteps());
                }
                if (spec.hasTimeLimit() && t == spec.maxEpisodeSteps() && !s.done()) {
                    failures.add("flags: " + where + " reached the time limit without truncation");
                }
                if (s.done()) {
                    break;
                }
            }
            if (failures.size() > 20) {
                return;
            }
        }
    }

    private static void observationInSpace(Env<?, ?> env, Object obs, String where, List<String> failures) {
        Space<?> space = env.observationSpace();
        if (!space.containsObject(obs)) {
            failures.add("observations: " + where + " gave " + space.format(obs) + " outside " + space);
        }
    }

    private void checkInvalidActions(Env<?, ?> env, List<String> failures) {
        env.reset(seed);
        List<Object> invalid = new ArrayList<>();
        Space<?> space = env.actionSpace();
        if (space instanceof Discrete d) {
            invalid.add(d.start() + d.n());
            invalid.add(d.start() - 1);
            invalid.add(new float[] {0f});
        } else if (space instanceof Box b) {
            float[] nan = new float[b.flatSize()];
            Arrays.fill(nan, Float.NaN);
            invalid.add(nan);
            invalid.add(new float[b.flatSize() + 1]);
            invalid.add(0);
            // just past a finite bound, the rest of the action inside the box
            for (int i = 0; i < b.flatSize(); i++) {
                if (Float.isFinite(b.high(i))) {
                    float[] above = b.sample(Seeds.generator(seed));
                    above[i] = Math.nextUp(b.high(i));
                    invalid.add(above);
                    break;
                }
            }
            for (int i = 0; i < b.flatSize(); i++) {
                if (Float.isFinite(b.low(i))) {
                    float[] below = b.sample(Seeds.generator(seed));
                    below[i] = Math.nextDown(b.low(i));
                    invalid.add(below);
                    break;
                }
            }
        }
        for (Object action : invalid) {
            try {
                env.stepObject(action);
                failures.add("invalid actions: " + space.format(action) + " was accepted by " + space);
                env.reset(seed);
            } catch (InvalidActionException expected) {
                // the contract: invalid input is refused and does not touch the episode
            }
        }
    }

    private void checkStepAfterEnd(Env<?, ?> env, String which, List<String> failures) {
        try {
            env.stepObject(env.actionSpace().sample(Seeds.generator(seed)));
            failures.add("flags: step() before reset() was accepted" + which);
        } catch (IllegalStateException expected) {
            // required
        }
        // step the env itself: wrapping it in a TimeLimit here would make the TimeLimit, not the env, refuse
        RandomGenerator actions = Seeds.generator(seed);
        env.reset(seed);
        for (int t = 0; t < MAX_STEPS_PER_EPISODE; t++) {
            if (env.stepObject(env.actionSpace().sample(actions)).done()) {
                try {
                    env.stepObject(env.actionSpace().sample(actions));
                    failures.add("flags: step() after the episode ended was accepted" + which);
                } catch (IllegalStateException expected) {
                    // required
                }
                return;
            }
        }
    }

    private void checkFlatAgreement(EnvFactory rawFactory, List<String> failures) {
        Env<?, ?> generic = rawFactory.make();
        if (!(rawFactory.make() instanceof FlatEnv flat)) {
            return;
        }
        float[] obs = new float[flat.observationSize()];
        flat.resetInto(seed, obs, 0);
        Object first = generic.reset(seed).observation();
        if (!Arrays.equals(obs, flatten(first))) {
            failures.add("flat api: resetInto and reset disagree on the first observation");
            return;
        }
        RandomGenerator actions = Seeds.generator(seed);
        for (int t = 0; t < 200; t++) {
            Object action = generic.actionSpace().sample(actions);
            Step<?> s = generic.stepObject(action);
            double reward = action instanceof Integer a ? flat.stepInto(a, obs, 0)
                    : flat.stepInto((float[]) action, 0, obs, 0);
            if (reward != s.reward() || flat.terminated() != s.terminated()
                    || !Arrays.equals(obs, flatten(s.observation()))) {
                failures.add("flat api: stepInto and step disagree at step " + (t + 1));
                return;
            }
            if (s.terminated()) {
                return;
            }
        }
    }

    private static float[] flatten(Object obs) {
        if (obs instanceof float[] f) {
            return f;
        }
        if (obs instanceof Number n) {
            return new float[] {n.floatValue()};
        }
        throw new IllegalArgumentException("observation of type " + obs.getClass().getSimpleName() + " has no flat form");
    }

    private static Object comparable(Object obs) {
        if (obs instanceof float[] f) {
            List<Float> list = new ArrayList<>(f.length);
            for (float v : f) {
                list.add(v);
            }
            return list;
        }
        return Objects.requireNonNull(obs, "observation");
    }
}
