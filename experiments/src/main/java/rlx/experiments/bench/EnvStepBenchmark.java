package rlx.experiments.bench;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import rlx.envs.core.Box;
import rlx.envs.core.Discrete;
import rlx.envs.core.EnvRegistry;
import rlx.envs.vector.SyncVectorEnv;

/**
 * Raw vectorised stepping with uniformly random actions, in the calling thread: the ceiling any agent's env loop
 * can reach. Also measures bytes allocated per env step with the JVM's per-thread allocation counter, which is how
 * we check that the vector path allocates nothing.
 */
public final class EnvStepBenchmark {

    /** One measured run. */
    public record Result(String envId, int numEnvs, long envSteps, double seconds, double allocatedBytesPerStep) {

        public double stepsPerSecond() {
            return envSteps / seconds;
        }
    }

    private final EnvRegistry registry;

    public EnvStepBenchmark(EnvRegistry registry) {
        this.registry = registry;
    }

    /** Warms up for a fifth of the time (at most 2 s), then measures for {@code seconds}. */
    public Result run(String envId, int numEnvs, double seconds, long seed) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("--envs (" + numEnvs + ") must be > 0");
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds (" + seconds + ") must be > 0");
        }
        SyncVectorEnv venv = SyncVectorEnv.make(registry, envId, java.util.Map.of(), numEnvs);
        venv.reset(seed);
        Stepper stepper = new Stepper(venv, new SplittableRandom(seed));
        stepper.runFor(Math.min(2.0, seconds / 5));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytesBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long calls = stepper.runFor(seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
        long envSteps = calls * numEnvs;
        return new Result(envId, numEnvs, envSteps, elapsed, (double) bytes / envSteps);
    }

    /** Draws random actions into preallocated arrays and steps; checks the clock every 256 calls only. */
    private static final class Stepper {
        private final SyncVectorEnv venv;
        private final SplittableRandom rng;
        private final int[] discreteActions;
        private final float[] continuousActions;
        private final int n;
        private final Box box;

        Stepper(SyncVectorEnv venv, SplittableRandom rng) {
            this.venv = venv;
            this.rng = rng;
            int copies = venv.numEnvs();
            if (venv.spec().actionSpace() instanceof Discrete d) {
                this.n = d.n();
                this.box = null;
                this.discreteActions = new int[copies];
                this.continuousActions = null;
            } else if (venv.spec().actionSpace() instanceof Box b) {
                this.n = 0;
                this.box = b;
                this.discreteActions = null;
                this.continuousActions = new float[copies * venv.actionSize()];
            } else {
                throw new IllegalArgumentException(venv.spec().id() + ": cannot benchmark action space "
                        + venv.spec().actionSpace());
            }
        }

        long runFor(double seconds) {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long calls = 0;
            do {
                for (int k = 0; k < 256; k++) {
                    stepOnce();
                }
                calls += 256;
            } while (System.nanoTime() < deadline);
            return calls;
        }

        private void stepOnce() {
            if (discreteActions != null) {
                for (int i = 0; i < discreteActions.length; i++) {
                    discreteActions[i] = rng.nextInt(n);
                }
                venv.step(discreteActions);
            } else {
                int size = box.flatSize();
                for (int i = 0; i < continuousActions.length; i++) {
                    int j = i % size;
                    continuousActions[i] = box.low(j) + rng.nextFloat() * (box.high(j) - box.low(j));
                }
                venv.step(continuousActions);
            }
        }
    }
}
