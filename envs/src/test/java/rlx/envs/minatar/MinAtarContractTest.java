package rlx.envs.minatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rlx.envs.check.EnvChecker;
import rlx.envs.core.Box;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Rng;
import rlx.envs.vector.SyncVectorEnv;

/** What every MinAtar game must do: the API contract, seeding, binary observations, sticky actions, kwargs. */
class MinAtarContractTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.standard();

    static Stream<String> games() {
        return MinAtarGames.IDS.stream();
    }

    private static MinAtarEnv make(String id, double sticky) {
        return (MinAtarEnv) REGISTRY.makeRaw(id, Map.of("sticky-action-prob", sticky));
    }

    @ParameterizedTest
    @MethodSource("games")
    void passesTheEnvChecker(String id) {
        List<String> failures = new EnvChecker(5, 11L).check(() -> REGISTRY.make(id), () -> REGISTRY.makeRaw(id));
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest
    @MethodSource("games")
    void observationsAreBinaryChannelsFirstBoardsInsideTheSpace(String id) {
        MinAtarEnv env = make(id, 0.1);
        Box box = (Box) env.spec().observationSpace();
        assertArrayEquals(new int[] {env.channels(), 10, 10}, box.shape());
        Rng actions = new Rng(1);
        float[] obs = new float[env.observationSize()];
        env.resetInto(7L, obs, 0);
        for (int t = 0; t < 3000; t++) {
            assertTrue(box.contains(obs), id + " step " + t);
            for (float v : obs) {
                assertTrue(v == 0f || v == 1f);
            }
            env.stepInto(actions.nextInt(6), obs, 0);
            if (env.terminated()) {
                env.resetInto(obs, 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("games")
    void sameSeedAndActionsGiveTheSameEpisode(String id) {
        MinAtarEnv a = make(id, 0.1);
        MinAtarEnv b = make(id, 0.1);
        b.reset(99L);
        b.step(1);
        float[] oa = new float[a.observationSize()];
        float[] ob = new float[b.observationSize()];
        a.resetInto(42L, oa, 0);
        b.resetInto(42L, ob, 0);
        Rng actions = new Rng(3);
        for (int t = 0; t < 2000 && !a.terminated(); t++) {
            int action = actions.nextInt(6);
            assertEquals(a.stepInto(action, oa, 0), b.stepInto(action, ob, 0));
            assertArrayEquals(oa, ob);
            assertEquals(a.terminated(), b.terminated());
        }
    }

    @ParameterizedTest
    @MethodSource("games")
    void stickyActionsRepeatThePreviousActionAboutOneStepInTen(String id) {
        MinAtarEnv env = make(id, 0.1);
        Rng choice = new Rng(5);
        float[] obs = new float[env.observationSize()];
        env.resetInto(1L, obs, 0);
        int steps = 100_000;
        int repeated = 0;
        for (int t = 0; t < steps; t++) {
            // always ask for an action other than the last applied one, so a repeat can only come from stickiness
            int chosen = (env.lastAction().ordinal() + 1 + choice.nextInt(5)) % 6;
            env.stepInto(chosen, obs, 0);
            repeated += env.lastAction().ordinal() != chosen ? 1 : 0;
            if (env.terminated()) {
                env.resetInto(obs, 0);
            }
        }
        double rate = repeated / (double) steps;
        assertEquals(0.1, rate, 0.005, id + " repeated " + rate);
    }

    @ParameterizedTest
    @MethodSource("games")
    void withoutStickinessTheChosenActionIsAlwaysApplied(String id) {
        MinAtarEnv env = make(id, 0.0);
        Rng choice = new Rng(5);
        env.reset(1L);
        for (int t = 0; t < 1000 && !env.terminated(); t++) {
            int chosen = choice.nextInt(6);
            env.step(chosen);
            assertEquals(chosen, env.lastAction().ordinal());
        }
    }

    @ParameterizedTest
    @MethodSource("games")
    void kwargsSelectTheMinimalActionSetAndRejectUnknownKeys(String id) {
        MinAtarEnv full = (MinAtarEnv) REGISTRY.makeRaw(id);
        assertEquals("Discrete(6)", full.spec().actionSpace().toString());
        assertEquals(0.1, full.spec().kwargs().get("sticky-action-prob"));
        MinAtarEnv minimal = (MinAtarEnv) REGISTRY.makeRaw(id, Map.of("minimal-actions", "true"));
        assertTrue(minimal.spec().actionSpace().toString().matches("Discrete\\([3-6]\\)"));
        assertEquals(Action.NOOP, minimal.action(0));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.makeRaw(id, Map.of("frameskip", 4)));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.makeRaw(id, Map.of("sticky-action-prob", 1.5)));
    }

    @ParameterizedTest
    @MethodSource("games")
    void vectorisesWithoutAllocatingPerStep(String id) {
        SyncVectorEnv vec = SyncVectorEnv.make(REGISTRY, id, Map.of(), 8);
        vec.reset(3L);
        int[] actions = new int[8];
        Rng rng = new Rng(2);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int t = 0; t < 20_000; t++) { // warm up
            for (int i = 0; i < 8; i++) {
                actions[i] = rng.nextInt(6);
            }
            vec.step(actions);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int t = 0; t < 20_000; t++) {
            for (int i = 0; i < 8; i++) {
                actions[i] = rng.nextInt(6);
            }
            vec.step(actions);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, id + " allocated " + allocated + " bytes over 160k env steps");
    }
}
