package rlx.envs.vector;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import rlx.envs.core.EnvRegistry;
import rlx.envs.core.EnvSpec;
import rlx.envs.core.FlatEnv;
import rlx.envs.core.Seeds;

/**
 * Steps its copies one after another in the calling thread, writing into arrays allocated once: the step path
 * allocates nothing. Applies the spec's time limit itself (the copies are bare envs), so {@code truncated} is set
 * exactly where Gymnasium's {@code TimeLimit} would set it.
 */
public final class SyncVectorEnv implements VectorEnv {

    private final FlatEnv[] envs;
    private final EnvSpec spec;
    private final int obsSize;
    private final int actionSize;
    private final int maxEpisodeSteps;

    private final float[] observations;
    private final float[] finalObservations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final int[] episodeLengths;
    private final double[] episodeReturns;
    private final int[] finishedLengths;
    private final double[] finishedReturns;
    private long totalSteps;
    private long totalEpisodes;
    private boolean started;

    /** Copies made by {@code factory(i)}; they must all share one spec. */
    public SyncVectorEnv(int numEnvs, IntFunction<FlatEnv> factory) {
        this(java.util.stream.IntStream.range(0, numEnvs).mapToObj(factory).toList());
    }

    public SyncVectorEnv(List<FlatEnv> copies) {
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("a vector env needs at least one copy");
        }
        this.envs = copies.toArray(FlatEnv[]::new);
        this.spec = envs[0].spec();
        for (FlatEnv env : envs) {
            if (!env.spec().id().equals(spec.id()) || env.observationSize() != envs[0].observationSize()) {
                throw new IllegalArgumentException("vector env copies differ: " + spec.id() + " vs " + env.spec().id());
            }
        }
        int n = envs.length;
        this.obsSize = envs[0].observationSize();
        this.actionSize = envs[0].actionSize();
        this.maxEpisodeSteps = spec.maxEpisodeSteps();
        this.observations = new float[n * obsSize];
        this.finalObservations = new float[n * obsSize];
        this.rewards = new double[n];
        this.terminated = new boolean[n];
        this.truncated = new boolean[n];
        this.episodeLengths = new int[n];
        this.episodeReturns = new double[n];
        this.finishedLengths = new int[n];
        this.finishedReturns = new double[n];
    }

    /** {@code numEnvs} bare copies of a registered env. */
    public static SyncVectorEnv make(String id, int numEnvs) {
        return make(EnvRegistry.standard(), id, Map.of(), numEnvs);
    }

    public static SyncVectorEnv make(EnvRegistry registry, String id, Map<String, ?> kwargs, int numEnvs) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("numEnvs (" + numEnvs + ") must be > 0");
        }
        return new SyncVectorEnv(numEnvs, i -> registry.makeFlat(id, kwargs));
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public int numEnvs() {
        return envs.length;
    }

    @Override
    public int observationSize() {
        return obsSize;
    }

    @Override
    public int actionSize() {
        return actionSize;
    }

    @Override
    public void reset(long rootSeed) {
        for (int i = 0; i < envs.length; i++) {
            envs[i].resetInto(Seeds.derive(rootSeed, i), observations, i * obsSize);
            episodeLengths[i] = 0;
            episodeReturns[i] = 0;
            terminated[i] = false;
            truncated[i] = false;
            rewards[i] = 0;
        }
        started = true;
    }

    @Override
    public void step(int[] actions) {
        checkLength(actions.length, envs.length);
        for (int i = 0; i < envs.length; i++) {
            rewards[i] = envs[i].stepInto(actions[i], observations, i * obsSize);
            afterStep(i);
        }
    }

    @Override
    public void step(float[] actions) {
        checkLength(actions.length, envs.length * actionSize);
        for (int i = 0; i < envs.length; i++) {
            rewards[i] = envs[i].stepInto(actions, i * actionSize, observations, i * obsSize);
            afterStep(i);
        }
    }

    private void checkLength(int actual, int expected) {
        if (!started) {
            throw new IllegalStateException(spec.id() + " vector env: step() called before reset()");
        }
        if (actual != expected) {
            throw new IllegalArgumentException(spec.id() + " vector env of " + envs.length + " copies needs "
                    + expected + " action values, got " + actual);
        }
    }

    private void afterStep(int i) {
        totalSteps++;
        episodeLengths[i]++;
        episodeReturns[i] += rewards[i];
        terminated[i] = envs[i].terminated();
        truncated[i] = maxEpisodeSteps > 0 && episodeLengths[i] >= maxEpisodeSteps;
        if (terminated[i] || truncated[i]) {
            int offset = i * obsSize;
            System.arraycopy(observations, offset, finalObservations, offset, obsSize);
            finishedLengths[i] = episodeLengths[i];
            finishedReturns[i] = episodeReturns[i];
            episodeLengths[i] = 0;
            episodeReturns[i] = 0;
            totalEpisodes++;
            envs[i].resetInto(observations, offset);
        }
    }

    @Override
    public float[] observations() {
        return observations;
    }

    @Override
    public float[] finalObservations() {
        return finalObservations;
    }

    @Override
    public double[] rewards() {
        return rewards;
    }

    @Override
    public boolean[] terminated() {
        return terminated;
    }

    @Override
    public boolean[] truncated() {
        return truncated;
    }

    @Override
    public double finishedReturn(int i) {
        return finishedReturns[i];
    }

    @Override
    public int finishedLength(int i) {
        return finishedLengths[i];
    }

    @Override
    public long totalSteps() {
        return totalSteps;
    }

    @Override
    public long totalEpisodes() {
        return totalEpisodes;
    }
}
