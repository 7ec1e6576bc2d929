package rlx.envs.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.space.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.cpu.nativecpu.CpuBackend;
import org.nd4j.linalg.factory.Nd4j;
import rlx.envs.classic.CartPole;
import rlx.envs.core.Env;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Seeds;
import rlx.envs.core.Step;
import rlx.envs.wrappers.TimeLimit;

class Rl4jMdpTest {

    private static final long SEED = 7;

    @Test
    void observationsAreNativeNd4jArraysHoldingTheRlxObservationExactly() {
        Rl4jMdp mdp = Rl4jMdp.make("CartPole-v1", SEED);
        Box box = mdp.reset();
        INDArray data = box.getData();

        assertTrue(Nd4j.getBackend() instanceof CpuBackend, "ND4J backend: " + Nd4j.getBackend());
        assertEquals(DataType.DOUBLE, data.dataType());
        assertArrayEquals(new long[] {4}, data.shape());
        float[] expected = (float[]) EnvRegistry.standard().make("CartPole-v1").reset(SEED).observation();
        assertArrayEquals(widen(expected), data.toDoubleVector());
        assertArrayEquals(widen(expected), box.toArray());
        // native arithmetic on the observation works, not just storage
        assertEquals(sum(expected), data.sumNumber().doubleValue(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"CartPole-v1, 6", "Acrobot-v1, 3"})
    void rl4jSeesExactlyTheRlxTrajectory(String id, int episodes) {
        Rl4jMdp mdp = Rl4jMdp.make(id, SEED);
        @SuppressWarnings("unchecked")
        Env<float[], Integer> env = (Env<float[], Integer>) EnvRegistry.standard().make(id);
        int n = mdp.getActionSpace().getSize();
        RandomGenerator actions = Seeds.generator(99);
        boolean sawTermination = false;
        boolean sawTruncation = false;
        int steps = 0;

        for (int episode = 0; episode < episodes; episode++) {
            float[] expectedStart = episode == 0 ? env.reset(SEED).observation() : env.reset().observation();
            assertArrayEquals(widen(expectedStart), mdp.reset().toArray(), id + " episode " + episode + " reset");
            assertFalse(mdp.isDone());
            while (true) {
                int action = actions.nextInt(n);
                Step<float[]> expected = env.step(action);
                StepReply<Box> reply = mdp.step(action);
                steps++;
                String where = id + " episode " + episode + " step " + steps;
                assertArrayEquals(widen(expected.observation()), reply.getObservation().toArray(), where);
                assertEquals(expected.reward(), reply.getReward(), where);
                assertEquals(expected.done(), reply.isDone(), where);
                assertEquals(expected.done(), mdp.isDone(), where);
                assertEquals(expected.terminated(), mdp.terminated(), where);
                assertEquals(expected.truncated(), mdp.truncated(), where);
                assertEquals(expected.info(), reply.getInfo(), where);
                if (expected.done()) {
                    sawTermination |= expected.terminated();
                    sawTruncation |= expected.truncated();
                    break;
                }
            }
        }
        // CartPole under random actions falls over; Acrobot under random actions hits the 500-step limit
        assertTrue(id.startsWith("CartPole") ? sawTermination : sawTruncation, id + ": episode end not exercised");
    }

    @Test
    void truncationEndsTheRl4jEpisodeButStaysDistinguishable() {
        Rl4jMdp mdp = new Rl4jMdp(() -> new TimeLimit<>(new CartPole(), 3), SEED);
        mdp.reset();
        assertFalse(mdp.step(0).isDone());
        assertFalse(mdp.step(1).isDone());
        StepReply<Box> last = mdp.step(0);

        assertTrue(last.isDone());
        assertTrue(mdp.isDone());
        assertTrue(mdp.truncated());
        assertFalse(mdp.terminated());
        mdp.reset();
        assertFalse(mdp.isDone());
        assertFalse(mdp.truncated());
    }

    @Test
    void laterResetsContinueTheGeneratorInsteadOfReseeding() {
        Rl4jMdp mdp = Rl4jMdp.make("CartPole-v1", SEED);
        double[] first = mdp.reset().toArray();
        double[] second = mdp.reset().toArray();

        assertFalse(Arrays.equals(first, second), "the second reset reused the seed");
        Env<?, ?> env = EnvRegistry.standard().make("CartPole-v1");
        env.reset(SEED);
        assertArrayEquals(widen((float[]) env.reset().observation()), second);
    }

    @Test
    void newInstanceIsAnIndependentEnvWithADerivedSeed() {
        Rl4jMdp mdp = Rl4jMdp.make("CartPole-v1", SEED);
        Rl4jMdp copy0 = mdp.newInstance();
        Rl4jMdp copy1 = mdp.newInstance();

        assertEquals(Seeds.derive(SEED, 0), copy0.seed());
        assertEquals(Seeds.derive(SEED, 1), copy1.seed());
        assertNotSame(mdp.env(), copy0.env());
        assertNotSame(copy0.env(), copy1.env());
        assertEquals(mdp.getActionSpace().getSize(), copy0.getActionSpace().getSize());
        assertArrayEquals(mdp.getObservationSpace().getShape(), copy0.getObservationSpace().getShape());

        // interleave the copy's steps with the original's: the original still follows the rlx env
        @SuppressWarnings("unchecked")
        Env<float[], Integer> reference = (Env<float[], Integer>) EnvRegistry.standard().make("CartPole-v1");
        assertArrayEquals(widen(reference.reset(SEED).observation()), mdp.reset().toArray());
        double[] copyStart = copy0.reset().toArray();
        for (int t = 0; t < 5; t++) {
            copy0.step(1);
            assertArrayEquals(widen(reference.step(0).observation()), mdp.step(0).getObservation().toArray());
        }

        Env<?, ?> seededAsCopy = EnvRegistry.standard().make("CartPole-v1");
        assertArrayEquals(widen((float[]) seededAsCopy.reset(Seeds.derive(SEED, 0)).observation()), copyStart);
        assertFalse(Arrays.equals(copyStart, copy1.reset().toArray()), "two copies share a seed");
    }

    @Test
    void randomActionsComeFromTheMdpsOwnSeededGenerator() {
        List<Integer> a = randomActions(Rl4jMdp.make("Acrobot-v1", SEED), 50);
        List<Integer> b = randomActions(Rl4jMdp.make("Acrobot-v1", SEED), 50);
        List<Integer> copy = randomActions(Rl4jMdp.make("Acrobot-v1", SEED).newInstance(), 50);

        assertEquals(a, b);
        assertNotEquals(a, copy);
        assertTrue(a.stream().allMatch(x -> x >= 0 && x < 3), a.toString());
        assertEquals(3, a.stream().distinct().count(), a.toString());
    }

    @Test
    void invalidActionsFailClearlyAndLeaveTheEnvUntouched() {
        Rl4jMdp mdp = Rl4jMdp.make("CartPole-v1", SEED);
        @SuppressWarnings("unchecked")
        Env<float[], Integer> reference = (Env<float[], Integer>) EnvRegistry.standard().make("CartPole-v1");
        reference.reset(SEED);
        mdp.reset();

        InvalidActionException e = assertThrows(InvalidActionException.class, () -> mdp.step(2));
        assertEquals("invalid action 2: not in action space Discrete(2)", e.getMessage());
        assertThrows(InvalidActionException.class, () -> mdp.step(-1));
        assertThrows(InvalidActionException.class, () -> mdp.step(null));

        assertArrayEquals(widen(reference.step(1).observation()), mdp.step(1).getObservation().toArray());
    }

    @Test
    void stepOutsideAnEpisodeFailsClearly() {
        Rl4jMdp mdp = Rl4jMdp.make("CartPole-v1", SEED);
        IllegalStateException before = assertThrows(IllegalStateException.class, () -> mdp.step(0));
        assertTrue(before.getMessage().contains("before reset()"), before.getMessage());

        mdp.reset();
        while (!mdp.step(1).isDone()) {
            // pushing right only topples the pole within a few dozen steps
        }
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> mdp.step(0));
        assertTrue(after.getMessage().contains("after the episode ended"), after.getMessage());
        assertTrue(after.getMessage().contains("CartPole-v1"), after.getMessage());
    }

    @Test
    void observationSpaceCarriesTheRlxShapeAndBounds() {
        Rl4jObservationSpace space = Rl4jMdp.make("CartPole-v1", SEED).getObservationSpace();
        rlx.envs.core.Box rlxBox = (rlx.envs.core.Box) EnvRegistry.standard().spec("CartPole-v1").observationSpace();

        assertEquals("CartPole-v1", space.getName());
        assertArrayEquals(new int[] {4}, space.getShape());
        assertArrayEquals(widen(rlxBox.low()), space.getLow().toDoubleVector());
        assertArrayEquals(widen(rlxBox.high()), space.getHigh().toDoubleVector());
        assertEquals(Double.POSITIVE_INFINITY, space.getHigh().getDouble(1));
        space.getLow().assign(0); // a caller's change must not reach the space
        assertEquals(-rlxBox.high(0), space.getLow().getDouble(0));
    }

    @Test
    void rejectsEnvsWhoseActionsAreNotDiscrete() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Rl4jMdp.make("Pendulum-v1", SEED));
        assertTrue(e.getMessage().contains("Pendulum-v1") && e.getMessage().contains("Discrete action space"),
                e.getMessage());
    }

    @Test
    void discreteObservationsBecomeOneHotAndActionsAreShiftedByTheSpaceStart() {
        Rl4jMdp mdp = new Rl4jMdp(LineWalk::new, SEED);
        LineWalk env = new LineWalk();
        Rl4jObservationSpace space = mdp.getObservationSpace();

        assertArrayEquals(new int[] {5}, space.getShape());
        assertArrayEquals(new double[5], space.getLow().toDoubleVector());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, space.getHigh().toDoubleVector());
        assertEquals(3, mdp.getActionSpace().getSize());

        assertArrayEquals(oneHot(env.reset(SEED).observation()), mdp.reset().toArray());
        int[] rl4jActions = {2, 1, 0, 2, 2, 2, 2, 2};
        for (int a : rl4jActions) {
            Step<Integer> expected = env.step(a - 1); // RL4J 0, 1, 2 are LineWalk's -1, 0, +1
            StepReply<Box> reply = mdp.step(a);
            assertArrayEquals(oneHot(expected.observation()), reply.getObservation().toArray());
            assertEquals(expected.reward(), reply.getReward());
            assertEquals(expected.terminated(), reply.isDone());
            if (expected.done()) {
                return;
            }
        }
        throw new AssertionError("LineWalk never reached position 5");
    }

    private static List<Integer> randomActions(Rl4jMdp mdp, int n) {
        List<Integer> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            actions.add(mdp.getActionSpace().randomAction());
        }
        return actions;
    }

    static double[] oneHot(int position) {
        double[] v = new double[5];
        v[position - 1] = 1.0;
        return v;
    }

    static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
