package rlx.envs.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;

class Rl4jEnvTest {

    private static final long SEED = 3;

    @ParameterizedTest
    @CsvSource({"CartPole-v1, 6", "Acrobot-v1, 2"})
    void rlxEnvRoundTripsThroughRl4j(String id, int episodes) {
        @SuppressWarnings("unchecked")
        Env<float[], Integer> env = (Env<float[], Integer>) EnvRegistry.standard().make(id);
        Rl4jEnv roundTrip = new Rl4jEnv(Rl4jMdp.make(id, SEED), id);

        assertEquals(env.observationSpace(), roundTrip.observationSpace());
        assertEquals(env.actionSpace(), roundTrip.actionSpace());
        assertEquals(id, roundTrip.spec().id());
        RandomGenerator actions = Seeds.generator(5);
        int n = ((Discrete) env.actionSpace()).n();
        for (int episode = 0; episode < episodes; episode++) {
            // the round trip cannot pass a seed on: its MDP was seeded at construction
            Reset<float[]> expectedStart = episode == 0 ? env.reset(SEED) : env.reset();
            assertArrayEquals(expectedStart.observation(), roundTrip.reset(12345).observation());
            Step<float[]> expected;
            do {
                int action = actions.nextInt(n);
                expected = env.step(action);
                Step<float[]> actual = roundTrip.step(action);
                assertArrayEquals(expected.observation(), actual.observation());
                assertEquals(expected.reward(), actual.reward());
                // RL4J knows only "done": a time limit comes back as a termination
                assertEquals(expected.done(), actual.terminated());
                assertFalse(actual.truncated());
                assertEquals(expected.info(), actual.info());
            } while (!expected.done());
        }
    }

    @Test
    void discreteObservationsRoundTripAsOneHotFloats() {
        Rl4jEnv roundTrip = new Rl4jEnv(new Rl4jMdp(LineWalk::new, SEED));
        LineWalk env = new LineWalk();

        assertEquals(rlx.envs.core.Box.uniform(0, 1, 5), roundTrip.observationSpace());
        assertEquals(new Discrete(3), roundTrip.actionSpace());
        assertArrayEquals(oneHot(env.reset(SEED).observation()), roundTrip.reset().observation());
        Step<Integer> expected;
        do {
            expected = env.step(1);
            Step<float[]> actual = roundTrip.step(2);
            assertArrayEquals(oneHot(expected.observation()), actual.observation());
            assertEquals(expected.reward(), actual.reward());
            assertEquals(expected.terminated(), actual.terminated());
            assertEquals(Map.of("position", expected.observation()), actual.info());
        } while (!expected.done());
    }

    @Test
    void anRl4jMdpRunsAsAnRlxEnv() {
        CorridorMdp direct = new CorridorMdp(SEED);
        Rl4jEnv env = new Rl4jEnv(new CorridorMdp(SEED));

        assertEquals("rl4j/CorridorMdp", env.spec().id());
        assertEquals(new Discrete(3), env.actionSpace());
        assertFalse(env.spec().hasTimeLimit());
        // ArrayObservationSpace reports one-element zero bounds: unknown, so unbounded
        assertEquals(rlx.envs.core.Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 2),
                env.observationSpace());

        for (int episode = 0; episode < 3; episode++) {
            assertArrayEquals(floats(direct.reset()), env.reset().observation());
            int steps = 0;
            StepReply<Box> expected;
            do {
                int action = steps % 3 == 1 ? 0 : 2; // right, left, right, right, left, ...
                expected = direct.step(action);
                Step<float[]> actual = env.step(action);
                steps++;
                assertArrayEquals(floats(expected.getObservation()), actual.observation());
                assertEquals(expected.getReward(), actual.reward());
                assertEquals(expected.isDone(), actual.terminated());
                assertFalse(actual.truncated());
                assertEquals(Map.of(Rl4jEnv.INFO_KEY, expected.getInfo()), actual.info());
            } while (!expected.isDone());
            assertEquals(1.0, expected.getReward());
            assertTrue(steps >= 2, "the corridor cannot be crossed in " + steps + " steps");
        }
    }

    @Test
    void rl4jBoundsAreUsedOnlyWhenTheyCarryInformation() {
        rlx.envs.core.Box unbounded1 = rlx.envs.core.Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1);
        // one element: ArrayObservationSpace's placeholder bounds fit the shape but are [0, 0]
        assertEquals(unbounded1, Rl4jEnv.box(new ArrayObservationSpace<>(new int[] {1})));
        assertEquals(unbounded1, Rl4jEnv.box(new FixedSpace(new int[] {1}, new double[] {1}, new double[] {0})));
        assertEquals(unbounded1, Rl4jEnv.box(new FixedSpace(new int[] {1}, new double[] {Double.NaN},
                new double[] {1})));
        assertEquals(new rlx.envs.core.Box(new float[] {-1, 0, 0, 0, 0, 0}, new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
                Rl4jEnv.box(new FixedSpace(new int[] {2, 3}, new double[] {-1, 0, 0, 0, 0, 0},
                        new double[] {1, 2, 3, 4, 5, 6})));
    }

    /** An RL4J observation space with explicit bounds. */
    private record FixedSpace(int[] shape, double[] low, double[] high) implements ObservationSpace<Box> {

        @Override
        public String getName() {
            return "fixed";
        }

        @Override
        public int[] getShape() {
            return shape;
        }

        @Override
        public INDArray getLow() {
            return Nd4j.create(low).reshape(shape);
        }

        @Override
        public INDArray getHigh() {
            return Nd4j.create(high).reshape(shape);
        }
    }

    @Test
    void invalidActionsFailClearlyBeforeReachingTheMdp() {
        CorridorMdp mdp = new CorridorMdp(SEED);
        Rl4jEnv env = new Rl4jEnv(mdp);
        env.reset();

        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(3));
        assertEquals("invalid action 3: not in action space Discrete(3)", e.getMessage());
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        assertThrows(InvalidActionException.class, () -> env.step(null));
        assertThrows(InvalidActionException.class, () -> env.stepObject(1.0));
        assertEquals(0, mdp.totalSteps());
    }

    @Test
    void stepOutsideAnEpisodeFailsClearlyBeforeReachingTheMdp() {
        CorridorMdp mdp = new CorridorMdp(SEED);
        Rl4jEnv env = new Rl4jEnv(mdp);

        IllegalStateException before = assertThrows(IllegalStateException.class, () -> env.step(2));
        assertTrue(before.getMessage().contains("before reset()"), before.getMessage());
        assertEquals(0, mdp.totalSteps());

        env.reset();
        int steps = 0;
        while (!env.step(2).terminated()) {
            steps++;
        }
        int reached = mdp.totalSteps();
        assertEquals(steps + 1, reached);
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> env.step(2));
        assertTrue(after.getMessage().contains("after the episode terminated")
                && after.getMessage().contains("rl4j/CorridorMdp"), after.getMessage());
        assertEquals(reached, mdp.totalSteps());
    }

    @Test
    void resetWithASeedBehavesAsResetBecauseRl4jMdpsCannotBeReseeded() {
        CorridorMdp direct = new CorridorMdp(SEED);
        Rl4jEnv env = new Rl4jEnv(new CorridorMdp(SEED));
        Set<Float> starts = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            float[] start = env.reset(i % 2 == 0 ? 1 : i).observation();
            assertArrayEquals(floats(direct.reset()), start, "reset " + i);
            starts.add(start[0]);
        }
        assertTrue(starts.size() > 1, "the MDP's starts never varied: " + starts);
    }

    @Test
    void closeClosesTheMdp() {
        CorridorMdp mdp = new CorridorMdp(SEED);
        new Rl4jEnv(mdp).close();
        assertTrue(mdp.closed());
    }

    private static float[] floats(Box box) {
        double[] d = box.toArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static float[] oneHot(int position) {
        float[] v = new float[5];
        v[position - 1] = 1f;
        return v;
    }
}
