package rlx.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The binary format of this package's checkpoints: header and bulk-array helpers. Arrays go through a byte chunk
 * rather than one {@code writeFloat} per element because buffers hold millions of floats.
 */
final class BinaryFormat {

    static final int MAGIC = 0x524C5852; // "RLXR"
    static final int VERSION = 1;

    private static final int CHUNK_BYTES = 1 << 16;

    private BinaryFormat() {
    }

    /**
     * Writes the header: magic, format version, the class and a canonical description of its shape. The shape is
     * text so that a mismatch can be reported as is; doubles in it use {@link Double#toString}, which round-trips,
     * so equal text means equal values.
     */
    static void writeHeader(DataOutputStream out, Class<?> type, String shape) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(type.getName());
        out.writeUTF(shape);
    }

    /** Reads a header and throws, naming what the stream holds and what was expected, unless it matches. */
    static void checkHeader(DataInputStream in, Class<?> type, String shape) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not an rlx replay checkpoint: expected magic 0x" + Integer.toHexString(MAGIC)
                    + ", found 0x" + Integer.toHexString(magic));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported rlx replay checkpoint version " + version + " (this build reads "
                    + VERSION + ")");
        }
        String storedType = in.readUTF();
        String storedShape = in.readUTF();
        if (!storedType.equals(type.getName()) || !storedShape.equals(shape)) {
            throw new IOException("checkpoint mismatch: the stream holds " + storedType + "(" + storedShape
                    + ") but this is " + type.getName() + "(" + shape + ")");
        }
    }

    static IOException corrupt(String what) {
        return new IOException("corrupt rlx replay checkpoint: " + what);
    }

    static void writeFloats(DataOutputStream out, float[] a, int from, int length) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk);
        int perChunk = CHUNK_BYTES / Float.BYTES;
        for (int done = 0; done < length; done += perChunk) {
            int n = Math.min(perChunk, length - done);
            bytes.asFloatBuffer().put(a, from + done, n);
            out.write(chunk, 0, n * Float.BYTES);
        }
    }

    static void readFloats(DataInputStream in, float[] a, int from, int length) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk);
        int perChunk = CHUNK_BYTES / Float.BYTES;
        for (int done = 0; done < length; done += perChunk) {
            int n = Math.min(perChunk, length - done);
            in.readFully(chunk, 0, n * Float.BYTES);
            bytes.asFloatBuffer().get(a, from + done, n);
        }
    }

    static void writeInts(DataOutputStream out, int[] a, int from, int length) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk);
        int perChunk = CHUNK_BYTES / Integer.BYTES;
        for (int done = 0; done < length; done += perChunk) {
            int n = Math.min(perChunk, length - done);
            bytes.asIntBuffer().put(a, from + done, n);
            out.write(chunk, 0, n * Integer.BYTES);
        }
    }

    static void readInts(DataInputStream in, int[] a, int from, int length) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer bytes = ByteBuffer.wrap(chunk);
        int perChunk = CHUNK_BYTES / Integer.BYTES;
        for (int done = 0; done < length; done += perChunk) {
            int n = Math.min(perChunk, length - done);
            in.readFully(chunk, 0, n * Integer.BYTES);
            bytes.asIntBuffer().get(a, from + done, n);
        }
    }
}
