package rlx.agents.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import rlx.agents.schedule.LinearSchedule;
import rlx.agents.schedule.Schedule;
import rlx.envs.core.Rng;

/** The per-step path (n-step accumulation, add, sample, priority update) must not allocate once warmed up. */
class ReplayAllocationTest {

    private static final int NUM_ENVS = 4;
    private static final int OBS = 8;
    private static final int BATCH = 32;

    @Test
    void uniformAddAndSampleAllocateNothing() {
        assertAllocatesAlmostNothing(new UniformReplay(10_000, OBS));
    }

    @Test
    void prioritizedAddSampleAndUpdateAllocateNothing() {
        assertAllocatesAlmostNothing(new PrioritizedReplay(10_000, OBS, 0.6, 1e-6));
    }

    private static void assertAllocatesAlmostNothing(ReplayBuffer buffer) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        Loop loop = new Loop(buffer);
        loop.run(50_000); // warm-up: fills past capacity and lets the JIT compile the path
        long before = threads.getCurrentThreadAllocatedBytes();
        loop.run(100_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(150_000, loop.sampled);
        assertTrue(buffer.added() > 100_000, "the loop really added transitions: " + buffer.added());
        assertTrue(allocated < 1024, buffer.getClass().getSimpleName() + " allocated " + allocated
                + " bytes in 100k add+sample calls");
    }

    /** Everything the loop touches is created here, so run() itself only exercises the code under test. */
    private static final class Loop {
        final ReplayBuffer buffer;
        final NStepAccumulator nStep = new NStepAccumulator(NUM_ENVS, OBS, 3, 0.99);
        final SampledBatch batch = new SampledBatch(BATCH, OBS);
        final Rng rng = new Rng(1);
        final Schedule beta = new LinearSchedule(0.4, 1.0, 100_000);
        final float[] obs = new float[NUM_ENVS * OBS];
        final float[] next = new float[NUM_ENVS * OBS];
        final float[] tdErrors = new float[BATCH];
        long step;
        long sampled;

        Loop(ReplayBuffer buffer) {
            this.buffer = buffer;
        }

        void run(int iterations) {
            for (int i = 0; i < iterations; i++, step++) {
                int env = (int) (step % NUM_ENVS);
                for (int j = 0; j < OBS; j++) {
                    next[env * OBS + j] = obs[env * OBS + j] + 0.01f * j;
                }
                boolean terminated = step % 101 == 0;
                boolean truncated = step % 257 == 0;
                nStep.step(env, obs, env * OBS, (int) (step % 3), (float) (step % 7) - 3f, next, env * OBS,
                        terminated, truncated, buffer);
                System.arraycopy(next, env * OBS, obs, env * OBS, OBS);
                if (buffer.size() > 0) {
                    buffer.sample(BATCH, beta.valueAt(step), rng, batch);
                    for (int k = 0; k < BATCH; k++) {
                        tdErrors[k] = batch.rewards[k] - 0.5f * batch.weights[k];
                    }
                    buffer.updatePriorities(batch.indices, tdErrors, BATCH);
                    sampled++;
                }
            }
        }
    }
}
