package rlx.agents.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EloTest {

    @Test
    void equalRatingsExpectHalfAndMoveByHalfOfK() {
        assertEquals(0.5, Elo.expected(1500, 1500), 1e-15);
        assertEquals(new Elo.Ratings(1508, 1492), Elo.update(1500, 1500, 1, Elo.K));
        assertEquals(new Elo.Ratings(1492, 1508), Elo.update(1500, 1500, 0, Elo.K));
        assertEquals(new Elo.Ratings(1500, 1500), Elo.update(1500, 1500, 0.5, Elo.K));
    }

    @Test
    void fourHundredPointsIsTenToOneOdds() {
        assertEquals(10.0 / 11, Elo.expected(1900, 1500), 1e-12);
        assertEquals(1.0 / 11, Elo.expected(1500, 1900), 1e-12);
        // the favourite gains little from a win and loses much from a loss: 16/11 and 160/11
        Elo.Ratings win = Elo.update(1900, 1500, 1, 16);
        assertEquals(1900 + 16.0 / 11, win.a(), 1e-9);
        assertEquals(1500 - 16.0 / 11, win.b(), 1e-9);
        Elo.Ratings loss = Elo.update(1900, 1500, 0, 16);
        assertEquals(1900 - 160.0 / 11, loss.a(), 1e-9);
        assertEquals(1500 + 160.0 / 11, loss.b(), 1e-9);
    }

    @Test
    void aDrawMovesTheFavouriteDownAndConservesPoints() {
        Elo.Ratings r = Elo.update(1700, 1500, 0.5, 16);
        double e = 1 / (1 + Math.pow(10, -0.5));
        assertEquals(1700 + 16 * (0.5 - e), r.a(), 1e-9);
        assertEquals(3200, r.a() + r.b(), 1e-9);
    }

    @Test
    void scoresOutsideZeroToOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Elo.update(1500, 1500, 2, 16));
    }
}
