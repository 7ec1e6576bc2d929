package rlx.envs.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Discrete;
import rlx.envs.core.Env;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.InvalidActionException;
import rlx.envs.core.Reset;
import rlx.envs.core.Step;

class TimeLimitTest {

    /** Observes the step count; terminates on step {@code terminateAt} (never if 0); no episode checks of its own. */
    static final class CountingEnv implements Env<Integer, Integer> {
        private final int terminateAt;
        final List<Integer> actions = new ArrayList<>();
        int t;
        int resets;

        CountingEnv(int terminateAt) {
            this.terminateAt = terminateAt;
        }

        @Override
        public EnvSpec spec() {
            return new EnvSpec("test/Counting-v0", new Discrete(1000), new Discrete(2), 0, OptionalDouble.empty(),
                    Map.of());
        }

        @Override
        public Reset<Integer> reset(long seed) {
            return reset();
        }

        @Override
        public Reset<Integer> reset() {
            t = 0;
            resets++;
            return Reset.of(0);
        }

        @Override
        public Step<Integer> step(Integer action) {
            actions.add(action);
            t++;
            return new Step<>(t, 1.0, t == terminateAt, false, Map.of());
        }
    }

    @Test
    void truncatesExactlyAtTheLimit() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnv(0), 3);
        env.reset(0);

        Step<Integer> first = env.step(0);
        Step<Integer> second = env.step(0);
        Step<Integer> third = env.step(0);

        assertFalse(first.truncated());
        assertFalse(second.truncated());
        assertTrue(third.truncated());
        assertFalse(third.terminated());
        assertEquals(3, third.observation());
        assertEquals(1.0, third.reward());
        assertEquals(3, env.elapsedSteps());
    }

    @Test
    void reportsTerminatedAndTruncatedTogetherWhenBothHappenOnTheLastStep() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnv(3), 3);
        env.reset(0);
        env.step(0);
        env.step(0);

        Step<Integer> last = env.step(0);

        assertTrue(last.terminated());
        assertTrue(last.truncated());
    }

    @Test
    void aTerminationBeforeTheLimitIsNotATruncation() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnv(2), 3);
        env.reset(0);
        env.step(0);

        Step<Integer> last = env.step(0);

        assertTrue(last.terminated());
        assertFalse(last.truncated());
    }

    @Test
    void refusesToStepAfterTruncation() {
        CountingEnv inner = new CountingEnv(0);
        TimeLimit<Integer, Integer> env = new TimeLimit<>(inner, 2);
        env.reset(0);
        env.step(0);
        env.step(0);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));

        assertTrue(e.getMessage().contains("test/Counting-v0"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        assertEquals(2, inner.actions.size(), "the refused step reached the env");
    }

    @Test
    void refusesToStepAfterTerminationEvenIfTheEnvWouldAllowIt() {
        CountingEnv inner = new CountingEnv(1);
        TimeLimit<Integer, Integer> env = new TimeLimit<>(inner, 5);
        env.reset(0);
        env.step(0);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertEquals(1, inner.actions.size());
        assertTrue(e.getMessage().contains("test/Counting-v0"), e.getMessage());
        assertTrue(e.getMessage().contains("terminated"), e.getMessage());
        assertFalse(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void refusesToStepBeforeReset() {
        CountingEnv inner = new CountingEnv(0);
        TimeLimit<Integer, Integer> env = new TimeLimit<>(inner, 5);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));

        assertTrue(e.getMessage().contains("test/Counting-v0"), e.getMessage());
        assertTrue(e.getMessage().contains("before reset"), e.getMessage());
        assertFalse(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(inner.actions.isEmpty());
    }

    @Test
    void elapsedStepsStartAgainOnEveryReset() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnv(0), 3);
        env.reset(0);
        env.step(0);
        env.step(0);
        assertEquals(2, env.elapsedSteps());

        env.reset();
        assertEquals(0, env.elapsedSteps());
        env.step(0);
        env.step(0);
        assertTrue(env.step(0).truncated());

        env.reset(9);
        assertEquals(0, env.elapsedSteps());
        assertFalse(env.step(0).truncated());
        assertFalse(env.step(0).truncated());
        assertTrue(env.step(0).truncated());
    }

    @Test
    void aResetInTheMiddleOfAnEpisodeGivesAFullNewBudget() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new CountingEnv(0), 2);
        env.reset(0);
        env.step(0);
        env.reset(0);

        assertFalse(env.step(0).truncated());
        assertTrue(env.step(0).truncated());
    }

    @Test
    void aRefusedInvalidActionDoesNotUseUpTheBudget() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new PassiveChecks<>(new CountingEnv(0)), 2);
        env.reset(0);

        assertThrows(InvalidActionException.class, () -> env.step(5));
        assertThrows(InvalidActionException.class, () -> env.stepObject("0"));
        assertEquals(0, env.elapsedSteps());
        assertFalse(env.step(1).truncated());
        assertTrue(env.step(1).truncated());
    }

    @Test
    void specReportsTheLimitAndPassesTheRestThrough() {
        CountingEnv inner = new CountingEnv(0);
        TimeLimit<Integer, Integer> env = new TimeLimit<>(inner, 7);

        assertEquals(7, env.spec().maxEpisodeSteps());
        assertTrue(env.spec().hasTimeLimit());
        assertEquals(inner.spec().id(), env.spec().id());
        assertEquals(inner.spec().actionSpace(), env.actionSpace());
        assertEquals(inner.spec().observationSpace(), env.observationSpace());
        assertSame(inner, env.unwrapped());
    }

    @Test
    void resetsAndActionsAreForwarded() {
        CountingEnv inner = new CountingEnv(0);
        TimeLimit<Integer, Integer> env = new TimeLimit<>(inner, 7);

        env.reset(3);
        env.step(1);
        env.step(0);
        env.reset();

        assertEquals(2, inner.resets);
        assertEquals(List.of(1, 0), inner.actions);
    }

    @Test
    void rejectsANonPositiveLimit() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new TimeLimit<>(new CountingEnv(0), 0));
        assertTrue(zero.getMessage().contains("(0)"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit<>(new CountingEnv(0), -1));
    }
}
