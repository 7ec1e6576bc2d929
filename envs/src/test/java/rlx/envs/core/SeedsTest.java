package rlx.envs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void sameSeedGivesTheSameStream() {
        RandomGenerator a = Seeds.generator(123);
        RandomGenerator b = Seeds.generator(123);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong(), "draw " + i);
        }
    }

    @Test
    void neighbouringSeedsGiveDifferentStreams() {
        Set<Long> firstDraws = new HashSet<>();
        for (long seed = 0; seed < 1000; seed++) {
            firstDraws.add(Seeds.generator(seed).nextLong());
        }
        assertEquals(1000, firstDraws.size());
    }

    @Test
    void deriveIsDeterministic() {
        assertEquals(Seeds.derive(17, 4), Seeds.derive(17, 4));
        assertEquals(Seeds.derive(-5, 1_000_000), Seeds.derive(-5, 1_000_000));
        assertEquals(Seeds.derive(3, "eval"), Seeds.derive(3, "eval"));
    }

    @Test
    void deriveGivesDistinctSeedsForManyRootIndexPairs() {
        Set<Long> seen = new HashSet<>();
        for (long root = -100; root < 100; root++) {
            for (long index = 0; index < 200; index++) {
                assertTrue(seen.add(Seeds.derive(root, index)), "collision at root=" + root + " index=" + index);
            }
        }
    }

    @Test
    void deriveIsNotAFunctionOfRootPlusIndex() {
        assertNotEquals(Seeds.derive(1, 0), Seeds.derive(0, 1));
        assertNotEquals(Seeds.derive(2, 3), Seeds.derive(3, 2));
        assertNotEquals(Seeds.derive(10, 0), Seeds.derive(0, 10));
        for (long root = 0; root < 50; root++) {
            for (long index = 0; index < 50; index++) {
                long derived = Seeds.derive(root, index);
                assertNotEquals(root + index, derived);
                assertNotEquals(root, derived);
                // a root-plus-index scheme would make copy i+1 of root r equal copy i of root r+1
                assertNotEquals(Seeds.derive(root + 1, index), Seeds.derive(root, index + 1));
            }
        }
    }

    @Test
    void derivedSeedsAreWellMixed() {
        // avalanche: neighbouring inputs differ in about half of the 64 output bits
        long bits = 0;
        int pairs = 0;
        for (long root = 0; root < 100; root++) {
            for (long index = 0; index < 100; index++) {
                bits += Long.bitCount(Seeds.derive(root, index) ^ Seeds.derive(root, index + 1));
                bits += Long.bitCount(Seeds.derive(root, index) ^ Seeds.derive(root + 1, index));
                pairs += 2;
            }
        }
        assertEquals(32.0, (double) bits / pairs, 1.0);
    }

    @Test
    void derivedGeneratorsStartDifferentStreams() {
        Set<Long> firstDraws = new HashSet<>();
        for (long i = 0; i < 1000; i++) {
            firstDraws.add(Seeds.generator(Seeds.derive(0, i)).nextLong());
        }
        assertEquals(1000, firstDraws.size());
    }

    @Test
    void namedComponentsGetDifferentSeeds() {
        assertNotEquals(Seeds.derive(0, "eval"), Seeds.derive(0, "train"));
        assertNotEquals(Seeds.derive(0, "eval"), Seeds.derive(1, "eval"));
        assertNotEquals(Seeds.derive(0, "eval"), Seeds.derive(0, 0));
    }

    @Test
    void namedComponentsNeverCollideWithNumericIndices() {
        // "a".hashCode() == 97: a name must not stand in for an index
        assertNotEquals(Seeds.derive(5, "a"), Seeds.derive(5, 97));
        for (String name : java.util.List.of("eval", "train", "actions", "replay", "network")) {
            assertNotEquals(Seeds.derive(5, name), Seeds.derive(5, name.hashCode() & 0xffffffffL), name);
        }
    }
}
