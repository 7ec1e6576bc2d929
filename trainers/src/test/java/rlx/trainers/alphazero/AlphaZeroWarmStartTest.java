package rlx.trainers.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.alphazero.AlphaZeroConfig;
import rlx.envs.games.TicTacToe;
import rlx.networks.config.OptimizerConfig;
import rlx.networks.pv.PolicyValueConfig;
import rlx.networks.pv.PolicyValueNetwork;
import rlx.trainers.core.TrainingListener;

class AlphaZeroWarmStartTest {

    private static AlphaZeroConfig warmStartingFrom(AlphaZeroConfig c, Path network) {
        return new AlphaZeroConfig(c.network(), c.search(), c.selfPlay(), c.training(), c.gate(), c.evaluation(),
                Optional.of(network.toString()));
    }

    private static AlphaZeroRunSetup prepare(AlphaZeroConfig config, Path dir) throws IOException {
        return AlphaZeroRunSetup.prepare(config, new TicTacToe(), AlphaZeroTrainerTest.settings(1_000, 0, 10),
                dir.resolve("checkpoints"), new TrainingListener() { }, 0, SelfPlayFaults.NONE, null, false);
    }

    @Test
    void aWarmStartedRunBeginsWithTheTrainedWeights(@TempDir Path dir) throws IOException {
        AlphaZeroConfig config = AlphaZeroTrainerTest.ticTacToe(1);
        PolicyValueNetwork trained = PolicyValueNetwork.build(config.network(), 2, 3, 3, 9, 12345);
        trained.save(dir.resolve("trained"));
        float[] fresh = prepare(config, dir.resolve("fresh")).learner().params();
        assertFalse(Arrays.equals(fresh, trained.params()), "a different seed gives different weights");

        AlphaZeroRunSetup setup = prepare(warmStartingFrom(config, dir.resolve("trained")), dir.resolve("warm"));
        assertArrayEquals(trained.params(), setup.learner().params());
        assertArrayEquals(trained.params(), setup.best().params());
        assertArrayEquals(trained.params(), setup.selfPlayParams());
    }

    @Test
    void aNetworkOfAnotherShapeIsRefusedNamingTheKey(@TempDir Path dir) {
        AlphaZeroConfig config = AlphaZeroTrainerTest.ticTacToe(1);
        PolicyValueNetwork wider = PolicyValueNetwork.build(new PolicyValueConfig(8, 1, 32, OptimizerConfig.adam(1e-3)),
                2, 3, 3, 9, 1);
        wider.save(dir.resolve("other"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> prepare(warmStartingFrom(config, dir.resolve("other")), dir.resolve("run")));
        assertTrue(e.getMessage().startsWith("agent.warm-start: "), e.getMessage());
        assertTrue(e.getMessage().contains("parameters"), e.getMessage());

        var missing = assertThrows(IllegalArgumentException.class,
                () -> prepare(warmStartingFrom(config, dir.resolve("nowhere")), dir.resolve("run2")));
        assertTrue(missing.getMessage().startsWith("agent.warm-start: no AlphaZero network at "), missing.getMessage());
    }
}
