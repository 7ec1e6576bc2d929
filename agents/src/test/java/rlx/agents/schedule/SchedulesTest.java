package rlx.agents.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SchedulesTest {

    @Test
    void linearDecreasesThenHoldsTheEnd() {
        // CleanRL's DQN defaults: epsilon 1 -> 0.05 over 0.5 * 500,000 steps.
        Schedule epsilon = new LinearSchedule(1.0, 0.05, 250_000);
        assertEquals(1.0, epsilon.valueAt(0));
        assertEquals(0.525, epsilon.valueAt(125_000), 1e-12);
        assertEquals(1.0 - 0.95 * 0.1, epsilon.valueAt(25_000), 1e-12);
        assertEquals(0.05, epsilon.valueAt(250_000));
        assertEquals(0.05, epsilon.valueAt(250_001));
        assertEquals(0.05, epsilon.valueAt(Long.MAX_VALUE));
    }

    @Test
    void linearIncreasingHoldsTheEndToo() {
        // PER's beta 0.4 -> 1; CleanRL's max(slope * t + start, end) would give 1 from step 0 here.
        Schedule beta = new LinearSchedule(0.4, 1.0, 600);
        assertEquals(0.4, beta.valueAt(0));
        assertEquals(0.7, beta.valueAt(300), 1e-12);
        assertEquals(1.0, beta.valueAt(600));
        assertEquals(1.0, beta.valueAt(1_000_000));
    }

    @Test
    void linearWithZeroDurationIsTheEndFromTheStart() {
        Schedule s = new LinearSchedule(1.0, 0.1, 0);
        assertEquals(0.1, s.valueAt(0));
        assertEquals(0.1, s.valueAt(10));
    }

    @Test
    void exponentialHalvesTheGapEachStep() {
        Schedule s = new ExponentialSchedule(1.0, 0.1, 0.5);
        assertEquals(1.0, s.valueAt(0));
        assertEquals(0.55, s.valueAt(1), 1e-12);
        assertEquals(0.325, s.valueAt(2), 1e-12);
        assertEquals(0.1 + 0.9 / 1024, s.valueAt(10), 1e-12);
        assertEquals(0.1, s.valueAt(10_000), 1e-12);
        assertEquals(1.0, new ExponentialSchedule(1.0, 0.1, 1.0).valueAt(1_000_000), "decay 1 never moves");
    }

    @Test
    void constantIsConstant() {
        Schedule s = new ConstantSchedule(0.05);
        assertEquals(0.05, s.valueAt(0));
        assertEquals(0.05, s.valueAt(123_456_789));
    }

    @Test
    void constructorsNameTheBadFieldAndValue() {
        assertRefused(() -> new LinearSchedule(Double.NaN, 0.1, 10), "start", "NaN");
        assertRefused(() -> new LinearSchedule(1, Double.POSITIVE_INFINITY, 10), "end", "Infinity");
        assertRefused(() -> new LinearSchedule(1, 0.1, -5), "durationSteps", "-5");
        assertRefused(() -> new ExponentialSchedule(Double.NaN, 0.1, 0.99), "start", "NaN");
        assertRefused(() -> new ExponentialSchedule(1, Double.NaN, 0.99), "end", "NaN");
        assertRefused(() -> new ExponentialSchedule(1, 0.1, 0), "decayPerStep", "0.0");
        assertRefused(() -> new ExponentialSchedule(1, 0.1, 1.5), "decayPerStep", "1.5");
        assertRefused(() -> new ConstantSchedule(Double.NaN), "value", "NaN");
    }

    @Test
    void negativeStepsAreRefused() {
        assertRefused(() -> new LinearSchedule(1, 0, 10).valueAt(-1), "step", "-1");
        assertRefused(() -> new ExponentialSchedule(1, 0, 0.9).valueAt(-1), "step", "-1");
        assertRefused(() -> new ConstantSchedule(1).valueAt(-1), "step", "-1");
    }

    private static void assertRefused(Executable construction, String field, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().startsWith(field + " ") && e.getMessage().contains(value), e.getMessage());
    }
}
