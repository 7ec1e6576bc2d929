package rlx.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rlx.agents.dqn.DqnTesting.argmax;
import static rlx.agents.dqn.DqnTesting.batch;
import static rlx.agents.dqn.DqnTesting.config;
import static rlx.agents.dqn.DqnTesting.max;
import static rlx.agents.dqn.DqnTesting.maxAbsDiff;
import static rlx.agents.dqn.DqnTesting.q;
import static rlx.agents.dqn.DqnTesting.t;
import static rlx.agents.dqn.DqnTesting.v;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import rlx.agents.core.ParamsSnapshot;
import rlx.agents.replay.SampledBatch;
import rlx.networks.dl4j.Torso;
import rlx.networks.q.QNetwork;

/**
 * The learner on a tiny network (2 inputs, one hidden layer of 16, 2 actions, Adam 1e-2, squared error). What the
 * target network holds is read two ways: through behaviour, from the TD targets the learner fitted ({@code y =
 * tdErrors + Q_online_before(s, a)}, computed on every update when prioritised replay is on), and exactly, from
 * the target network that {@link DqnLearner#save} writes.
 */
class DqnLearnerTest {

    private static final long SEED = 42;
    private static final int OBS = 2;
    private static final int ACTIONS = 2;
    private static final long NEVER = 1_000_000_000L;

    /** What one update reported, and the TD targets it fitted. */
    private record Step(DqnStats stats, float[] y) {
    }

    private static Step update(DqnLearner learner, SampledBatch b, long envStep) {
        int n = b.size();
        float[] before = new float[n * ACTIONS];
        learner.online().output(b.obs, n, before);
        DqnStats stats = learner.update(b, envStep);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = learner.tdErrors()[i] + before[i * ACTIONS + b.actions[i]];
        }
        return new Step(stats, y);
    }

    /** The target network's parameters, as {@link DqnLearner#save} writes them. */
    private static float[] targetParams(DqnLearner learner, Path dir) throws IOException {
        learner.save(dir);
        return QNetwork.load(dir.resolve("target")).params();
    }

    /** A network with the learner's initial weights: same config, same seed. */
    private static QNetwork initialNet() {
        return QNetwork.build(DqnTesting.tinyNet(), OBS, ACTIONS, SEED);
    }

    @Test
    void repeatedUpdatesFitTakenActionsToTerminalRewards() {
        DqnLearner learner = new DqnLearner(config(4, NEVER, 1.0, false, false), OBS, ACTIONS, SEED);
        SampledBatch b = batch(OBS,
                t(v(1, 0), 0, 1.0f, v(9, 9), 0f),
                t(v(0, 1), 1, -0.5f, v(9, -9), 0f),
                t(v(1, 1), 0, 0.25f, v(-9, 9), 0f),
                t(v(-1, 0.5f), 1, 2.0f, v(-9, -9), 0f));
        double firstLoss = learner.update(b, 1).loss();
        for (int k = 2; k <= 300; k++) {
            learner.update(b, k);
        }
        // discount 0: the target is the reward, whatever the networks say about the (absurd) next states
        assertEquals(1.0, q(learner.online(), 1, 0)[0], 0.02);
        assertEquals(-0.5, q(learner.online(), 0, 1)[1], 0.02);
        assertEquals(0.25, q(learner.online(), 1, 1)[0], 0.02);
        assertEquals(2.0, q(learner.online(), -1, 0.5f)[1], 0.02);
        assertTrue(firstLoss > 0.1, "the initial network is far from the rewards: " + firstLoss);
        assertTrue(learner.update(b, 301).loss() < 1e-3);
    }

    @Test
    void untakenActionsChangeOnlyThroughSharedWeights() {
        DqnLearner learner = new DqnLearner(config(4, NEVER, 1.0, false, false), OBS, ACTIONS, SEED);
        QNetwork initial = initialNet();
        assertArrayEquals(initial.params(), learner.online().params(), "same config and seed, same weights");
        float[][] states = {v(1, 0), v(0, 1), v(1, 1), v(-1, 0.5f)};
        float[] rewards = {1f, -1f, 0.5f, 2f};
        SampledBatch b = batch(OBS,
                t(states[0], 0, rewards[0], v(0, 0), 0f),
                t(states[1], 0, rewards[1], v(0, 0), 0f),
                t(states[2], 0, rewards[2], v(0, 0), 0f),
                t(states[3], 0, rewards[3], v(0, 0), 0f));
        for (int k = 1; k <= 60; k++) {
            learner.update(b, k);
        }

        // control: the initial network with only the trained hidden layer copied in
        QNetwork control = initialNet();
        String hidden = Torso.DENSE_PREFIX + 0;
        for (String p : new String[] {"W", "b"}) {
            control.graph().getLayer(hidden).getParam(p)
                    .assign(learner.online().graph().getLayer(hidden).getParam(p));
        }
        double movedUntaken = 0;
        for (int i = 0; i < states.length; i++) {
            float[] trained = q(learner.online(), states[i]);
            float[] ctl = q(control, states[i]);
            float[] before = q(initial, states[i]);
            // action 1 was never taken: its Q is exactly the trained torso read by the untouched head
            assertEquals(ctl[1], trained[1], 0f, "state " + i);
            // action 0 was trained towards the reward through its own head weights too
            assertTrue(Math.abs(trained[0] - ctl[0]) > 1e-3, "state " + i);
            assertTrue(Math.abs(trained[0] - rewards[i]) < Math.abs(before[0] - rewards[i]), "state " + i);
            movedUntaken = Math.max(movedUntaken, Math.abs(trained[1] - before[1]));
        }
        assertTrue(movedUntaken > 1e-3, "the shared torso moved, and the untaken Q with it");
        INDArray headW = learner.online().graph().getLayer(QNetwork.HEAD).getParam("W");
        INDArray headB = learner.online().graph().getLayer(QNetwork.HEAD).getParam("b");
        INDArray initW = initial.graph().getLayer(QNetwork.HEAD).getParam("W");
        INDArray initB = initial.graph().getLayer(QNetwork.HEAD).getParam("b");
        assertArrayEquals(initW.getColumn(1).toFloatVector(), headW.getColumn(1).toFloatVector());
        assertEquals(initB.getFloat(1), headB.getFloat(1));
        assertNotEquals(initB.getFloat(0), headB.getFloat(0));
    }

    @Test
    void hardTargetSyncOnlyAtIntervalMultiples(@TempDir Path dir) throws IOException {
        DqnLearner learner = new DqnLearner(config(2, 100, 1.0, false, true), OBS, ACTIONS, SEED);
        QNetwork initial = initialNet();
        float[] initialParams = initial.params();
        float[] next0 = v(0, 1);
        float[] next1 = v(1, 1);
        SampledBatch b = batch(OBS,
                t(v(1, 0), 0, 0f, next0, 1f),
                t(v(0, 1), 1, 0.5f, next1, 0.5f));
        // y = r + discount * max_a Q_target(s', a), with the target still the initial network
        float y0 = max(q(initial, next0));
        float y1 = 0.5f + 0.5f * max(q(initial, next1));

        for (long step = 10; step <= 90; step += 10) {
            Step s = update(learner, b, step);
            assertFalse(s.stats().targetSynced(), "step " + step);
            assertEquals(y0, s.y()[0], 1e-5, "step " + step);
            assertEquals(y1, s.y()[1], 1e-5, "step " + step);
        }
        assertTrue(maxAbsDiff(q(learner.online(), next0), q(initial, next0)) > 1e-3,
                "the online network moved, so an unsynced target is observable");
        assertArrayEquals(initialParams, targetParams(learner, dir.resolve("at90")));

        Step sync = update(learner, b, 100);
        assertTrue(sync.stats().targetSynced());
        assertEquals(y0, sync.y()[0], 1e-5, "targets of the syncing update still come from the old target");
        float[] onlineAt100 = learner.online().params();
        assertArrayEquals(onlineAt100, targetParams(learner, dir.resolve("at100")), "tau 1 copies exactly");

        float z0 = max(q(learner.online(), next0));
        float z1 = 0.5f + 0.5f * max(q(learner.online(), next1));
        assertTrue(Math.abs(z0 - y0) > 1e-3);
        for (long step = 110; step <= 190; step += 10) {
            Step s = update(learner, b, step);
            assertFalse(s.stats().targetSynced(), "step " + step);
            assertEquals(z0, s.y()[0], 1e-5, "step " + step);
            assertEquals(z1, s.y()[1], 1e-5, "step " + step);
        }
        assertArrayEquals(onlineAt100, targetParams(learner, dir.resolve("at190")));
        // an update late in the next block (steps are env steps: a train frequency may skip the multiple itself)
        assertTrue(update(learner, b, 205).stats().targetSynced());
        assertArrayEquals(learner.online().params(), targetParams(learner, dir.resolve("at205")));
    }

    @Test
    void polyakBlendsTargetTowardsOnline(@TempDir Path dir) throws IOException {
        DqnLearner learner = new DqnLearner(config(2, 100, 0.5, false, false), OBS, ACTIONS, SEED);
        float[] p0 = initialNet().params();
        SampledBatch b = batch(OBS,
                t(v(1, 0), 0, 1f, v(0, 1), 0.9f),
                t(v(0, 1), 1, -1f, v(1, 1), 0f));
        assertFalse(learner.update(b, 50).targetSynced());
        assertArrayEquals(p0, targetParams(learner, dir.resolve("a")));

        assertTrue(learner.update(b, 100).targetSynced());
        float[] p1 = learner.online().params();
        float[] t1 = new float[p0.length];
        for (int i = 0; i < p0.length; i++) {
            t1[i] = (float) (((double) p1[i] + p0[i]) / 2);   // the exact midpoint, rounded once
        }
        assertTrue(maxAbsDiff(p1, p0) > 1e-4);
        assertArrayEquals(t1, targetParams(learner, dir.resolve("b")));

        assertFalse(learner.update(b, 150).targetSynced());
        assertTrue(learner.update(b, 200).targetSynced());
        float[] p2 = learner.online().params();
        float[] t2 = new float[p0.length];
        for (int i = 0; i < p0.length; i++) {
            t2[i] = (float) (((double) p2[i] + t1[i]) / 2);
        }
        assertArrayEquals(t2, targetParams(learner, dir.resolve("c")));
    }

    /** {@code (float) (tau * online + (1 - tau) * target)} for every parameter. */
    private static float[] blend(float[] online, float[] target, double tau) {
        float[] out = new float[online.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (tau * online[i] + (1 - tau) * target[i]);
        }
        return out;
    }

    @Test
    void polyakBlendsOncePerIntervalCrossedBetweenUpdates(@TempDir Path dir) throws IOException {
        // interval 10 with updates 30 env steps apart (e.g. train-frequency 30): like CleanRL and SB3, the target
        // moves by one blend per interval, 3 between two updates, not 1 per update. The online weights are the
        // same for the 3 blends, so together they are one blend with tau' = 1 - (1 - tau)^3 = 0.875.
        DqnLearner learner = new DqnLearner(config(2, 10, 0.5, false, false), OBS, ACTIONS, SEED);
        float[] p0 = initialNet().params();
        SampledBatch b = batch(OBS,
                t(v(1, 0), 0, 1f, v(0, 1), 0.9f),
                t(v(0, 1), 1, -1f, v(1, 1), 0f));

        // the first update is at learning-starts: online and target were equal until then, so the intervals before
        // it blended nothing, and it blends once
        assertTrue(learner.update(b, 1000).targetSynced());
        float[] t1 = blend(learner.online().params(), p0, 0.5);
        assertArrayEquals(t1, targetParams(learner, dir.resolve("a")));

        assertTrue(learner.update(b, 1030).targetSynced());
        float[] t2 = blend(learner.online().params(), t1, 0.875);
        assertArrayEquals(t2, targetParams(learner, dir.resolve("b")));

        assertFalse(learner.update(b, 1035).targetSynced());
        assertTrue(learner.update(b, 1040).targetSynced());   // one interval: tau itself
        float[] t3 = blend(learner.online().params(), t2, 0.5);
        assertArrayEquals(t3, targetParams(learner, dir.resolve("c")));
    }

    @Test
    void paramsAreAVersionedCopyOfTheOnlineWeights() {
        DqnLearner learner = new DqnLearner(config(2, 100, 1.0, false, false), OBS, ACTIONS, SEED);
        SampledBatch b = batch(OBS,
                t(v(1, 0), 0, 1f, v(0, 1), 0.9f),
                t(v(0, 1), 1, -1f, v(1, 1), 0f));
        ParamsSnapshot s0 = learner.params();
        assertEquals(0, s0.version());
        assertArrayEquals(initialNet().params(), s0.flat());
        float[] copyOfS0 = s0.flat().clone();
        for (int k = 1; k <= 3; k++) {
            assertEquals(k, learner.update(b, k * 10).updates());
        }
        ParamsSnapshot s3 = learner.params();
        assertEquals(3, s3.version());
        assertEquals(3, learner.updates());
        assertArrayEquals(learner.online().params(), s3.flat());
        assertArrayEquals(copyOfS0, s0.flat(), "an earlier snapshot does not follow later updates");
        assertTrue(maxAbsDiff(s0.flat(), s3.flat()) > 0);
    }

    @Test
    void saveLoadContinuesExactly(@TempDir Path dir) throws IOException {
        DqnConfig cfg = config(2, 100, 1.0, false, false);
        SampledBatch b = batch(OBS,
                t(v(1, 0), 0, 1f, v(0, 1), 0.9f),
                t(v(0, 1), 1, -1f, v(1, 1), 0.9f));
        DqnLearner original = new DqnLearner(cfg, OBS, ACTIONS, SEED);
        for (long step = 10; step <= 150; step += 10) {
            original.update(b, step);   // synced at 100
        }
        original.save(dir);
        DqnLearner loaded = DqnLearner.load(cfg, dir);
        assertEquals(15, loaded.updates());
        assertEquals(original.params().version(), loaded.params().version());
        assertArrayEquals(original.online().params(), loaded.online().params());

        // 160: no sync for either (a learner that forgot its last sync would sync here); 200: both sync, and the
        // update at 210 bootstraps from what each target holds
        for (long step : new long[] {160, 200, 210}) {
            DqnStats a = original.update(b, step);
            DqnStats c = loaded.update(b, step);
            assertEquals(a.loss(), c.loss(), "loss at " + step);
            assertEquals(a.targetSynced(), c.targetSynced(), "sync at " + step);
            assertEquals(a.updates(), c.updates());
            assertEquals(a.meanQ(), c.meanQ(), "mean Q at " + step);
            assertArrayEquals(original.online().params(), loaded.online().params(), "params at " + step);
        }
        assertEquals(original.params().version(), loaded.params().version());
    }

    @Test
    void doubleDqnBootstrapsFromTheTargetAtTheOnlineArgmax() {
        DqnLearner plain = new DqnLearner(config(2, NEVER, 1.0, false, true), OBS, ACTIONS, SEED);
        DqnLearner dbl = new DqnLearner(config(2, NEVER, 1.0, true, true), OBS, ACTIONS, SEED);
        QNetwork target = initialNet();   // never synced: the target stays the initial network
        float[] next = v(0.5f, -1f);
        float[] qt = q(target, next);
        int targetBest = argmax(qt);
        int other = 1 - targetBest;
        assertTrue(Math.abs(qt[0] - qt[1]) > 0.05, "the two bootstrap values are told apart: " + qt[0] + ", " + qt[1]);

        // terminal transitions turn the online argmax at `next` away from the target's (same fit for both learners)
        SampledBatch warmUp = batch(OBS,
                t(next, targetBest, qt[targetBest] - 2f, v(0, 0), 0f),
                t(next, other, qt[targetBest] + 2f, v(0, 0), 0f));
        for (int k = 1; k <= 150; k++) {
            plain.update(warmUp, k);
            dbl.update(warmUp, k);
        }
        assertArrayEquals(plain.online().params(), dbl.online().params(), "terminal targets do not bootstrap");
        assertEquals(other, argmax(q(dbl.online(), next)), "online now prefers the other action at next");

        SampledBatch probe = batch(OBS,
                t(v(1, 1), 0, 0.25f, next, 0.9f),
                t(v(-1, 0), 1, 0f, next, 0f));
        Step p = update(plain, probe, 151);
        Step d = update(dbl, probe, 151);
        assertEquals(0.25f + 0.9f * qt[targetBest], p.y()[0], 1e-5, "DQN: max of the target");
        assertEquals(0.25f + 0.9f * qt[other], d.y()[0], 1e-5, "double DQN: target at the online argmax");
        assertEquals(0f, p.y()[1], 1e-6);
        assertEquals(0f, d.y()[1], 1e-6);
        assertNotEquals(p.stats().loss(), d.stats().loss());
        assertTrue(maxAbsDiff(plain.online().params(), dbl.online().params()) > 0);
    }
}
