package rlx.agents.dqn;

import java.util.random.RandomGenerator;
import rlx.agents.core.ParamsSnapshot;
import rlx.networks.q.PlainForward;

/**
 * Epsilon-greedy acting over a batch of observations with a plain-Java copy of the Q-network: a random action
 * with probability epsilon, else the greedy one. The network is only evaluated for the copies that act greedily,
 * and never through ND4J, whose fixed per-op cost would dominate a per-step loop.
 */
public final class EpsilonGreedyPolicy {

    private final PlainForward q;
    private final int numActions;
    private final int obsSize;
    private long version = -1;

    public EpsilonGreedyPolicy(PlainForward q, int obsSize, int numActions) {
        this.q = q;
        this.obsSize = obsSize;
        this.numActions = numActions;
    }

    /** Loads newer weights; older or equal versions are ignored. */
    public void load(ParamsSnapshot params) {
        if (params.version() > version || version < 0) {
            q.load(params.flat());
            version = params.version();
        }
    }

    public long version() {
        return version;
    }

    /** Writes one action per observation in {@code obs} ({@code numEnvs} rows) into {@code actions}. */
    public void act(float[] obs, int numEnvs, double epsilon, RandomGenerator rng, int[] actions) {
        for (int i = 0; i < numEnvs; i++) {
            actions[i] = rng.nextDouble() < epsilon ? rng.nextInt(numActions) : q.argmax(obs, i * obsSize);
        }
    }

    /** The greedy action for every observation. */
    public void greedy(float[] obs, int numEnvs, int[] actions) {
        for (int i = 0; i < numEnvs; i++) {
            actions[i] = q.argmax(obs, i * obsSize);
        }
    }
}
