package rlx.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rlx.agents.dqn.DqnTesting.q;
import static rlx.agents.dqn.DqnTesting.v;

import org.junit.jupiter.api.Test;
import rlx.agents.replay.SampledBatch;
import rlx.agents.replay.UniformReplay;
import rlx.envs.core.Rng;

/** DQN learns small MDPs from transitions in a replay buffer, without any env machinery. */
class DqnLearningTest {

    private static final float[] A = v(1, 0);
    private static final float[] B = v(0, 1);
    private static final float[] END = v(0, 0);

    private static DqnLearner train(UniformReplay replay, int updates, long targetUpdateInterval) {
        DqnConfig cfg = new DqnConfig(0.9, 100, 8, 8, 1, 1, targetUpdateInterval, 1.0, false, 1,
                DqnTesting.linearExploration(), PrioritizedConfig.disabled(), DqnTesting.tinyNet());
        DqnLearner learner = new DqnLearner(cfg, 2, 2, 3);
        SampledBatch batch = new SampledBatch(8, 2);
        Rng rng = new Rng(11);
        for (int k = 1; k <= updates; k++) {
            replay.sample(8, 1.0, rng, batch);
            learner.update(batch, k);
        }
        return learner;
    }

    private static int[] greedy(DqnLearner learner, float[]... states) {
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(learner.online().plainForward(), 2, 2);
        policy.load(learner.params());
        float[] obs = new float[states.length * 2];
        for (int i = 0; i < states.length; i++) {
            System.arraycopy(states[i], 0, obs, i * 2, 2);
        }
        int[] actions = new int[states.length];
        policy.greedy(obs, states.length, actions);
        return actions;
    }

    @Test
    void banditStateLearnsTheRewardingAction() {
        // in A, action 1 pays 1 and action 0 pays 0, both ending the episode
        UniformReplay replay = new UniformReplay(10, 2);
        replay.add(A, 0, 0, 0f, END, 0, 0f);
        replay.add(A, 0, 1, 1f, END, 0, 0f);
        DqnLearner learner = train(replay, 300, 50);
        assertArrayEquals(new int[] {1}, greedy(learner, A));
        float[] qa = q(learner.online(), A);
        assertEquals(0.0, qa[0], 0.05);
        assertEquals(1.0, qa[1], 0.05);
    }

    @Test
    void bootstrappingThroughTheTargetNetworkBeatsTheMyopicChoice() {
        // A: action 1 pays 1 and ends; action 0 pays 0 and leads to B (gamma 0.9).
        // B: action 0 pays 2 and ends; action 1 pays 0 and ends.
        // Q*(B) = (2, 0); Q*(A) = (0 + 0.9 * 2, 1) = (1.8, 1): the greedy action in A is 0, which a learner that
        // ignored the bootstrap value (or the discount) would get wrong.
        UniformReplay replay = new UniformReplay(10, 2);
        replay.add(A, 0, 0, 0f, B, 0, 0.9f);
        replay.add(A, 0, 1, 1f, END, 0, 0f);
        replay.add(B, 0, 0, 2f, END, 0, 0f);
        replay.add(B, 0, 1, 0f, END, 0, 0f);
        DqnLearner learner = train(replay, 800, 25);
        assertArrayEquals(new int[] {0, 0}, greedy(learner, A, B));
        float[] qa = q(learner.online(), A);
        float[] qb = q(learner.online(), B);
        assertEquals(1.8, qa[0], 0.1);
        assertEquals(1.0, qa[1], 0.1);
        assertEquals(2.0, qb[0], 0.1);
        assertEquals(0.0, qb[1], 0.1);
    }
}
