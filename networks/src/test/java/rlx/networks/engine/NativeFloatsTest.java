package rlx.networks.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NativeFloatsTest {

    @Test
    void zeroClearsExactlyTheGivenElements() {
        try (NativeFloats f = new NativeFloats(10)) {
            float[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            f.put(values);
            f.zero(3, 4);
            float[] out = new float[10];
            f.get(out);
            assertArrayEquals(new float[] {1, 2, 3, 0, 0, 0, 0, 8, 9, 10}, out);
            assertThrows(IndexOutOfBoundsException.class, () -> f.zero(8, 3));
        }
    }

    @Test
    void aClosedBlockRefusesAccess() {
        NativeFloats f = new NativeFloats(4);
        f.close();
        assertThrows(IllegalStateException.class, f::address);
        assertThrows(IllegalStateException.class, () -> f.view(0));
    }
}
