package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rlx.envs.core.Rng;
import rlx.envs.games.ConnectFour;
import rlx.envs.games.GameState;
import rlx.envs.games.Othello;
import rlx.envs.games.TicTacToe;

class MinimaxPlayerTest {

    private static final TicTacToe TTT = new TicTacToe();
    private static final ConnectFour C4 = new ConnectFour();

    static Player minimax(long seed) {
        return PlayerSpecs.parse("minimax", TTT, seed);
    }

    @Test
    void perfectTicTacToeNeverLosesToRandomInEitherSeat() {
        ArenaResult r = Arena.play(TTT, minimax(1), new RandomPlayer(new Rng(2)), 300, g -> { });
        assertEquals(0, r.bWins(), r.toString());
        assertTrue(r.aWins() > 200, "random play should lose most games: " + r);
    }

    @Test
    void perfectTicTacToeDrawsAgainstItselfAndVariesItsGames() {
        Set<String> games = new HashSet<>();
        ArenaResult r = Arena.play(TTT, minimax(3), minimax(4), 40, g -> games.add(g.history()));
        assertEquals(new ArenaResult(0, 40, 0), r);
        assertTrue(games.size() > 5, "random tie-breaks among optimal moves vary the games: " + games);
    }

    @Test
    void takesAWinAndBlocksALossInConnectFour() {
        Player p = PlayerSpecs.parse("minimax:depth=4", C4, 1);
        GameState win = C4.parse("445566"); // first player to move: 7 completes 4-5-6-7 on the bottom row
        for (int i = 0; i < 10; i++) {
            int move = p.chooseAction(win);
            assertTrue(move == 2 || move == 6, "a winning column, 3 or 7: " + (move + 1));
        }
        GameState block = C4.parse("1413142"); // second player must stop column 1 (three stones) by playing 1
        assertEquals(0, p.chooseAction(block));
    }

    @Test
    void findsTheFastestWinsOfTheReferencePositionsWithinItsHorizon() throws IOException {
        List<ReferencePosition> all;
        try (InputStream in = getClass().getResourceAsStream("/reference/connect4/positions.txt")) {
            all = ReferencePosition.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                    "positions.txt");
        }
        assertEquals(200, all.size());
        int depth = 5;
        // A win with the side to move's k-th stone (score 22 - k) comes 2 (k - stones now) - 1 plies from here.
        List<ReferencePosition> quick = all.stream().filter(p -> p.score() > 0
                && 2 * (22 - p.score() - p.state().moveCount() / 2) - 1 <= depth).toList();
        assertTrue(quick.size() > 50, "about half the positions have an immediate win: " + quick.size());
        BestMoveAccuracy.Result r = BestMoveAccuracy.measure(PlayerSpecs.parse("minimax:depth=" + depth, C4, 1),
                quick);
        assertEquals(quick.size(), r.best(), "a search that sees the win plays the fastest one");
        assertEquals(1.0, r.accuracy());
    }

    @Test
    void playsLegalOthelloAtItsDefaultDepth() {
        Othello othello = new Othello();
        ArenaResult r = Arena.play(othello, PlayerSpecs.parse("minimax:depth=2", othello, 1),
                new RandomPlayer(new Rng(5)), 2, g -> { });
        assertEquals(2, r.games());
        assertTrue(r.aWins() >= 1, "a 2-ply search with corners and mobility beats random play: " + r);
    }
}
