package rlx.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import rlx.agents.dqn.ExplorationConfig.Kind;
import rlx.agents.schedule.Schedule;
import rlx.networks.q.QNetworkConfig;

/** Validation of DqnConfig, ExplorationConfig and PrioritizedConfig, and the exploration schedules. */
class DqnConfigTest {

    /** Mutable copy of every DqnConfig field, valid as created. */
    static final class B {
        double gamma = 0.99;
        int bufferSize = 1000;
        int batchSize = 32;
        long learningStarts = 100;
        int trainFrequency = 4;
        int gradientSteps = 1;
        long targetUpdateInterval = 500;
        double tau = 1.0;
        boolean doubleDqn = false;
        int nStep = 1;
        ExplorationConfig exploration = DqnTesting.linearExploration();
        PrioritizedConfig prioritized = PrioritizedConfig.disabled();
        QNetworkConfig network = DqnTesting.tinyNet();

        DqnConfig build() {
            return new DqnConfig(gamma, bufferSize, batchSize, learningStarts, trainFrequency, gradientSteps,
                    targetUpdateInterval, tau, doubleDqn, nStep, exploration, prioritized, network);
        }
    }

    private static DqnConfig with(UnaryOperator<B> change) {
        return change.apply(new B()).build();
    }

    /** Asserts {@code build} throws an IllegalArgumentException whose message contains every fragment. */
    private static void rejects(Executable build, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message '" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    @Test
    void validDqnConfigAndBoundaries() {
        assertDoesNotThrow(() -> new B().build());
        assertDoesNotThrow(() -> with(b -> { b.gamma = 0; return b; }));
        assertDoesNotThrow(() -> with(b -> { b.gamma = 1; return b; }));
        assertDoesNotThrow(() -> with(b -> { b.learningStarts = 32; return b; }));   // == batch-size
        assertDoesNotThrow(() -> with(b -> { b.bufferSize = 32; return b; }));       // == batch-size
        assertDoesNotThrow(() -> with(b -> { b.tau = 1e-9; return b; }));
    }

    @Test
    void gammaMustBeInUnitInterval() {
        rejects(() -> with(b -> { b.gamma = 1.5; return b; }), "gamma (1.5)");
        rejects(() -> with(b -> { b.gamma = -0.1; return b; }), "gamma (-0.1)");
        rejects(() -> with(b -> { b.gamma = Double.NaN; return b; }), "gamma (NaN)");
    }

    @Test
    void countsMustBePositive() {
        rejects(() -> with(b -> { b.bufferSize = 0; return b; }), "buffer-size (0)", "> 0");
        rejects(() -> with(b -> { b.batchSize = 0; return b; }), "batch-size (0)", "> 0");
        rejects(() -> with(b -> { b.batchSize = -3; return b; }), "batch-size (-3)");
        rejects(() -> with(b -> { b.trainFrequency = 0; return b; }), "train-frequency (0)");
        rejects(() -> with(b -> { b.gradientSteps = 0; return b; }), "gradient-steps (0)");
        rejects(() -> with(b -> { b.targetUpdateInterval = 0; return b; }), "target-update-interval (0)");
        rejects(() -> with(b -> { b.targetUpdateInterval = -5; return b; }), "target-update-interval (-5)");
        rejects(() -> with(b -> { b.nStep = 0; return b; }), "n-step (0)");
    }

    @Test
    void learningStartsMustCoverOneBatch() {
        rejects(() -> with(b -> { b.learningStarts = 31; return b; }), "learning-starts (31)", "batch-size (32)");
    }

    @Test
    void batchMustFitTheBuffer() {
        rejects(() -> with(b -> { b.bufferSize = 50; b.batchSize = 64; b.learningStarts = 64; return b; }),
                "batch-size (64)", "buffer-size (50)");
    }

    @Test
    void tauMustBeInHalfOpenUnitInterval() {
        rejects(() -> with(b -> { b.tau = 0; return b; }), "tau (0.0)");
        rejects(() -> with(b -> { b.tau = 1.5; return b; }), "tau (1.5)");
        rejects(() -> with(b -> { b.tau = Double.NaN; return b; }), "tau (NaN)");
    }

    @Test
    void sectionsMustBePresent() {
        // a config file may write a section as an explicit null, which binds to null: that must be a config error
        // naming the section, not a NullPointerException when training starts
        rejects(() -> with(b -> { b.exploration = null; return b; }), "exploration", "null");
        rejects(() -> with(b -> { b.prioritized = null; return b; }), "prioritized", "null");
        rejects(() -> with(b -> { b.network = null; return b; }), "network", "null");
        rejects(() -> new ExplorationConfig(null, 1, 0, 0.5, 0.5), "schedule", "null");
    }

    @Test
    void explorationValidation() {
        assertDoesNotThrow(() -> new ExplorationConfig(Kind.LINEAR, 1, 0, 1, 0.5));
        assertDoesNotThrow(() -> new ExplorationConfig(Kind.EXPONENTIAL, 0, 1, 0, 0.5));  // fraction unused
        assertDoesNotThrow(() -> new ExplorationConfig(Kind.LINEAR, 1, 0, 0.5, 7));      // decay unused
        assertDoesNotThrow(() -> new ExplorationConfig(Kind.CONSTANT, 0.1, 0.1, 0, 0));

        rejects(() -> new ExplorationConfig(Kind.CONSTANT, 1.2, 0, 0.5, 0.5), "start (1.2)");
        rejects(() -> new ExplorationConfig(Kind.LINEAR, -0.5, 0, 0.5, 0.5), "start (-0.5)");
        rejects(() -> new ExplorationConfig(Kind.LINEAR, 1, 2, 0.5, 0.5), "end (2.0)");
        rejects(() -> new ExplorationConfig(Kind.LINEAR, 1, Double.NaN, 0.5, 0.5), "end (NaN)");
        rejects(() -> new ExplorationConfig(Kind.LINEAR, 1, 0, 0, 0.5), "fraction (0.0)", "linear");
        rejects(() -> new ExplorationConfig(Kind.LINEAR, 1, 0, 1.5, 0.5), "fraction (1.5)");
        rejects(() -> new ExplorationConfig(Kind.EXPONENTIAL, 1, 0, 0.5, 0), "decay (0.0)", "exponential");
        rejects(() -> new ExplorationConfig(Kind.EXPONENTIAL, 1, 0, 0.5, 1), "decay (1.0)");
    }

    @Test
    void linearScheduleAnnealsOverFractionOfTheRun() {
        Schedule s = new ExplorationConfig(Kind.LINEAR, 1.0, 0.05, 0.5, 0.999).toSchedule(1000);
        // 500 steps from 1.0 to 0.05: -0.0019 per step
        assertEquals(1.0, s.valueAt(0), 1e-12);
        assertEquals(0.81, s.valueAt(100), 1e-12);
        assertEquals(0.525, s.valueAt(250), 1e-12);
        assertEquals(0.05, s.valueAt(500), 1e-12);
        assertEquals(0.05, s.valueAt(900), 1e-12);

        Schedule longer = new ExplorationConfig(Kind.LINEAR, 1.0, 0.05, 0.1, 0.999).toSchedule(10_000);
        assertEquals(0.525, longer.valueAt(500), 1e-12);  // half of 1000 steps
        assertEquals(0.05, longer.valueAt(1000), 1e-12);

        // a duration below one step still starts at start
        Schedule tiny = new ExplorationConfig(Kind.LINEAR, 1.0, 0.0, 0.1, 0.999).toSchedule(5);
        assertEquals(1.0, tiny.valueAt(0), 1e-12);
        assertEquals(0.0, tiny.valueAt(1), 1e-12);
    }

    @Test
    void exponentialScheduleDecaysTheGapToEnd() {
        Schedule s = new ExplorationConfig(Kind.EXPONENTIAL, 1.0, 0.1, 0.5, 0.99).toSchedule(1000);
        assertEquals(1.0, s.valueAt(0), 1e-12);
        assertEquals(0.1 + 0.9 * 0.99, s.valueAt(1), 1e-12);               // 0.991
        assertEquals(0.1 + 0.9 * 0.3660323412732292, s.valueAt(100), 1e-12);  // 0.99^100
        assertEquals(0.1, s.valueAt(100_000), 1e-12);
    }

    @Test
    void constantScheduleIsStart() {
        Schedule s = new ExplorationConfig(Kind.CONSTANT, 0.3, 0.05, 0.5, 0.99).toSchedule(1000);
        assertEquals(0.3, s.valueAt(0));
        assertEquals(0.3, s.valueAt(1_000_000));
    }

    @Test
    void prioritizedValidation() {
        assertFalse(PrioritizedConfig.disabled().enabled());
        assertDoesNotThrow(() -> new PrioritizedConfig(true, 0, 0, 1, 1e-9));
        assertDoesNotThrow(() -> new PrioritizedConfig(true, 1, 1, 0, 1));

        rejects(() -> new PrioritizedConfig(true, 1.5, 0.4, 1, 1e-6), "alpha (1.5)");
        rejects(() -> new PrioritizedConfig(true, -0.1, 0.4, 1, 1e-6), "alpha (-0.1)");
        rejects(() -> new PrioritizedConfig(true, 0.6, 1.5, 1, 1e-6), "beta-start (1.5)");
        rejects(() -> new PrioritizedConfig(true, 0.6, 0.4, -1, 1e-6), "beta-end (-1.0)");
        rejects(() -> new PrioritizedConfig(true, 0.6, 0.4, 1, 0), "epsilon (0.0)");
        rejects(() -> new PrioritizedConfig(true, 0.6, 0.4, 1, Double.NaN), "epsilon (NaN)");
    }

    @Test
    void linearLearningRateScheduleDecaysToZeroOverTheRun() {
        DqnConfig base = DqnTesting.config(32, 100, 1.0, false, false);
        double lr = base.network().optimizer().learningRate();
        DqnConfig linear = new DqnConfig(base.gamma(), base.bufferSize(), base.batchSize(), base.learningStarts(),
                base.trainFrequency(), base.gradientSteps(), base.targetUpdateInterval(), base.tau(), base.doubleDqn(),
                base.nStep(), base.exploration(), base.prioritized(), base.network(),
                DqnConfig.LearningRateSchedule.LINEAR);

        assertEquals(lr, base.learningRateAt(750, 1000), 0.0);
        assertEquals(lr, linear.learningRateAt(0, 1000), 0.0);
        assertEquals(lr * 0.25, linear.learningRateAt(750, 1000), 1e-15);
        assertEquals(0.0, linear.learningRateAt(1000, 1000), 0.0);
        assertEquals(0.0, linear.learningRateAt(1200, 1000), 0.0);
    }
}
