package rlx.envs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void restoredStateContinuesTheSameStream() {
        Rng rng = new Rng(123);
        for (int i = 0; i < 1000; i++) {
            rng.nextLong();
        }
        Rng resumed = Rng.restore(rng.state());
        for (int i = 0; i < 1000; i++) {
            assertEquals(rng.nextLong(), resumed.nextLong());
            assertEquals(rng.nextDouble(), resumed.nextDouble());
        }
    }

    @Test
    void sameSeedSameStreamOtherSeedOtherStream() {
        Rng a = new Rng(7);
        Rng b = new Rng(7);
        Rng c = new Rng(8);
        long firstA = a.nextLong();
        assertEquals(firstA, b.nextLong());
        assertNotEquals(firstA, c.nextLong());
    }

    @Test
    void doublesAreUniformInTheUnitInterval() {
        Rng rng = new Rng(1);
        int n = 200_000;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double x = rng.nextDouble();
            assertTrue(x >= 0 && x < 1);
            bins[(int) (x * 10)]++;
        }
        for (int count : bins) {
            // expected 20,000 per bin; 5 standard deviations is about 670
            assertTrue(Math.abs(count - n / 10) < 700, "bin count " + count);
        }
    }

    @Test
    void rejectsAnAllZeroState() {
        assertThrows(IllegalArgumentException.class, () -> Rng.restore(new long[4]));
        assertThrows(IllegalArgumentException.class, () -> Rng.restore(new long[3]));
    }
}
