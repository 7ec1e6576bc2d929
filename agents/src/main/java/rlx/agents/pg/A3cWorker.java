package rlx.agents.pg;

import rlx.agents.core.ParamsSnapshot;
import rlx.networks.ac.ActorCriticNetwork;

/**
 * One A3C worker (Mnih et al. 2016, Algorithm S3): with the latest global parameters, run {@code t_max} steps,
 * compute the n-step advantage actor-critic gradient with the entropy bonus on its own network copy, and hand the
 * gradient to the global network. Owns its network; never touches another worker's.
 */
public final class A3cWorker {

    private final PgConfig config;
    private final RolloutCollector collector;
    private final ActorCriticNetwork network;
    private final float[] grad;

    public A3cWorker(PgConfig config, RolloutCollector collector, ActorCriticNetwork network) {
        this.config = config;
        this.collector = collector;
        this.network = network;
        this.grad = new float[network.numParams()];
    }

    /** One rollout with {@code params} and the gradient of its loss (a new array, safe to send). */
    public A3cGradient step(ParamsSnapshot params) {
        collector.load(params);
        network.setParams(params.flat());
        Rollout r = collector.collect();
        int n = r.size();
        float[] advantages = new float[n];
        float[] returns = new float[n];
        Gae.compute(r, config.gamma(), config.gaeLambda(), advantages, returns);
        ActorCriticNetwork.LossStats s = network.gradient(r.observations(), r.actions(), advantages, r.logProbs(),
                returns, r.values(), n, grad);
        return new A3cGradient(params.version(), grad.clone(), n, r.episodeReturns(), r.episodeLengths(),
                new A3cGradient.LossTerms(s.loss(), s.policyLoss(), s.valueLoss(), s.entropy()), r.envRestarts());
    }
}
