package rlx.envs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

class EnvCheckerTest {

    private static final int EPISODES = 3;
    private final EnvChecker checker = new EnvChecker(EPISODES, 0);

    static Stream<String> registeredIds() {
        return EnvRegistry.standard().ids().stream();
    }

    @ParameterizedTest
    @MethodSource("registeredIds")
    void everyRegisteredEnvPasses(String id) {
        EnvRegistry registry = EnvRegistry.standard();

        assertEquals(List.of(), new EnvChecker(5, 0).check(() -> registry.make(id), () -> registry.makeRaw(id)));
        assertEquals(List.of(), new EnvChecker(2, 123).check(() -> registry.make(id), () -> registry.makeRaw(id)));
    }

    // ---- a well-behaved toy env and broken variants of it -------------------------------------------------------

    /**
     * A random walk on the integers: starts at a seeded position in [-2, 2], action 1 moves right and 0 left, the
     * episode terminates at |position| = 4. Observation [position] in [-10, 10]; reward -1 per step. Each broken
     * variant below overrides one hook.
     */
    static class WalkEnv implements Env<float[], Integer> {
        private final EnvSpec spec;
        RandomGenerator rng = Seeds.generator(Seeds.DEFAULT_SEED);
        int position;
        int stepInEpisode;
        boolean running;
        boolean terminated;

        WalkEnv() {
            this(0);
        }

        WalkEnv(int maxEpisodeSteps) {
            spec = new EnvSpec("test/Walk-v0", Box.uniform(-10f, 10f, 1), new Discrete(2), maxEpisodeSteps,
                    OptionalDouble.empty(), Map.of());
        }

        @Override
        public EnvSpec spec() {
            return spec;
        }

        @Override
        public Reset<float[]> reset(long seed) {
            rng = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Reset<float[]> reset() {
            position = startPosition();
            stepInEpisode = 0;
            running = true;
            terminated = false;
            return Reset.of(observe());
        }

        int startPosition() {
            return rng.nextInt(5) - 2;
        }

        @Override
        public Step<float[]> step(Integer action) {
            checkAction(action);
            checkEpisode();
            position += action == 1 ? 1 : -1;
            stepInEpisode++;
            terminated = Math.abs(position) >= 4;
            running = !terminated;
            return new Step<>(observe(), reward(), terminated, false, Map.of());
        }

        void checkAction(Integer action) {
            if (!actionSpace().contains(action)) {
                throw new InvalidActionException(action, actionSpace());
            }
        }

        void checkEpisode() {
            if (!running) {
                throw new IllegalStateException(spec.id() + ": no episode is running");
            }
        }

        float[] observe() {
            return new float[] {position};
        }

        double reward() {
            return -1.0;
        }
    }

    @Test
    void aWellBehavedEnvPasses() {
        assertEquals(List.of(), checker.check(WalkEnv::new, WalkEnv::new));
    }

    @Test
    void aWellBehavedEnvWithATimeLimitPassesThroughARegistry() {
        EnvRegistry registry = new EnvRegistry().register("test/Walk-v0", k -> new WalkEnv(6));

        assertEquals(List.of(), checker.check(() -> registry.make("test/Walk-v0"),
                () -> registry.makeRaw("test/Walk-v0")));
    }

    @Test
    void catchesObservationsOutsideTheObservationSpace() {
        class LeavesItsSpace extends WalkEnv {
            @Override
            float[] observe() {
                return new float[] {stepInEpisode == 1 ? 99f : position};
            }
        }

        List<String> failures = checker.check(LeavesItsSpace::new, LeavesItsSpace::new);

        assertEquals(List.of(
                "observations: episode 0 step 1 gave [99.0] outside Box(-10.0, 10.0, [1], float32)",
                "observations: episode 1 step 1 gave [99.0] outside Box(-10.0, 10.0, [1], float32)",
                "observations: episode 2 step 1 gave [99.0] outside Box(-10.0, 10.0, [1], float32)"), failures);
    }

    @Test
    void catchesAResetObservationOutsideTheObservationSpace() {
        class StartsOutside extends WalkEnv {
            @Override
            float[] observe() {
                return new float[] {stepInEpisode == 0 ? Float.NaN : position};
            }
        }

        List<String> failures = checker.check(StartsOutside::new, StartsOutside::new);

        assertEquals(List.of(
                "observations: reset of episode 0 gave [NaN] outside Box(-10.0, 10.0, [1], float32)",
                "observations: reset of episode 1 gave [NaN] outside Box(-10.0, 10.0, [1], float32)",
                "observations: reset of episode 2 gave [NaN] outside Box(-10.0, 10.0, [1], float32)"), failures);
    }

    @Test
    void catchesANanReward() {
        class NanReward extends WalkEnv {
            @Override
            double reward() {
                return stepInEpisode == 2 ? Double.NaN : -1.0;
            }
        }

        List<String> failures = checker.check(NanReward::new, NanReward::new);

        assertEquals(List.of(
                "rewards: episode 0 step 2 gave reward NaN",
                "rewards: episode 1 step 2 gave reward NaN",
                "rewards: episode 2 step 2 gave reward NaN"), failures);
    }

    @Test
    void catchesAnInfiniteReward() {
        class InfiniteReward extends WalkEnv {
            @Override
            double reward() {
                return stepInEpisode == 1 ? Double.NEGATIVE_INFINITY : -1.0;
            }
        }

        List<String> failures = checker.check(InfiniteReward::new, InfiniteReward::new);

        assertEquals("rewards: episode 0 step 1 gave reward -Infinity", failures.get(0));
        assertEquals(EPISODES, failures.size(), failures::toString);
    }

    @Test
    void catchesAnEnvThatIgnoresTheSeedAndUsesSharedRandomness() {
        // every instance draws its start from one shared counter, as an env using a global generator would
        AtomicInteger shared = new AtomicInteger();
        class SharedRandomness extends WalkEnv {
            @Override
            int startPosition() {
                return shared.getAndIncrement() % 5 - 2;
            }
        }

        List<String> failures = checker.check(SharedRandomness::new, SharedRandomness::new);

        assertEquals(List.of(
                "determinism: two runs with reset(seed=0) and the same actions differ",
                "determinism: reset(seed) after other resets gives a different first observation"), failures);
    }

    @Test
    void catchesAnEnvWhoseResetIgnoresTheSeed() {
        // reproducible from a fresh instance, but reset(seed) does not restart the start-state stream
        class IgnoresResetSeed extends WalkEnv {
            int resets;

            @Override
            public Reset<float[]> reset(long seed) {
                return reset();
            }

            @Override
            int startPosition() {
                return resets++ % 5 - 2;
            }
        }

        List<String> failures = checker.check(IgnoresResetSeed::new, IgnoresResetSeed::new);

        assertEquals(List.of("determinism: reset(seed) after other resets gives a different first observation"),
                failures);
    }

    @Test
    void catchesAnEnvThatAcceptsOutOfRangeActions() {
        class AcceptsAnything extends WalkEnv {
            @Override
            void checkAction(Integer action) {
                // any integer moves the walker
            }
        }

        List<String> failures = checker.check(AcceptsAnything::new, AcceptsAnything::new);

        assertEquals(List.of(
                "invalid actions: 2 was accepted by Discrete(2)",
                "invalid actions: -1 was accepted by Discrete(2)"), failures);
    }

    /** A continuous random walk: action [push] in [-1, 1] moves the walker by push; terminates at |x| >= 4. */
    static class PushEnv implements Env<float[], float[]> {
        private final EnvSpec spec = new EnvSpec("test/Push-v0", Box.uniform(-10f, 10f, 1), Box.uniform(-1f, 1f, 1), 0,
                OptionalDouble.empty(), Map.of());
        RandomGenerator rng = Seeds.generator(Seeds.DEFAULT_SEED);
        float position;
        boolean running;

        @Override
        public EnvSpec spec() {
            return spec;
        }

        @Override
        public Reset<float[]> reset(long seed) {
            rng = Seeds.generator(seed);
            return reset();
        }

        @Override
        public Reset<float[]> reset() {
            position = (float) (rng.nextDouble() - 0.5);
            running = true;
            return Reset.of(new float[] {position});
        }

        @Override
        public Step<float[]> step(float[] action) {
            checkAction(action);
            if (!running) {
                throw new IllegalStateException(spec.id() + ": no episode is running");
            }
            position += action[0];
            boolean terminated = Math.abs(position) >= 4;
            running = !terminated;
            return new Step<>(new float[] {position}, -1.0, terminated, false, Map.of());
        }

        void checkAction(float[] action) {
            if (!actionSpace().contains(action)) {
                throw new InvalidActionException(action, actionSpace());
            }
        }
    }

    @Test
    void aWellBehavedContinuousEnvPasses() {
        assertEquals(List.of(), checker.check(PushEnv::new, PushEnv::new));
    }

    @Test
    void catchesAContinuousEnvThatAcceptsOutOfRangeActions() {
        class AcceptsAnyPush extends PushEnv {
            @Override
            void checkAction(float[] action) {
                // refuses NaN and the wrong length, but lets a push of any size through
                if (action.length != 1 || Float.isNaN(action[0])) {
                    throw new InvalidActionException(action, actionSpace());
                }
            }
        }

        List<String> failures = checker.check(AcceptsAnyPush::new, AcceptsAnyPush::new);

        assertEquals(List.of(
                "invalid actions: [1.0000001] was accepted by Box(-1.0, 1.0, [1], float32)",
                "invalid actions: [-1.0000001] was accepted by Box(-1.0, 1.0, [1], float32)"), failures);
    }

    /** Refuses a step before the first reset, but not after a terminal step. */
    static class NoEndOfEpisode extends WalkEnv {
        NoEndOfEpisode() {
            super();
        }

        NoEndOfEpisode(int maxEpisodeSteps) {
            super(maxEpisodeSteps);
        }

        @Override
        void checkEpisode() {
            if (!running && !terminated) {
                throw new IllegalStateException(spec().id() + ": step() before reset()");
            }
        }
    }

    @Test
    void catchesAnEnvThatAllowsSteppingAfterTermination() {
        List<String> failures = checker.check(NoEndOfEpisode::new, NoEndOfEpisode::new);

        assertEquals(List.of(
                "flags: step() after the episode ended was accepted",
                "flags: step() after the episode ended was accepted by the raw env"), failures);
    }

    @Test
    void catchesARawEnvThatAllowsSteppingAfterTerminationBehindTimeLimit() {
        // make() puts a TimeLimit around the env, and TimeLimit refuses the extra step itself
        EnvRegistry registry = new EnvRegistry().register("test/Walk-v0", k -> new NoEndOfEpisode(100));

        List<String> failures = checker.check(() -> registry.make("test/Walk-v0"),
                () -> registry.makeRaw("test/Walk-v0"));

        assertEquals(List.of("flags: step() after the episode ended was accepted by the raw env"), failures);
    }

    @Test
    void catchesAnEnvThatAllowsSteppingBeforeReset() {
        class NoResetNeeded extends WalkEnv {
            @Override
            void checkEpisode() {
                // never refuses
            }
        }

        List<String> failures = checker.check(NoResetNeeded::new, NoResetNeeded::new);

        assertTrue(failures.contains("flags: step() before reset() was accepted"), failures::toString);
        assertTrue(failures.stream().allMatch(f -> f.startsWith("flags: step()")), failures::toString);
    }

    @Test
    void rejectsANonPositiveEpisodeCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EnvChecker(0, 1));
        assertTrue(e.getMessage().contains("(0)"), e.getMessage());
    }

    @Test
    void reportsAnExceptionThrownByACheckInsteadOfFailingWholesale() {
        class CrashesOnStepFive extends WalkEnv {
            int steps;

            @Override
            public Step<float[]> step(Integer action) {
                if (++steps == 5) {
                    throw new ArithmeticException("boom");
                }
                return super.step(action);
            }
        }

        List<String> failures = checker.check(CrashesOnStepFive::new, CrashesOnStepFive::new);

        assertTrue(failures.contains("determinism: unexpected ArithmeticException: boom"), failures::toString);
    }
}
