package rlx.networks.engine;

import static rlx.networks.engine.Memory.get;
import static rlx.networks.engine.Memory.put;

import rlx.networks.config.ActivationKind;

/**
 * The fused passes around a dense layer's matrix products, as JVM loops over native memory: bias add with the
 * activation, and the activation's derivative with the bias gradient. Derivatives are taken from the activation's
 * output, so a layer keeps only its outputs. Arguments are addresses of row-major {@code rows x cols} blocks.
 */
final class Activations {

    private Activations() {
    }

    /** {@code y[r][c] = f(y[r][c] + b[c])}, with {@code b} at {@code params[bOff ..]}. */
    static void biasActivate(ActivationKind kind, long y, int rows, int cols, long params, int bOff, float[] bias) {
        for (int c = 0; c < cols; c++) {
            bias[c] = get(params, bOff + c);
        }
        int n = rows * cols;
        switch (kind) {
            case IDENTITY -> {
                for (int i = 0, c = 0; i < n; i++) {
                    put(y, i, get(y, i) + bias[c]);
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case RELU -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float z = get(y, i) + bias[c];
                    put(y, i, z > 0f ? z : 0f);
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case TANH -> {
                for (int i = 0, c = 0; i < n; i++) {
                    put(y, i, tanh(get(y, i) + bias[c]));
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float z = get(y, i) + bias[c];
                    put(y, i, z >= 0f ? z : 0.01f * z);
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case ELU -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float z = get(y, i) + bias[c];
                    put(y, i, z > 0f ? z : (float) Math.expm1(z));
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case SIGMOID -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float z = get(y, i) + bias[c];
                    put(y, i, (float) (1.0 / (1.0 + Math.exp(-z))));
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
        }
    }

    /**
     * Turns {@code d = dL/dy} into {@code dL/dz} in place, given the outputs {@code y = f(z)}, and writes the bias
     * gradient {@code sum_r dL/dz[r][c]} to {@code grads[gOff ..]}.
     */
    static void backward(ActivationKind kind, long d, long y, int rows, int cols, long grads, int gOff,
                         float[] biasGrad) {
        java.util.Arrays.fill(biasGrad, 0, cols, 0f);
        int n = rows * cols;
        switch (kind) {
            case IDENTITY -> {
                for (int i = 0, c = 0; i < n; i++) {
                    biasGrad[c] += get(d, i);
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case RELU -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float v = get(y, i) > 0f ? get(d, i) : 0f;
                    put(d, i, v);
                    biasGrad[c] += v;
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case TANH -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float a = get(y, i);
                    float v = get(d, i) * (1f - a * a);
                    put(d, i, v);
                    biasGrad[c] += v;
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float v = get(y, i) >= 0f ? get(d, i) : 0.01f * get(d, i);
                    put(d, i, v);
                    biasGrad[c] += v;
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case ELU -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float a = get(y, i);
                    float v = a > 0f ? get(d, i) : get(d, i) * (a + 1f);
                    put(d, i, v);
                    biasGrad[c] += v;
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
            case SIGMOID -> {
                for (int i = 0, c = 0; i < n; i++) {
                    float a = get(y, i);
                    float v = get(d, i) * a * (1f - a);
                    put(d, i, v);
                    biasGrad[c] += v;
                    c = c + 1 == cols ? 0 : c + 1;
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            put(grads, gOff + c, biasGrad[c]);
        }
    }

    /**
     * tanh as a rational function, within a few float ulps of {@code Math.tanh} (the minimax form Eigen uses):
     * {@code Math.tanh} costs about 20 ns a call, which a 64x64 tanh network pays 30k times per minibatch.
     */
    static float tanh(float x) {
        final float clamp = 7.90531110763549805f;
        if (Math.abs(x) < 0.0004f) {
            return x;
        }
        float v = Math.max(-clamp, Math.min(clamp, x));
        float x2 = v * v;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = p * x2 + -8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        p = p * v;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return p / q;
    }
}
