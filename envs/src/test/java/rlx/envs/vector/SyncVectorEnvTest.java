package rlx.envs.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

class SyncVectorEnvTest {

    private static final EnvRegistry REGISTRY = EnvRegistry.standard();

    /** The vector env against N independently driven envs with Gymnasium's wrappers: identical at every step. */
    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "Acrobot-v1"})
    void matchesAPlainLoopOverWrappedEnvs(String id) {
        int n = 6;
        long root = 42;
        SyncVectorEnv venv = SyncVectorEnv.make(id, n);
        venv.reset(root);
        List<Env<float[], Integer>> plain = new ArrayList<>();
        float[][] plainObs = new float[n][];
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            Env<float[], Integer> env = (Env<float[], Integer>) REGISTRY.make(id);
            plain.add(env);
            plainObs[i] = env.reset(Seeds.derive(root, i)).observation();
            assertArrayEquals(plainObs[i], copyObs(venv.observations(), i, venv.observationSize()));
        }
        SplittableRandom rng = new SplittableRandom(7);
        int[] actions = new int[n];
        int episodesSeen = 0;
        for (int t = 0; t < 1200; t++) {
            for (int i = 0; i < n; i++) {
                actions[i] = rng.nextInt(((rlx.envs.core.Discrete) venv.spec().actionSpace()).n());
            }
            venv.step(actions);
            for (int i = 0; i < n; i++) {
                Step<float[]> s = plain.get(i).step(actions[i]);
                String where = id + " copy " + i + " step " + t;
                assertEquals(s.reward(), venv.rewards()[i], where);
                assertEquals(s.terminated(), venv.terminated()[i], where);
                assertEquals(s.truncated(), venv.truncated()[i], where);
                if (s.done()) {
                    episodesSeen++;
                    assertArrayEquals(s.observation(), copyObs(venv.finalObservations(), i, venv.observationSize()), where);
                    plainObs[i] = plain.get(i).reset().observation();
                } else {
                    plainObs[i] = s.observation();
                }
                assertArrayEquals(plainObs[i], copyObs(venv.observations(), i, venv.observationSize()), where);
            }
        }
        assertTrue(episodesSeen > 0, "the comparison must cross episode boundaries");
        assertEquals(1200L * n, venv.totalSteps());
        assertEquals(episodesSeen, venv.totalEpisodes());
    }

    @Test
    void truncatesExactlyAtTheTimeLimit() {
        SyncVectorEnv venv = SyncVectorEnv.make("MountainCar-v0", 3);
        venv.reset(1);
        int[] noop = {1, 1, 1}; // pushing nowhere never reaches the goal
        for (int t = 1; t <= 400; t++) {
            venv.step(noop);
            for (int i = 0; i < 3; i++) {
                assertFalse(venv.terminated()[i]);
                assertEquals(t % 200 == 0, venv.truncated()[i], "step " + t);
                if (venv.truncated()[i]) {
                    assertEquals(200, venv.finishedLength(i));
                    assertEquals(-200.0, venv.finishedReturn(i));
                }
            }
        }
        assertEquals(6, venv.totalEpisodes());
    }

    @Test
    void finishedReturnIsTheSumOfTheEpisodesRewards() {
        SyncVectorEnv venv = SyncVectorEnv.make("CartPole-v1", 4);
        venv.reset(3);
        double[] running = new double[4];
        int[] lengths = new int[4];
        int[] actions = new int[4];
        int checked = 0;
        for (int t = 0; t < 500; t++) {
            Arrays.fill(actions, t % 3 == 0 ? 0 : 1);
            venv.step(actions);
            for (int i = 0; i < 4; i++) {
                running[i] += venv.rewards()[i];
                lengths[i]++;
                if (venv.done(i)) {
                    assertEquals(running[i], venv.finishedReturn(i));
                    assertEquals(lengths[i], venv.finishedLength(i));
                    running[i] = 0;
                    lengths[i] = 0;
                    checked++;
                }
            }
        }
        assertTrue(checked > 4);
    }

    @Test
    void copiesGetDistinctDerivedSeedsAndTheRootSeedReproduces() {
        SyncVectorEnv a = SyncVectorEnv.make("CartPole-v1", 8);
        SyncVectorEnv b = SyncVectorEnv.make("CartPole-v1", 8);
        a.reset(11);
        b.reset(11);
        assertArrayEquals(a.observations(), b.observations());
        for (int i = 1; i < 8; i++) {
            assertFalse(Arrays.equals(copyObs(a.observations(), 0, 4), copyObs(a.observations(), i, 4)));
        }
        b.reset(12);
        assertNotEquals(Arrays.toString(a.observations()), Arrays.toString(b.observations()));
    }

    @Test
    void continuousActionsAreReadPerCopy() {
        SyncVectorEnv venv = SyncVectorEnv.make("Pendulum-v1", 2);
        venv.reset(5);
        @SuppressWarnings("unchecked")
        Env<float[], float[]> single = (Env<float[], float[]>) REGISTRY.makeRaw("Pendulum-v1");
        single.reset(Seeds.derive(5, 1));
        venv.step(new float[] {-2f, 1.5f});
        Step<float[]> s = single.step(new float[] {1.5f});
        assertArrayEquals(s.observation(), copyObs(venv.observations(), 1, 3));
        assertEquals(s.reward(), venv.rewards()[1]);
    }

    @Test
    void rejectsBadCalls() {
        SyncVectorEnv venv = SyncVectorEnv.make("CartPole-v1", 2);
        assertThrows(IllegalStateException.class, () -> venv.step(new int[] {0, 1}));
        venv.reset(0);
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> venv.step(new int[] {0}));
        assertTrue(wrongLength.getMessage().contains("needs 2 action values"), wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> venv.step(new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> SyncVectorEnv.make("CartPole-v1", 0));
    }

    /** The vector path must not allocate per step: measured with the JVM's per-thread allocation counter. */
    @Test
    void steppingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String id : List.of("CartPole-v1", "Acrobot-v1", "MountainCar-v0")) {
            SyncVectorEnv venv = SyncVectorEnv.make(id, 64);
            venv.reset(0);
            int[] actions = new int[64];
            runSteps(venv, actions, 20_000); // let the JIT settle
            long before = threads.getCurrentThreadAllocatedBytes();
            runSteps(venv, actions, 20_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // 1.28M env steps: anything but a stray few bytes means the step path allocates
            assertTrue(allocated < 1024, id + " allocated " + allocated + " bytes over 1.28M env steps");
        }
    }

    private static void runSteps(SyncVectorEnv venv, int[] actions, int calls) {
        for (int t = 0; t < calls; t++) {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = (t + i) % 2;
            }
            venv.step(actions);
        }
    }

    private static float[] copyObs(float[] batch, int i, int size) {
        return Arrays.copyOfRange(batch, i * size, (i + 1) * size);
    }
}
