package rlx.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rlx.agents.play.Arena.Outcome;
import rlx.agents.play.Elo;

class EloTableTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void updatesOncePerGameInOrderAndRoundTripsExactly(@TempDir Path dir) {
        Path file = EloTable.file(dir, "connect4");
        assertEquals(dir.resolve("elo-connect4.json"), file);
        EloTable t = EloTable.load(file, "connect4");
        assertEquals(Elo.INITIAL, t.rating("mcts"));
        t.record("mcts", "random", 7, List.of(Outcome.A_WINS, Outcome.DRAW, Outcome.B_WINS), T);
        Elo.Ratings r = Elo.update(1500, 1500, 1, 16);
        r = Elo.update(r.a(), r.b(), 0.5, 16);
        r = Elo.update(r.a(), r.b(), 0, 16);
        assertEquals(r.a(), t.rating("mcts"), 1e-12);
        assertEquals(r.b(), t.rating("random"), 1e-12);
        assertEquals(new EloTable.Entry(r.a(), 3, 1, 1, 1), t.entry("mcts"));
        assertEquals(new EloTable.Entry(r.b(), 3, 1, 1, 1), t.entry("random"));
        t.save(file);
        EloTable back = EloTable.load(file, "connect4");
        assertEquals(t.entry("mcts"), back.entry("mcts"));
        assertEquals(List.of(new EloTable.Match(T.toString(), "mcts", "random", 7, 3, 1, 1, 1)), back.matches());
    }

    @Test
    void aSpecPlayingItselfIsRecordedButNotRated() {
        EloTable t = EloTable.load(Path.of("does-not-exist.json"), "tictactoe");
        t.record("minimax", "minimax", 1, List.of(Outcome.A_WINS, Outcome.A_WINS), T);
        assertEquals(Elo.INITIAL, t.rating("minimax"));
        assertEquals(0, t.entry("minimax").games());
        assertEquals(1, t.matches().size());
    }

    @Test
    void aTableOfAnotherGameIsRefused(@TempDir Path dir) {
        Path file = dir.resolve("elo.json");
        EloTable.load(file, "othello").save(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EloTable.load(file, "go9"));
        assertTrue(e.getMessage().contains("rates game 'othello', not 'go9'"), e.getMessage());
    }
}
