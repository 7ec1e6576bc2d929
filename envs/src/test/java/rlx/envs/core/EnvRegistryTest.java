package rlx.envs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rlx.envs.classic.Acrobot;
import rlx.envs.classic.CartPole;
import rlx.envs.classic.MountainCar;
import rlx.envs.classic.Pendulum;
import rlx.envs.wrappers.TimeLimit;

class EnvRegistryTest {

    private final EnvRegistry registry = EnvRegistry.standard();

    static Stream<String> registeredIds() {
        return EnvRegistry.standard().ids().stream();
    }

    @Test
    void registersTheClassicControlEnvs() {
        assertTrue(registry.ids().containsAll(List.of(CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID)),
                registry.ids().toString());
    }

    @ParameterizedTest
    @MethodSource("registeredIds")
    void everyRegisteredIdMakesAnEnvWithAConsistentSpec(String id) {
        Env<?, ?> raw = registry.makeRaw(id);
        Env<?, ?> made = registry.make(id);
        EnvSpec spec = raw.spec();

        assertEquals(id, spec.id());
        assertEquals(id, made.spec().id());
        assertEquals(spec.observationSpace(), made.spec().observationSpace());
        assertEquals(spec.actionSpace(), made.spec().actionSpace());
        assertEquals(spec.maxEpisodeSteps(), made.spec().maxEpisodeSteps());
        assertEquals(spec.hasTimeLimit(), made instanceof TimeLimit<?, ?>);
        assertEquals(spec, registry.spec(id));
        assertSame(raw.spec().observationSpace(), raw.observationSpace());
        assertSame(raw.spec().actionSpace(), raw.actionSpace());
        assertTrue(spec.observationSpace().flatSize() > 0);
        assertTrue(spec.actionSpace().flatSize() > 0);
        assertSame(made.unwrapped().getClass(), raw.getClass());
    }

    @ParameterizedTest
    @MethodSource("registeredIds")
    void everyRegisteredEnvResetsAndStepsInsideItsSpaces(String id) {
        Env<?, ?> env = registry.make(id);
        RandomGenerator actions = Seeds.generator(1);

        Reset<?> reset = env.reset(0);
        assertTrue(env.observationSpace().containsObject(reset.observation()),
                () -> env.observationSpace().format(reset.observation()));
        for (int t = 0; t < 20; t++) {
            Step<?> step = env.stepObject(env.actionSpace().sample(actions));
            assertTrue(env.observationSpace().containsObject(step.observation()),
                    () -> env.observationSpace().format(step.observation()));
            assertTrue(Double.isFinite(step.reward()));
            if (step.done()) {
                env.reset();
            }
        }
    }

    static Stream<Arguments> gymnasiumLimits() {
        return Stream.of(
                Arguments.of(CartPole.ID, 500, OptionalDouble.of(475.0)),
                Arguments.of(Acrobot.ID, 500, OptionalDouble.of(-100.0)),
                Arguments.of(MountainCar.ID, 200, OptionalDouble.of(-110.0)),
                Arguments.of(Pendulum.ID, 200, OptionalDouble.empty()));
    }

    @ParameterizedTest
    @MethodSource("gymnasiumLimits")
    void classicEnvsHaveGymnasiumsTimeLimitsAndThresholds(String id, int limit, OptionalDouble threshold) {
        EnvSpec spec = registry.spec(id);

        assertEquals(limit, spec.maxEpisodeSteps());
        assertEquals(threshold, spec.rewardThreshold());
    }

    @Test
    void unknownIdErrorListsTheKnownIds() {
        UnknownEnvException e = assertThrows(UnknownEnvException.class, () -> registry.make("CartPole-v9"));

        assertTrue(e.getMessage().contains("'CartPole-v9'"), e.getMessage());
        for (String id : registry.ids()) {
            assertTrue(e.getMessage().contains(id), e.getMessage());
        }
        assertThrows(UnknownEnvException.class, () -> registry.makeRaw("nope"));
        assertThrows(UnknownEnvException.class, () -> registry.spec("nope"));
        assertFalse(registry.contains("nope"));
        assertTrue(registry.contains(CartPole.ID));
    }

    @Test
    void unknownKwargErrorNamesTheKwargAndTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.make(CartPole.ID, Map.of("sutton_barto", true)));

        assertTrue(e.getMessage().contains(CartPole.ID), e.getMessage());
        assertTrue(e.getMessage().contains("[sutton_barto]"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed: sutton_barto_reward"), e.getMessage());
    }

    @Test
    void unknownKwargOfAnEnvWithoutKwargsSaysNoneAreAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.makeRaw(Acrobot.ID, Map.of("book_or_nips", "nips")));

        assertTrue(e.getMessage().contains("book_or_nips"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed: none"), e.getMessage());
    }

    @Test
    void badKwargValueErrorNamesTheKwargTheValueAndWhatIsExpected() {
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> registry.make(CartPole.ID, Map.of("sutton_barto_reward", "maybe")));
        assertTrue(bool.getMessage().contains("sutton_barto_reward=maybe"), bool.getMessage());
        assertTrue(bool.getMessage().contains("true or false"), bool.getMessage());

        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> registry.make(MountainCar.ID, Map.of("goal_velocity", "fast")));
        assertTrue(number.getMessage().contains("goal_velocity=fast"), number.getMessage());
        assertTrue(number.getMessage().contains("a number"), number.getMessage());
    }

    @Test
    void kwargsReachTheEnvAndItsSpec() {
        assertEquals(Map.of("sutton_barto_reward", true),
                registry.make(CartPole.ID, Map.of("sutton_barto_reward", "true")).spec().kwargs());
        assertEquals(Map.of("sutton_barto_reward", false), registry.spec(CartPole.ID).kwargs());
        assertEquals(0.01, registry.make(MountainCar.ID, Map.of("goal_velocity", 0.01)).spec().kwargs()
                .get("goal_velocity"));
        assertEquals(9.81, registry.make(Pendulum.ID, Map.of("g", "9.81")).spec().kwargs().get("g"));
    }

    @Test
    void makeRejectsAnOutOfRangeTorqueThatMakeRawClips() {
        Env<?, ?> wrapped = registry.make(Pendulum.ID);
        wrapped.reset(3);

        InvalidActionException e = assertThrows(InvalidActionException.class,
                () -> wrapped.stepObject(new float[] {5.0f}));
        assertTrue(e.getMessage().contains("[5.0]"), e.getMessage());
        assertTrue(e.getMessage().contains("Box(-2.0, 2.0, [1], float32)"), e.getMessage());

        // the bare env clips 5.0 to the max torque 2.0, as Gymnasium's Pendulum does
        Env<?, ?> rawFive = registry.makeRaw(Pendulum.ID);
        Env<?, ?> rawTwo = registry.makeRaw(Pendulum.ID);
        rawFive.reset(3);
        rawTwo.reset(3);
        for (int t = 0; t < 5; t++) {
            Step<?> five = rawFive.stepObject(new float[] {5.0f});
            Step<?> two = rawTwo.stepObject(new float[] {2.0f});
            assertArrayEquals((float[]) two.observation(), (float[]) five.observation());
            assertEquals(two.reward(), five.reward());
            assertArrayEquals(((Restorable) rawTwo).internalState(), ((Restorable) rawFive).internalState());
        }
    }

    @Test
    void makeRejectsAnOutOfRangeDiscreteActionBeforeTheEnvSeesIt() {
        Env<?, ?> wrapped = registry.make(CartPole.ID);
        wrapped.reset(0);
        double[] before = ((Restorable) wrapped.unwrapped()).internalState();

        InvalidActionException e = assertThrows(InvalidActionException.class, () -> wrapped.stepObject(2));

        assertTrue(e.getMessage().contains("invalid action 2"), e.getMessage());
        assertTrue(e.getMessage().contains("Discrete(2)"), e.getMessage());
        assertArrayEquals(before, ((Restorable) wrapped.unwrapped()).internalState());
    }

    @Test
    void makeTruncatesAtTheSpecLimitWhileMakeRawRunsOn() {
        Env<?, ?> wrapped = registry.make(Pendulum.ID);
        Env<?, ?> raw = registry.makeRaw(Pendulum.ID);
        wrapped.reset(0);
        raw.reset(0);
        float[] torque = {0.5f};
        for (int t = 1; t <= 200; t++) {
            Step<?> step = wrapped.stepObject(torque);
            assertEquals(t == 200, step.truncated(), "step " + t);
            assertFalse(step.terminated());
        }
        for (int t = 1; t <= 300; t++) {
            assertFalse(raw.stepObject(torque).done(), "raw step " + t);
        }
        assertThrows(IllegalStateException.class, () -> wrapped.stepObject(torque));
    }

    @ParameterizedTest
    @MethodSource("registeredIds")
    void makeFlatGivesTheAllocationFreeViewOfEveryClassicEnv(String id) {
        if (!(registry.makeRaw(id) instanceof FlatEnv)) {
            assertThrows(IllegalArgumentException.class, () -> registry.makeFlat(id, Map.of()));
            return;
        }
        FlatEnv flat = registry.makeFlat(id, Map.of());
        assertEquals(id, flat.spec().id());
        assertEquals(flat.spec().observationSpace().flatSize(), flat.observationSize());
        assertEquals(flat.spec().actionSpace().flatSize(), flat.actionSize());
    }

    @Test
    void aliasesMakeTheEnvTheyStandFor() {
        EnvRegistry local = new EnvRegistry()
                .register("Thing-v1", k -> new CartPole())
                .alias("Thing-v0", "Thing-v1");

        assertInstanceOf(CartPole.class, local.makeRaw("Thing-v0"));
        assertEquals(List.of("Thing-v1"), local.ids());
        assertEquals(Map.of("Thing-v0", "Thing-v1"), local.aliases());
        assertTrue(local.contains("Thing-v0"));
        registry.aliases().forEach((alias, id) -> assertEquals(id, registry.makeRaw(alias).spec().id()));
    }

    @Test
    void registeringAnIdTwiceOrAliasingAnUnknownIdFails() {
        EnvRegistry local = new EnvRegistry().register("Thing-v1", k -> new CartPole());

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> local.register("Thing-v1", k -> new CartPole()));
        assertTrue(twice.getMessage().contains("Thing-v1"), twice.getMessage());
        assertThrows(UnknownEnvException.class, () -> local.alias("Other-v0", "Other-v1"));
    }

    @Test
    void makeReturnsAFreshEnvEachTime() {
        Env<?, ?> a = registry.make(CartPole.ID);
        Env<?, ?> b = registry.make(CartPole.ID);

        assertFalse(a == b || a.unwrapped() == b.unwrapped());
        assertInstanceOf(CartPole.class, a.unwrapped());
    }
}
