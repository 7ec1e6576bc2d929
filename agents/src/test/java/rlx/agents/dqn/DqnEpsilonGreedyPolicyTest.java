package rlx.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import rlx.agents.core.ParamsSnapshot;
import rlx.envs.core.Rng;
import rlx.networks.q.QNetwork;

/** EpsilonGreedyPolicy against DL4J's own Q-values of the same network. */
class DqnEpsilonGreedyPolicyTest {

    private static final int OBS = 3;
    private static final int ACTIONS = 4;

    private static QNetwork net() {
        return QNetwork.build(DqnTesting.tinyNet(), OBS, ACTIONS, 7);
    }

    /** The network's weights with the head bias of {@code action} raised so it is greedy everywhere near 0. */
    private static float[] favouring(QNetwork net, int action) {
        QNetwork copy = QNetwork.build(net.config(), OBS, ACTIONS, 7);
        copy.setParams(net.params());
        copy.graph().getLayer(QNetwork.HEAD).getParam("b").putScalar(action, 100f);
        return copy.params();
    }

    private static float[] randomObs(int rows, long seed) {
        Rng rng = new Rng(seed);
        float[] obs = new float[rows * OBS];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) (rng.nextDouble() * 6 - 3);
        }
        return obs;
    }

    private static EpsilonGreedyPolicy policy(QNetwork net) {
        EpsilonGreedyPolicy p = new EpsilonGreedyPolicy(net.plainForward(), OBS, ACTIONS);
        p.load(new ParamsSnapshot(0, net.params()));
        return p;
    }

    @Test
    void epsilonZeroAndGreedyPickTheArgmaxOfTheQValues() {
        QNetwork net = net();
        int rows = 300;
        float[] obs = randomObs(rows, 1);
        float[] qValues = new float[rows * ACTIONS];
        net.output(obs, rows, qValues);
        int[] expected = new int[rows];
        for (int i = 0; i < rows; i++) {
            expected[i] = DqnTesting.argmax(Arrays.copyOfRange(qValues, i * ACTIONS, (i + 1) * ACTIONS));
        }
        assertTrue(Arrays.stream(expected).distinct().count() >= 2, "the observations have different greedy actions");

        EpsilonGreedyPolicy policy = policy(net);
        int[] acted = new int[rows];
        policy.act(obs, rows, 0.0, new Rng(3), acted);
        assertArrayEquals(expected, acted);
        int[] greedy = new int[rows];
        policy.greedy(obs, rows, greedy);
        assertArrayEquals(expected, greedy);
    }

    @Test
    void epsilonOneIsUniformAndEpsilonHalfMixes() {
        QNetwork net = net();
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(net.plainForward(), OBS, ACTIONS);
        policy.load(new ParamsSnapshot(0, favouring(net, 2)));
        int rows = 20_000;
        float[] obs = randomObs(rows, 2);
        int[] actions = new int[rows];

        policy.act(obs, rows, 0.0, new Rng(5), actions);
        assertTrue(Arrays.stream(actions).allMatch(a -> a == 2), "action 2 is greedy everywhere");

        // standard error of a frequency near 0.25 over 20000 draws is 0.003: 0.015 is five of them
        policy.act(obs, rows, 1.0, new Rng(5), actions);
        double[] f = frequencies(actions);
        for (int a = 0; a < ACTIONS; a++) {
            assertEquals(0.25, f[a], 0.015, "action " + a + " at epsilon 1");
        }

        policy.act(obs, rows, 0.5, new Rng(6), actions);
        f = frequencies(actions);
        assertEquals(0.5 + 0.5 / 4, f[2], 0.015, "greedy half plus its share of the random half");
        for (int a : new int[] {0, 1, 3}) {
            assertEquals(0.5 / 4, f[a], 0.015, "action " + a + " at epsilon 0.5");
        }
    }

    private static double[] frequencies(int[] actions) {
        double[] f = new double[ACTIONS];
        for (int a : actions) {
            f[a] += 1.0 / actions.length;
        }
        return f;
    }

    @Test
    void loadTakesOnlyNewerVersions() {
        QNetwork net = net();
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(net.plainForward(), OBS, ACTIONS);
        assertEquals(-1, policy.version());
        float[] obs = randomObs(1, 3);
        int[] action = new int[1];

        policy.load(new ParamsSnapshot(5, favouring(net, 2)));
        assertEquals(5, policy.version());
        policy.greedy(obs, 1, action);
        assertEquals(2, action[0]);

        policy.load(new ParamsSnapshot(3, favouring(net, 0)));
        policy.greedy(obs, 1, action);
        assertEquals(2, action[0], "an older snapshot is ignored");
        assertEquals(5, policy.version());

        policy.load(new ParamsSnapshot(5, favouring(net, 0)));
        policy.greedy(obs, 1, action);
        assertEquals(2, action[0], "the same version is not reloaded");

        float[] newer = favouring(net, 1);
        policy.load(new ParamsSnapshot(6, newer));
        assertEquals(6, policy.version());
        policy.greedy(obs, 1, action);
        assertEquals(1, action[0]);
        Arrays.fill(newer, 0f);
        policy.greedy(obs, 1, action);
        assertEquals(1, action[0], "the policy keeps its own copy of the weights");
    }

    @Test
    void versionZeroLoadsIntoAFreshPolicy() {
        QNetwork net = net();
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(net.plainForward(), OBS, ACTIONS);
        policy.load(new ParamsSnapshot(0, favouring(net, 3)));
        assertEquals(0, policy.version());
        int[] action = new int[1];
        policy.greedy(randomObs(1, 4), 1, action);
        assertEquals(3, action[0]);
    }
}
