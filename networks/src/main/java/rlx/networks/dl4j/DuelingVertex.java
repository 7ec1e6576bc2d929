package rlx.networks.dl4j;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of the dueling aggregation of Wang et al. (2016), {@code Q = V + A - mean(A)}: two feed-forward
 * inputs, the state value V ([batch, 1]) first and the advantages A ([batch, actions]) second; the output has A's
 * shape. No parameters. See {@link DuelingVertexImpl} for the forward and backward pass.
 */
public class DuelingVertex extends GraphVertex {
    private static final long serialVersionUID = 1L;

    /** The vertex has no settings. */
    public DuelingVertex() {
    }

    @Override
    public DuelingVertex clone() {
        return new DuelingVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DuelingVertex;
    }

    @Override
    public int hashCode() {
        return DuelingVertex.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new DuelingVertexImpl(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 2) {
            throw new InvalidInputTypeException("DuelingVertex needs 2 inputs (value, advantage), got "
                    + vertexInputs.length);
        }
        for (InputType t : vertexInputs) {
            if (t.getType() != InputType.Type.FF) {
                throw new InvalidInputTypeException("DuelingVertex inputs must be feed-forward, got " + t);
            }
        }
        if (vertexInputs[0].arrayElementsPerExample() != 1) {
            throw new InvalidInputTypeException("DuelingVertex value input must have size 1, got " + vertexInputs[0]);
        }
        return vertexInputs[1];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, DuelingVertex.class, inputTypes[1], out)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0)
                .build();
    }

    @Override
    public String toString() {
        return "DuelingVertex()";
    }
}
