package rlx.networks.engine;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Float loads and stores at native addresses. Direct {@code FloatBuffer}s check their bounds and, on Java 17, their
 * memory scope on every access: a bias-and-ReLU pass over 128x120 floats took about 3 ns an element through one,
 * most of a DQN update. The engine's loops stay within buffers whose sizes its constructors check.
 */
final class Memory {

    private static final Unsafe UNSAFE;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Memory() {
    }

    /** The float at index {@code i} of the block starting at {@code address}. */
    static float get(long address, int i) {
        return UNSAFE.getFloat(address + ((long) i << 2));
    }

    static void put(long address, int i, float value) {
        UNSAFE.putFloat(address + ((long) i << 2), value);
    }
}
