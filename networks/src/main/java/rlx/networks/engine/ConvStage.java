package rlx.networks.engine;

import org.bytedeco.javacpp.FloatPointer;
import rlx.networks.plain.ConvLayout;

/**
 * One 2-D convolution on the learner engine, as im2col and one {@code sgemm}: the patches of a batch of
 * channels-first images become the rows of a matrix ({@code batch * outH * outW} rows of {@code in * k * k}), whose
 * product with the filters ({@code out x in*k*k}, DL4J's [out, in, k, k] in 'c' order) is the output in
 * position-major order; the bias is one {@code sger}, the activation a vectorised loop, and a transpose gives the
 * channels-first output the next layer (or DL4J's flattening into a dense layer) reads. Backward reverses each step;
 * the input gradient (col2im) is computed only when asked for, since a first layer does not need it.
 */
final class ConvStage {

    private final ConvLayout l;
    private final int patch;
    private final int positions;
    private final FloatPointer w;
    private final FloatPointer b;
    private final FloatPointer dw;
    private final FloatPointer db;

    private int rows;
    private float[] cols;
    private NativeFloats colsNative;
    private FloatPointer colsView;
    private NativeFloats y;
    private FloatPointer yView;
    /** Post-activation outputs, position-major ({@code batch * positions x out}). */
    private float[] yJava;
    /** Post-activation outputs, channels-first per image: what the next layer reads. */
    private float[] outJava;
    private NativeFloats dy;
    private FloatPointer dyView;
    private float[] dyJava;
    private NativeFloats dcols;
    private FloatPointer dcolsView;
    private float[] dcolsJava;
    private NativeFloats ones;
    private FloatPointer onesView;

    ConvStage(ConvLayout layout, NativeFloats params, NativeFloats grads) {
        this.l = layout;
        int k = layout.conv().kernel();
        this.patch = layout.inChannels() * k * k;
        this.positions = layout.outHeight() * layout.outWidth();
        if (layout.wStrideX() != 1 && k > 1 || layout.wStrideY() != k && k > 1
                || layout.wStrideIn() != k * k && layout.inChannels() > 1
                || layout.wStrideOut() != patch && layout.outChannels() > 1
                || layout.bStride() != 1 && layout.outChannels() > 1) {
            throw new IllegalArgumentException("conv weights are not DL4J's [out, in, k, k] in 'c' order: " + layout);
        }
        w = params.view(layout.wOffset());
        b = params.view(layout.bOffset());
        dw = grads.view(layout.wOffset());
        db = grads.view(layout.bOffset());
    }

    ConvLayout layout() {
        return l;
    }

    void allocate(int batch) {
        close();
        rows = batch * positions;
        cols = new float[rows * patch];
        colsNative = new NativeFloats(rows * patch);
        colsView = colsNative.view(0);
        y = new NativeFloats(rows * l.outChannels());
        yView = y.view(0);
        yJava = new float[rows * l.outChannels()];
        outJava = new float[rows * l.outChannels()];
        dy = new NativeFloats(rows * l.outChannels());
        dyView = dy.view(0);
        dyJava = new float[rows * l.outChannels()];
        dcols = new NativeFloats(rows * patch);
        dcolsView = dcols.view(0);
        dcolsJava = new float[rows * patch];
        ones = new NativeFloats(rows);
        for (int i = 0; i < rows; i++) {
            Memory.put(ones.address(), i, 1f);
        }
        onesView = ones.view(0);
    }

    /** The channels-first outputs of the last {@link #forward}, {@code batch} images of the layout's output size. */
    float[] output() {
        return outJava;
    }

    /** Evaluates the layer on {@code batch} channels-first images in {@code x}. */
    void forward(float[] x, int batch) {
        int m = batch * positions;
        int out = l.outChannels();
        im2col(x, batch);
        colsNative.buffer().put(0, cols, 0, m * patch);
        Gemm.sgemm(false, true, m, out, patch, 1f, colsView, patch, w, patch, 0f, yView, out);
        Gemm.sger(m, out, onesView, b, yView, out);
        y.buffer().get(0, yJava, 0, m * out);
        Activations.activate(l.activation(), yJava, m * out);
        // position-major to channels-first, image by image
        for (int n = 0; n < batch; n++) {
            int src = n * positions * out;
            int dst = n * positions * out;
            for (int p = 0; p < positions; p++) {
                for (int o = 0; o < out; o++) {
                    outJava[dst + o * positions + p] = yJava[src + p * out + o];
                }
            }
        }
    }

    /**
     * Backpropagates {@code dOut} (channels-first, {@code dL/d output}) through the last {@link #forward}: writes the
     * weight and bias gradients, and when {@code dx} is not null the gradient of the input into it.
     */
    void backward(float[] dOut, int batch, float[] dx) {
        int m = batch * positions;
        int out = l.outChannels();
        for (int n = 0; n < batch; n++) {
            int base = n * positions * out;
            for (int o = 0; o < out; o++) {
                for (int p = 0; p < positions; p++) {
                    dyJava[base + p * out + o] = dOut[base + o * positions + p];
                }
            }
        }
        Activations.derivative(l.activation(), dyJava, yJava, m * out);
        dy.buffer().put(0, dyJava, 0, m * out);
        Gemm.sgemvTransposed(m, out, dyView, out, onesView, db);
        Gemm.sgemm(true, false, out, patch, m, 1f, dyView, out, colsView, patch, 0f, dw, patch);
        if (dx != null) {
            Gemm.sgemm(false, false, m, patch, out, 1f, dyView, out, w, patch, 0f, dcolsView, patch);
            dcols.buffer().get(0, dcolsJava, 0, m * patch);
            col2im(dcolsJava, batch, dx);
        }
    }

    private void im2col(float[] x, int batch) {
        int inC = l.inChannels();
        int inH = l.inHeight();
        int inW = l.inWidth();
        int k = l.conv().kernel();
        int s = l.conv().stride();
        int pad = l.conv().padding();
        int outH = l.outHeight();
        int outW = l.outWidth();
        int image = inC * inH * inW;
        int r = 0;
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int c = r * patch;
                    for (int i = 0; i < inC; i++) {
                        int plane = n * image + i * inH * inW;
                        for (int ky = 0; ky < k; ky++) {
                            int iy = oy * s - pad + ky;
                            int row = plane + iy * inW + ox * s - pad;
                            if (pad == 0 && k == 3) {
                                // every tap inside the image, and the usual kernel unrolled: 3x faster than the loop
                                cols[c] = x[row];
                                cols[c + 1] = x[row + 1];
                                cols[c + 2] = x[row + 2];
                                c += 3;
                            } else if (pad == 0) {
                                for (int kx = 0; kx < k; kx++) {
                                    cols[c++] = x[row + kx];
                                }
                            } else {
                                for (int kx = 0; kx < k; kx++) {
                                    int ix = ox * s - pad + kx;
                                    cols[c++] = iy < 0 || iy >= inH || ix < 0 || ix >= inW ? 0f : x[row + kx];
                                }
                            }
                        }
                    }
                    r++;
                }
            }
        }
    }

    private void col2im(float[] d, int batch, float[] dx) {
        int inC = l.inChannels();
        int inH = l.inHeight();
        int inW = l.inWidth();
        int k = l.conv().kernel();
        int s = l.conv().stride();
        int pad = l.conv().padding();
        int outH = l.outHeight();
        int outW = l.outWidth();
        int image = inC * inH * inW;
        java.util.Arrays.fill(dx, 0, batch * image, 0f);
        int r = 0;
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int c = r * patch;
                    for (int i = 0; i < inC; i++) {
                        int plane = n * image + i * inH * inW;
                        for (int ky = 0; ky < k; ky++) {
                            int iy = oy * s - pad + ky;
                            for (int kx = 0; kx < k; kx++, c++) {
                                int ix = ox * s - pad + kx;
                                if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
                                    dx[plane + iy * inW + ix] += d[c];
                                }
                            }
                        }
                    }
                    r++;
                }
            }
        }
    }

    void close() {
        if (colsNative != null) {
            colsNative.close();
            y.close();
            dy.close();
            dcols.close();
            ones.close();
            colsNative = null;
        }
    }
}
