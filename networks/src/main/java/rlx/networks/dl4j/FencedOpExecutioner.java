package rlx.networks.dl4j;

import java.lang.ref.Reference;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J 1.0.0-M2.1's CPU op executioner with every op kept reachable until its native call has returned.
 *
 * <p>The bug it fixes: a broadcast, reduction or index op creates its "dimensions" array outside any workspace
 * ({@code BaseOp.defineDimensions}), so the op is that array's only owner. {@code NativeOpExecutioner.exec} reads the
 * array's native buffer as the last argument of {@code execBroadcast}/{@code execReduce...}; after that the op is dead
 * to the JIT, a garbage collection during the native call can collect it, and ND4J's deallocator then frees the
 * dimension buffer while libnd4j still reads it: SIGSEGV in {@code sd::DataBuffer::primary()} (under a dense layer's
 * bias add), and garbage dimensions in {@code TadDescriptor} (SIGBUS). Frequent young collections made it common:
 * PPO with {@code -Xmn2m} crashed in 7 of 15 runs, 0 of 15 with this executioner (results/BENCHMARKS.md).
 *
 * <p>Installed by {@link Nd4jSetup#install()} through ND4J's {@code opexec} system property, before ND4J loads.
 */
public class FencedOpExecutioner extends NativeOpExecutioner {

    /** Runs {@code call} with {@code op} and {@code context} kept reachable until it returns. */
    private static <T> T fenced(Object op, Object context, Supplier<T> call) {
        try {
            return call.get();
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(Op op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(Variance op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ReduceOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(ScalarOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }

    @Override
    public INDArray exec(RandomOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray exec(RandomOp op, Random rng) {
        return fenced(op, rng, () -> super.exec(op, rng));
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random rng) {
        return fenced(op, context, () -> super.exec(op, context, rng));
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        return fenced(op, null, () -> super.exec(op));
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        return fenced(op, context, () -> super.exec(op, context));
    }
}
