package rlx.networks.engine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * One block of native floats, zeroed, and the views into it that BLAS calls take. It owns the memory: views are
 * {@link FloatPointer}s that do not (JavaCPP frees memory only through the pointer that allocated it), so the block
 * must stay reachable while a view is used, which holding it in a field of the object that uses the views guarantees.
 * {@link #close()} frees the memory at once rather than whenever the collector finds the block.
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
        Pointer.memset(new FloatPointer(base).position(from), 0, 4L * n);
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
