package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Space;
import rlx.envs.core.Step;

class PassiveChecksTest {

    /** Accepts anything and records what it was given. */
    static final class RecordingEnv<A> implements Env<Integer, A> {
        private final Space<A> actions;
        final List<A> received = new ArrayList<>();

        RecordingEnv(Space<A> actions) {
            this.actions = actions;
        }

        @Override
        public EnvSpec spec() {
            return new EnvSpec("test/Recording-v0", new Discrete(1), actions, 0, OptionalDouble.empty(), Map.of());
        }

        @Override
        public Reset<Integer> reset(long seed) {
            return Reset.of(0);
        }

        @Override
        public Reset<Integer> reset() {
            return Reset.of(0);
        }

        @Override
        public Step<Integer> step(A action) {
            received.add(action);
            return new Step<>(0, 0.0, false, false, Map.of());
        }
    }

    @Test
    void passesValidDiscreteActionsThrough() {
        RecordingEnv<Integer> inner = new RecordingEnv<>(new Discrete(3, -1));
        PassiveChecks<Integer, Integer> env = new PassiveChecks<>(inner);

        env.step(-1);
        env.step(1);
        env.stepObject(0);

        assertEquals(List.of(-1, 1, 0), inner.received);
    }

    @Test
    void rejectsOutOfRangeDiscreteActionsBeforeTheEnvSeesThem() {
        RecordingEnv<Integer> inner = new RecordingEnv<>(new Discrete(3, -1));
        PassiveChecks<Integer, Integer> env = new PassiveChecks<>(inner);

        InvalidActionException high = assertThrows(InvalidActionException.class, () -> env.step(2));
        assertThrows(InvalidActionException.class, () -> env.step(-2));
        assertThrows(InvalidActionException.class, () -> env.step(null));

        assertTrue(high.getMessage().contains("invalid action 2"), high.getMessage());
        assertTrue(high.getMessage().contains("Discrete(3, start=-1)"), high.getMessage());
        assertTrue(inner.received.isEmpty());
    }

    @Test
    void rejectsBoxActionsOutOfRangeWithNanOrOfTheWrongLength() {
        RecordingEnv<float[]> inner = new RecordingEnv<>(Box.uniform(-2f, 2f, 2));
        PassiveChecks<Integer, float[]> env = new PassiveChecks<>(inner);

        InvalidActionException range = assertThrows(InvalidActionException.class,
                () -> env.step(new float[] {0f, 2.5f}));
        assertTrue(range.getMessage().contains("[0.0, 2.5]"), range.getMessage());
        assertTrue(range.getMessage().contains("Box(-2.0, 2.0, [2], float32)"), range.getMessage());
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN, 0f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NEGATIVE_INFINITY, 0f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f, 0f, 0f}));
        assertTrue(inner.received.isEmpty());

        float[] edge = {-2f, 2f};
        env.step(edge);
        assertSame(edge, inner.received.get(0));
        assertArrayEquals(new float[] {-2f, 2f}, inner.received.get(0));
    }

    @Test
    void rejectsActionsOfTheWrongTypeThroughStepObject() {
        RecordingEnv<float[]> inner = new RecordingEnv<>(Box.uniform(-2f, 2f, 1));
        PassiveChecks<Integer, float[]> env = new PassiveChecks<>(inner);

        assertThrows(InvalidActionException.class, () -> env.stepObject(1));
        assertThrows(InvalidActionException.class, () -> env.stepObject(new double[] {1.0}));
        assertThrows(InvalidActionException.class, () -> env.stepObject(null));
        assertTrue(inner.received.isEmpty());
    }

    @Test
    void forwardsSpecAndUnwrapped() {
        RecordingEnv<Integer> inner = new RecordingEnv<>(new Discrete(2));
        PassiveChecks<Integer, Integer> env = new PassiveChecks<>(inner);

        assertEquals(inner.spec(), env.spec());
        assertSame(inner, env.unwrapped());
    }
}
