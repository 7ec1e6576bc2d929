package rlx.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Restorable;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

/** The episode contract every classic-control env keeps: reset/step order, invalid actions, seeding, flat API. */
class ClassicEpisodeProtocolTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.standard();

    /** States from which the given action ends the episode on the next step (see the per-env tests). */
    private static double[] terminatingState(String id) {
        return switch (id) {
            case CartPole.ID -> new double[] {2.4, 1.0, 0, 0};
            case MountainCar.ID -> new double[] {0.43, 0.07};
            case Acrobot.ID -> new double[] {Math.PI, 0, 0, 0};
            default -> throw new IllegalArgumentException(id + " never terminates");
        };
    }

    private static Object terminatingAction(String id) {
        return id.equals(MountainCar.ID) ? 2 : 1;
    }

    /** An action inside the action space. */
    private static Object validAction(Env<?, ?> env) {
        return env.actionSpace() instanceof Discrete ? (Object) 1 : new float[] {0.5f};
    }

    /** Actions that must be refused with InvalidActionException, raw env or not. */
    private static List<Object> invalidActions(Env<?, ?> env) {
        List<Object> invalid = new ArrayList<>();
        if (env.actionSpace() instanceof Discrete d) {
            invalid.addAll(List.of(d.n(), -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
            invalid.addAll(List.of(new float[] {1f}, 1L, 1.0, "1", new int[] {1}));
        } else {
            invalid.addAll(List.of(new float[] {Float.NaN}, new float[] {0f, 0f}, new float[0]));
            invalid.addAll(List.of(1, 0.5, new double[] {0.5}, "0.5"));
        }
        return invalid;
    }

    private static String describe(Object action) {
        if (action instanceof float[] f) {
            return "float" + Arrays.toString(f);
        }
        if (action instanceof double[] d) {
            return "double" + Arrays.toString(d);
        }
        if (action instanceof int[] i) {
            return "int" + Arrays.toString(i);
        }
        return action.getClass().getSimpleName() + " " + action;
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void stepBeforeResetThrowsNamingTheEnv(String id) {
        Env<?, ?> raw = REGISTRY.makeRaw(id);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> raw.stepObject(validAction(raw)));
        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertTrue(e.getMessage().contains("before reset"), e.getMessage());

        Env<?, ?> made = REGISTRY.make(id);
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> made.stepObject(validAction(made)));
        assertTrue(wrapped.getMessage().contains(id), wrapped.getMessage());
        assertTrue(wrapped.getMessage().contains("before reset"), wrapped.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID})
    void stepAfterTerminationThrowsNamingTheEnv(String id) {
        Env<?, ?> env = REGISTRY.makeRaw(id);
        env.reset(0);
        ((Restorable) env).restoreInternalState(terminatingState(id));
        assertTrue(env.stepObject(terminatingAction(id)).terminated());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.stepObject(validAction(env)));
        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertTrue(e.getMessage().contains("terminated"), e.getMessage());
        // the flat view refuses too: it shares the episode
        assertThrows(IllegalStateException.class, () -> ((FlatEnv) env).stepInto(1, new float[10], 0));

        // a reset starts a new episode
        env.reset(1);
        assertFalse(env.stepObject(validAction(env)).done());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID})
    void stepAfterTerminationThroughMakeThrowsNamingTheEnv(String id) {
        Env<?, ?> env = REGISTRY.make(id);
        env.reset(0);
        ((Restorable) env.unwrapped()).restoreInternalState(terminatingState(id));
        Step<?> last = env.stepObject(terminatingAction(id));
        assertTrue(last.terminated());
        assertFalse(last.truncated());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.stepObject(validAction(env)));
        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertTrue(e.getMessage().contains("terminated"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void invalidActionsThrowAndLeaveTheEpisodeUsable(String id) {
        for (boolean wrapped : new boolean[] {false, true}) {
            Env<?, ?> env = wrapped ? REGISTRY.make(id) : REGISTRY.makeRaw(id);
            env.reset(7);
            double[] before = ((Restorable) env.unwrapped()).internalState();

            for (Object action : invalidActions(env)) {
                InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.stepObject(action),
                        () -> describe(action) + (wrapped ? " through make" : " on the bare env"));
                assertTrue(e.getMessage().contains(env.actionSpace().toString()), e.getMessage());
                assertArrayEquals(before, ((Restorable) env.unwrapped()).internalState(), describe(action));
            }

            // the episode goes on exactly as if the invalid actions had never been sent
            Env<?, ?> control = REGISTRY.makeRaw(id);
            control.reset(7);
            Object action = validAction(env);
            Step<?> step = env.stepObject(action);
            Step<?> expected = control.stepObject(action);
            assertArrayEquals((float[]) expected.observation(), (float[]) step.observation());
            assertEquals(expected.reward(), step.reward());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void invalidActionMessageNamesTheActionAndTheSpace(String id) {
        Env<?, ?> env = REGISTRY.make(id);
        env.reset(0);
        Object bad = env.actionSpace() instanceof Discrete d ? (Object) (d.n() + 4) : new float[] {7.5f};
        String shown = bad instanceof float[] ? "[7.5]" : String.valueOf(bad);

        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.stepObject(bad));

        assertTrue(e.getMessage().contains(shown), e.getMessage());
        assertTrue(e.getMessage().contains(env.actionSpace().toString()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void wrongTypeActionMessageShowsTheActionsElements(String id) {
        Env<?, ?> env = REGISTRY.makeRaw(id);
        env.reset(0);
        Object wrongType = env.actionSpace() instanceof Discrete ? new float[] {1.5f} : new double[] {1.5};

        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.stepObject(wrongType));

        assertTrue(e.getMessage().contains("invalid action [1.5]"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void resetWithTheSameSeedGivesTheSameEpisode(String id) {
        Env<?, ?> a = REGISTRY.make(id);
        Env<?, ?> b = REGISTRY.make(id);

        assertArrayEquals((float[]) a.reset(12).observation(), (float[]) b.reset(12).observation());
        assertArrayEquals(((Restorable) a.unwrapped()).internalState(), ((Restorable) b.unwrapped()).internalState());
        RandomGenerator actions = Seeds.generator(3);
        for (int t = 0; t < 50; t++) {
            Object action = a.actionSpace().sample(actions);
            Step<?> sa = a.stepObject(action);
            Step<?> sb = b.stepObject(action);
            assertArrayEquals((float[]) sa.observation(), (float[]) sb.observation());
            assertEquals(sa.reward(), sb.reward());
            assertEquals(sa.terminated(), sb.terminated());
            if (sa.done()) {
                break;
            }
        }
        // reseeding the same instance restarts the same start state
        float[] first = ((float[]) a.reset(12).observation()).clone();
        a.reset(13);
        assertArrayEquals(first, (float[]) a.reset(12).observation());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void differentSeedsGiveDifferentStartStates(String id) {
        Env<?, ?> env = REGISTRY.makeRaw(id);
        Set<List<Double>> starts = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            env.reset(seed);
            starts.add(Arrays.stream(((Restorable) env).internalState()).boxed().toList());
        }
        assertEquals(100, starts.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void resetAfterASeededResetContinuesDeterministically(String id) {
        Env<?, ?> a = REGISTRY.makeRaw(id);
        Env<?, ?> b = REGISTRY.makeRaw(id);
        float[] seeded = ((float[]) a.reset(21).observation()).clone();
        b.reset(21);
        // stepping in between must not matter: the dynamics draw no random numbers
        a.stepObject(validAction(a));

        float[] nextA = ((float[]) a.reset().observation()).clone();
        float[] nextB = (float[]) b.reset().observation();
        assertArrayEquals(nextA, nextB);
        assertFalse(Arrays.equals(seeded, nextA), "unseeded reset repeated the seeded start state");
        float[] thirdA = ((float[]) a.reset().observation()).clone();
        assertArrayEquals(thirdA, (float[]) b.reset().observation());
        assertFalse(Arrays.equals(nextA, thirdA), "consecutive unseeded resets gave the same start state");

        // the continuation depends on the seed of the last seeded reset
        Env<?, ?> other = REGISTRY.makeRaw(id);
        other.reset(22);
        assertFalse(Arrays.equals(nextA, (float[]) other.reset().observation()));
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void resetWithoutAnySeedUsesTheDefaultSeed(String id) {
        Env<?, ?> unseeded = REGISTRY.makeRaw(id);
        Env<?, ?> seeded = REGISTRY.makeRaw(id);

        assertArrayEquals((float[]) seeded.reset(Seeds.DEFAULT_SEED).observation(),
                (float[]) unseeded.reset().observation());
        assertArrayEquals((float[]) seeded.reset().observation(), (float[]) unseeded.reset().observation());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void flatApiGivesTheSameEpisodesAsTheGenericApi(String id) {
        Env<?, ?> generic = REGISTRY.makeRaw(id);
        FlatEnv flat = REGISTRY.makeFlat(id, java.util.Map.of());
        int size = flat.observationSize();
        int offset = 3;
        float[] buffer = new float[offset + size + 2];
        Arrays.fill(buffer, -123f);
        RandomGenerator actions = Seeds.generator(9);

        flat.resetInto(5, buffer, offset);
        assertArrayEquals((float[]) generic.reset(5).observation(), Arrays.copyOfRange(buffer, offset, offset + size));
        boolean canTerminate = !id.equals(Pendulum.ID);
        int episodes = 1;
        for (int t = 0; t < 1500; t++) {
            Object action = generic.actionSpace().sample(actions);
            if (canTerminate && t % 300 == 150) {
                // random play rarely finishes MountainCar or Acrobot: end an episode on purpose in both views
                ((Restorable) generic).restoreInternalState(terminatingState(id));
                ((Restorable) flat).restoreInternalState(terminatingState(id));
                action = terminatingAction(id);
            }
            Step<?> step = generic.stepObject(action);
            double reward;
            if (action instanceof Integer a) {
                reward = flat.stepInto(a, buffer, offset);
            } else {
                // the continuous action is read at an offset too
                float[] padded = {99f, ((float[]) action)[0]};
                reward = flat.stepInto(padded, 1, buffer, offset);
            }
            assertArrayEquals((float[]) step.observation(), Arrays.copyOfRange(buffer, offset, offset + size),
                    "step " + t);
            assertEquals(step.reward(), reward, "step " + t);
            assertEquals(step.terminated(), flat.terminated(), "step " + t);
            if (step.terminated()) {
                assertArrayEquals((float[]) generic.reset().observation(), resetInto(flat, buffer, offset, size));
                episodes++;
            }
        }
        // nothing outside [offset, offset + size) was written
        for (int i = 0; i < offset; i++) {
            assertEquals(-123f, buffer[i]);
        }
        assertEquals(-123f, buffer[offset + size]);
        assertEquals(-123f, buffer[offset + size + 1]);
        if (canTerminate) {
            assertTrue(episodes >= 6, id + " ended only " + (episodes - 1) + " episodes");
        }
    }

    private static float[] resetInto(FlatEnv flat, float[] buffer, int offset, int size) {
        flat.resetInto(buffer, offset);
        return Arrays.copyOfRange(buffer, offset, offset + size);
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void flatApiRefusesInvalidActions(String id) {
        FlatEnv flat = REGISTRY.makeFlat(id, java.util.Map.of());
        float[] obs = new float[flat.observationSize()];
        flat.resetInto(0, obs, 0);
        double[] before = ((Restorable) flat).internalState();

        if (flat.spec().actionSpace() instanceof Discrete d) {
            assertThrows(InvalidActionException.class, () -> flat.stepInto(d.n(), obs, 0));
            assertThrows(InvalidActionException.class, () -> flat.stepInto(-1, obs, 0));
            assertThrows(InvalidActionException.class, () -> flat.stepInto(new float[] {1f}, 0, obs, 0));
        } else {
            assertThrows(InvalidActionException.class, () -> flat.stepInto(new float[] {Float.NaN}, 0, obs, 0));
            assertThrows(InvalidActionException.class, () -> flat.stepInto(new float[] {1f}, 1, obs, 0));
            assertThrows(InvalidActionException.class, () -> flat.stepInto(new float[] {1f}, -1, obs, 0));
            assertThrows(InvalidActionException.class, () -> flat.stepInto(1, obs, 0));
        }
        assertArrayEquals(before, ((Restorable) flat).internalState());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void restoreInternalStateRejectsTheWrongLength(String id) {
        Restorable env = (Restorable) REGISTRY.makeRaw(id);
        int n = env.internalState().length;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.restoreInternalState(new double[n + 1]));
        assertTrue(e.getMessage().contains(id), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void internalStateIsACopy(String id) {
        Env<?, ?> env = REGISTRY.makeRaw(id);
        env.reset(0);
        double[] state = ((Restorable) env).internalState();
        double[] copy = state.clone();
        state[0] += 1.0;
        double[] given = copy.clone();
        ((Restorable) env).restoreInternalState(given);
        given[0] += 1.0;

        assertArrayEquals(copy, ((Restorable) env).internalState());
        assertNotEquals(state[0], ((Restorable) env).internalState()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {CartPole.ID, Acrobot.ID, MountainCar.ID, Pendulum.ID})
    void observationsStayInTheObservationSpaceOverLongRandomPlay(String id) {
        Env<?, ?> env = REGISTRY.makeRaw(id);
        Box space = (Box) env.observationSpace();
        RandomGenerator actions = Seeds.generator(17);
        assertTrue(space.contains((float[]) env.reset(17).observation()));
        for (int t = 0; t < 5000; t++) {
            Step<?> step = env.stepObject(env.actionSpace().sample(actions));
            assertTrue(space.contains((float[]) step.observation()), () -> Arrays.toString((float[]) step.observation()));
            if (step.terminated()) {
                assertTrue(space.contains((float[]) env.reset().observation()));
            }
        }
    }
}
