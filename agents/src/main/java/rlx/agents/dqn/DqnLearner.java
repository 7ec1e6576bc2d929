package rlx.agents.dqn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.replay.SampledBatch;
import rlx.networks.q.QNetwork;

/**
 * The DQN learner (Mnih et al. 2015, "Human-level control through deep reinforcement learning"): owns the online
 * Q-network and its target copy. One {@link #update} reads like the paper: targets from the target network,
 * one fit of the online network on the taken actions, a target sync when due.
 *
 * <pre>{@code
 * replay.sample(batchSize, beta, rng, batch);
 * DqnStats stats = learner.update(batch, envStep);
 * replay.updatePriorities(batch.indices, learner.tdErrors(), batch.size());   // prioritised replay only
 * policy.load(learner.params());
 * }</pre>
 */
public final class DqnLearner {

    private final DqnConfig config;
    private final QNetwork online;
    private final QNetwork target;
    private final int numActions;

    // reused every update: sized for the configured batch
    private final float[] nextQTarget;
    private final float[] nextQOnline;
    private final float[] q;
    private final float[] y;
    private final float[] labels;
    private final float[] mask;
    private final float[] tdErrors;

    private long updates;
    private long lastTargetSyncBlock;
    private double lastMeanQ = Double.NaN;

    public DqnLearner(DqnConfig config, int obsSize, int numActions, long seed) {
        this(config, QNetwork.build(config.network(), obsSize, numActions, seed),
                QNetwork.build(config.network(), obsSize, numActions, seed));
        target.setParams(online.params());
    }

    private DqnLearner(DqnConfig config, QNetwork online, QNetwork target) {
        this.config = config;
        this.online = online;
        this.target = target;
        this.numActions = online.numActions();
        int b = config.batchSize();
        this.nextQTarget = new float[b * numActions];
        this.nextQOnline = new float[b * numActions];
        this.q = new float[b * numActions];
        this.y = new float[b];
        this.labels = new float[b * numActions];
        this.mask = new float[b * numActions];
        this.tdErrors = new float[b];
    }

    /**
     * One gradient step on {@code batch}; syncs the target network when {@code envStep} has crossed a multiple of
     * the target update interval since the last sync (so the interval means env steps at any train frequency).
     * With {@code tau < 1} every multiple crossed counts as one Polyak blend: an update that crossed k of them
     * blends with {@code 1 - (1 - tau)^k}.
     */
    public DqnStats update(SampledBatch batch, long envStep) {
        int n = batch.size();
        target.output(batch.nextObs, n, nextQTarget);
        if (config.doubleDqn()) {
            online.output(batch.nextObs, n, nextQOnline);
        }
        DqnTargets.tdTargets(batch.rewards, batch.discounts, nextQTarget, config.doubleDqn() ? nextQOnline : null,
                n, numActions, y);
        // the pre-update Q(s, a) is needed for priorities; for logging a sample every 10 updates is enough (the
        // learner engine returns it from the step's own forward pass)
        boolean wantQ = config.prioritized().enabled() || updates % 10 == 0;
        DqnTargets.takenActionLabels(batch.actions, y, batch.weights, n, numActions, labels, mask);
        double loss = online.fit(batch.obs, n, labels, mask, wantQ ? q : null);
        if (wantQ) {
            lastMeanQ = DqnTargets.tdErrors(q, batch.actions, y, n, numActions, tdErrors);
        }
        updates++;
        boolean synced = maybeSyncTarget(envStep);
        return new DqnStats(updates, loss, lastMeanQ, synced);
    }

    private boolean maybeSyncTarget(long envStep) {
        long block = envStep / config.targetUpdateInterval();
        if (block <= lastTargetSyncBlock) {
            return false;
        }
        // One blend per interval crossed since the previous update, as CleanRL and SB3 blend every interval whether
        // or not they trained in it. The online weights did not change in between, so k blends with tau are one
        // with 1 - (1 - tau)^k. Before the first update online and target were equal and blending changed nothing.
        long crossed = updates <= 1 ? 1 : block - lastTargetSyncBlock;
        lastTargetSyncBlock = block;
        double tau = crossed == 1 ? config.tau() : 1 - Math.pow(1 - config.tau(), crossed);
        if (tau >= 1.0) {
            target.setParams(online.params());
        } else {
            float[] blended = target.params();
            DqnTargets.polyak(online.params(), blended, tau);
            target.setParams(blended);
        }
        return true;
    }

    /** Sets the online network's learning rate (schedules call this once per training round). */
    public void setLearningRate(double learningRate) {
        online.setLearningRate(learningRate);
    }

    /** TD errors {@code y - Q(s, a)} of the last update's batch (valid with prioritised replay). */
    public float[] tdErrors() {
        return tdErrors;
    }

    /** The online network's weights, versioned by update count. */
    public ParamsSnapshot params() {
        return new ParamsSnapshot(updates, online.params());
    }

    public long updates() {
        return updates;
    }

    public QNetwork online() {
        return online;
    }

    /** Saves both networks (with the optimiser state) and the counters. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        online.save(dir.resolve("online"));
        target.save(dir.resolve("target"));
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("learner.bin")))) {
            out.writeLong(updates);
            out.writeLong(lastTargetSyncBlock);
            out.writeDouble(lastMeanQ);
        }
    }

    /** A learner continuing exactly where the saved one stopped. */
    public static DqnLearner load(DqnConfig config, Path dir) throws IOException {
        DqnLearner learner = new DqnLearner(config, QNetwork.load(dir.resolve("online")),
                QNetwork.load(dir.resolve("target")));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve("learner.bin")))) {
            learner.updates = in.readLong();
            learner.lastTargetSyncBlock = in.readLong();
            learner.lastMeanQ = in.readDouble();
        }
        return learner;
    }
}
