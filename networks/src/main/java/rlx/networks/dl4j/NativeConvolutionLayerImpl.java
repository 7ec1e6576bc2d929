package rlx.networks.dl4j;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * DL4J's convolution layer with its helper slot filled by the op-based helper, so that the forward pass runs
 * libnd4j's {@code conv2d} and the backward pass {@code conv2d_bp} (for float networks; the helper declines other
 * data types and DL4J's own im2col path takes over). The helper's name is historical: it calls the generic ops, which
 * the oneDNN build of libnd4j runs through oneDNN and the plain build through its own kernels.
 */
public class NativeConvolutionLayerImpl extends ConvolutionLayer {
    private static final long serialVersionUID = 1L;

    public NativeConvolutionLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        helper = new MKLDNNConvHelper(dataType);
    }
}
