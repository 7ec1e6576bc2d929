package rlx.networks.dl4j;

import java.lang.ref.Reference;
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

    @Override
    public INDArray exec(Op op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(Op op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(IndexAccumulation op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(IndexAccumulation op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(Variance op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ReduceOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ReduceOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(ScalarOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(ScalarOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(BroadcastOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray exec(RandomOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(RandomOp op, Random rng) {
        try {
            return super.exec(op, rng);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray exec(RandomOp op, OpContext context, Random rng) {
        try {
            return super.exec(op, context, rng);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }

    @Override
    public INDArray[] exec(CustomOp op) {
        try {
            return super.exec(op);
        } finally {
            Reference.reachabilityFence(op);
        }
    }

    @Override
    public INDArray[] exec(CustomOp op, OpContext context) {
        try {
            return super.exec(op, context);
        } finally {
            Reference.reachabilityFence(op);
            Reference.reachabilityFence(context);
        }
    }
}
