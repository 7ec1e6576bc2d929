package rlx.networks.engine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One block of native floats, zeroed, and the views into it that BLAS calls take. The block owns the memory and
 * {@link #close()} frees it at once rather than whenever the collector finds it. A view ({@code new
 * FloatPointer(base)}, positioned) shares JavaCPP's deallocator with the block: it keeps the memory alive while it is
 * reachable, and closing a view would free the whole block, so views are never closed, only dropped. Raw
 * {@link #address()}es keep nothing alive: whoever uses one holds the block in a field.
 */
public final class NativeFloats implements AutoCloseable {

    private final FloatPointer base;
    private final FloatBuffer buffer;
    private final int length;
    private boolean closed;

    public NativeFloats(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length (" + length + ") must be > 0");
        }
        this.length = length;
        this.base = new FloatPointer(length);
        if (base.isNull()) {
            throw new OutOfMemoryError("cannot allocate " + length + " native floats");
        }
        Pointer.memset(base, 0, 4L * length);
        this.buffer = base.asBuffer();
    }

    public int length() {
        return length;
    }

    /** The whole block as a direct buffer for element access (absolute {@code get(i)}/{@code put(i, v)}). */
    public FloatBuffer buffer() {
        checkOpen();
        return buffer;
    }

    /**
     * The address of element 0, for {@link Memory}'s loops; valid while this block is open and reachable (keep the
     * block in a field of whatever uses the address).
     */
    public long address() {
        checkOpen();
        return base.address();
    }

    /** A pointer to element {@code offset}, for BLAS calls; make views once, not per call. */
    public FloatPointer view(int offset) {
        checkOpen();
        if (offset < 0 || offset >= length) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [0, " + length + ")");
        }
        return new FloatPointer(base).position(offset);
    }

    /** Copies {@code src} into elements {@code [0, src.length)}. */
    public void put(float[] src) {
        checkOpen();
        buffer.put(0, src, 0, Math.min(src.length, length));
    }

    /** Copies elements {@code [0, dst.length)} into {@code dst}. */
    public void get(float[] dst) {
        checkOpen();
        buffer.get(0, dst, 0, Math.min(dst.length, length));
    }

    /** Sets elements {@code [from, from + n)} to zero. */
    public void zero(int from, int n) {
        checkOpen();
        if (from < 0 || n < 0 || from + n > length) {
            throw new IndexOutOfBoundsException("[" + from + ", " + (from + n) + ") outside [0, " + length + ")");
        }
        // a loop: Pointer.memset counts a pointer's position in bytes, not in floats
        long a = base.address();
        for (int i = from; i < from + n; i++) {
            Memory.put(a, i, 0f);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("native floats already freed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            base.deallocate();
        }
    }
}
