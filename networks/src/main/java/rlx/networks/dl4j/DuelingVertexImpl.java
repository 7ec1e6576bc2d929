package rlx.networks.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runtime vertex of {@link DuelingVertex}. Forward: {@code q[i,k] = (a[i,k] - mean_j a[i,j]) + v[i]}. Backward, for
 * {@code e = dL/dq}: {@code dL/dv[i] = sum_k e[i,k]} and {@code dL/da[i,k] = e[i,k] - mean_j e[i,j]}.
 */
// "overrides": DL4J's BaseGraphVertex.setInputs drops the varargs of its interface; "try": the workspace scopes
// are entered for their side effect of choosing where new arrays live
@SuppressWarnings({"overrides", "try"})
public class DuelingVertexImpl extends BaseGraphVertex {
    private static final long serialVersionUID = 1L;

    /** Called by {@link DuelingVertex#instantiate}. */
    public DuelingVertexImpl(ComputationGraph graph, String name, int vertexIndex, DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("DuelingVertex " + vertexName + ": inputs not set");
        }
        INDArray v = inputs[0];
        INDArray a = inputs[1];
        if (v.rank() != 2 || a.rank() != 2 || v.size(1) != 1 || v.size(0) != a.size(0)) {
            throw new IllegalStateException("DuelingVertex " + vertexName + ": value "
                    + java.util.Arrays.toString(v.shape()) + " and advantage " + java.util.Arrays.toString(a.shape())
                    + " must be [batch, 1] and [batch, actions]");
        }
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
            INDArray q = a.subColumnVector(a.mean(true, 1));
            return q.addiColumnVector(v);
        }
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("DuelingVertex " + vertexName + ": epsilon not set");
        }
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
            INDArray dv = epsilon.sum(true, 1);
            INDArray da = epsilon.subColumnVector(epsilon.mean(true, 1));
            return new Pair<>(null, new INDArray[] {dv, da});
        }
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("DuelingVertex has no parameters, so no gradient view");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        if (maskArrays == null || maskArrays.length == 0) {
            return null;
        }
        return new Pair<>(maskArrays[0], currentMaskState);
    }

    @Override
    public String toString() {
        return "DuelingVertexImpl(id=" + vertexIndex + ",name=\"" + vertexName + "\")";
    }
}
