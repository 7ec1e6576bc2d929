package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rlx.agents.mcts.MctsConfig;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.TicTacToe;

class PlayerSpecsTest {

    @Test
    void goodSpecsParseToTheirRecords() {
        assertEquals(new PlayerSpec.Random(), PlayerSpec.parse("random"));
        assertEquals(new PlayerSpec.Minimax(null), PlayerSpec.parse("minimax"));
        assertEquals(new PlayerSpec.Minimax(6), PlayerSpec.parse("minimax:depth=6"));
        assertEquals(new PlayerSpec.Mcts(800, MctsConfig.DEFAULT_EXPLORATION), PlayerSpec.parse("mcts"));
        assertEquals(new PlayerSpec.Mcts(50, MctsConfig.DEFAULT_EXPLORATION), PlayerSpec.parse("mcts:sims=50"));
        assertEquals(new PlayerSpec.Mcts(10, 0.5), PlayerSpec.parse("mcts:sims=10,c=0.5"));
        assertEquals(new PlayerSpec.Mcts(10, 0.5), PlayerSpec.parse("mcts:c=0.5, sims=10"));
        assertEquals(new PlayerSpec.AlphaZero(java.nio.file.Path.of("r"), 200, 1.5, null),
                PlayerSpec.parse("alphazero:run=r"));
        assertEquals(new PlayerSpec.AlphaZero(java.nio.file.Path.of("r"), 800, 2.0, false),
                PlayerSpec.parse("alphazero:run=r,sims=800,c=2,solver=off"));
        assertEquals(new PlayerSpec.Gtp(List.of("gnugo", "--mode", "gtp", "--level", "10")),
                PlayerSpec.parse("gtp:gnugo --mode gtp --level 10"));
        assertEquals(new PlayerSpec.Gtp(List.of("/opt/my engine/bin", "-x", "a b")),
                PlayerSpec.parse("gtp:'/opt/my engine/bin' -x \"a b\""));
    }

    @Test
    void specsMakeTheirPlayers() {
        TicTacToe ttt = new TicTacToe();
        assertInstanceOf(RandomPlayer.class, PlayerSpecs.parse("random", ttt, 1));
        MinimaxPlayer perfect = (MinimaxPlayer) PlayerSpecs.parse("minimax", ttt, 1);
        assertEquals(9, perfect.depth(), "plain minimax searches tic-tac-toe to the end");
        assertEquals(6, ((MinimaxPlayer) PlayerSpecs.parse("minimax", new ConnectFour(), 1)).depth());
        assertEquals(3, ((MinimaxPlayer) PlayerSpecs.parse("minimax:depth=3", new ConnectFour(), 1)).depth());
        assertInstanceOf(MctsPlayer.class, PlayerSpecs.parse("mcts:sims=10", ttt, 1));
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> PlayerSpecs.parse(spec, new TicTacToe(), 1))
                .getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' not in: " + message);
        }
    }

    @Test
    void badSpecsNameTheSpecTheProblemAndWhatIsAllowed() {
        assertMentions(error("chess-master"), "'chess-master'", "unknown agent 'chess-master'", "random", "minimax",
                "mcts", "gtp");
        assertMentions(error(""), "unknown agent ''");
        assertMentions(error("minimax:depht=3"), "'minimax:depht=3'", "unknown key 'depht'", "takes depth");
        assertMentions(error("minimax:depth=0"), "depth must be an integer >= 1, got '0'");
        assertMentions(error("minimax:depth=six"), "depth must be an integer >= 1, got 'six'");
        assertMentions(error("mcts:sims=abc"), "'mcts:sims=abc'", "sims must be an integer >= 1, got 'abc'");
        assertMentions(error("mcts:sims"), "'sims' is not key=value", "takes sims, c");
        assertMentions(error("mcts:sims="), "'sims=' is not key=value");
        assertMentions(error("mcts:"), "nothing after ':'");
        assertMentions(error("mcts:sims=5,sims=6"), "key 'sims' given twice");
        assertMentions(error("mcts:c=-1"), "c must be a finite number >= 0", "got '-1'");
        assertMentions(error("random:seed=3"), "unknown key 'seed'", "takes no options");
        assertMentions(error("gtp:"), "gtp needs the engine's command line");
        assertMentions(error("gtp:gnugo 'unclosed"), "unclosed ' quote");
    }

    @Test
    void alphazeroNeedsARunWithANetwork() {
        assertMentions(error("alphazero:run=results/runs/x,sims=200"), "no AlphaZero network at results/runs/x",
                "best-network/policy-value.zip");
        assertMentions(error("alphazero:sims=200"), "alphazero needs run=");
        assertMentions(error("alphazero:run=x,sims=0"), "sims must be an integer >= 1, got '0'");
        assertMentions(error("alphazero:run=x,c=-2"), "c must be a finite number > 0, got '-2'");
        assertMentions(error("alphazero:run=x,depth=3"), "unknown key 'depth'", "takes run, sims, c");
        assertMentions(error("alphazero:run=x,solver=maybe"), "solver must be on or off, got 'maybe'");
    }

    @Test
    void gtpPlaysGoOnlyAndAMissingEngineIsNamed() {
        assertMentions(error("gtp:gnugo --mode gtp"), "plays Go only", "tic_tac_toe");
        String missing = assertThrows(IllegalArgumentException.class, () -> PlayerSpecs.parse(
                "gtp:/nonexistent/engine-xyz --mode gtp", new rlx.envs.games.Go(), 1)).getMessage();
        assertMentions(missing, "cannot start GTP engine '/nonexistent/engine-xyz --mode gtp'");
    }
}
