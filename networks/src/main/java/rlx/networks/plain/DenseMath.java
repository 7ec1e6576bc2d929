package rlx.networks.plain;

import rlx.networks.config.ActivationKind;

/** The two operations of a dense layer in plain Java, written so that the JIT vectorises them. */
public final class DenseMath {

    private DenseMath() {
    }

    /** {@code y[yOff ..] = b + x[xOff ..] * W} with {@code W} row-major {@code nIn x nOut}. */
    public static void dense(int nIn, int nOut, float[] w, float[] b, float[] x, int xOff, float[] y, int yOff) {
        System.arraycopy(b, 0, y, yOff, nOut);
        for (int i = 0; i < nIn; i++) {
            float xi = x[xOff + i];
            if (xi == 0f) {
                // ReLU zeroes about half the units: skipping them halves the work
                continue;
            }
            int row = i * nOut;
            // contiguous axpy over the outputs, which the JIT vectorises (a dot-product loop it would not)
            for (int j = 0; j < nOut; j++) {
                y[yOff + j] += xi * w[row + j];
            }
        }
    }

    /** Applies an activation in place to {@code a[0 .. n)}. */
    public static void activate(ActivationKind kind, float[] a, int n) {
        switch (kind) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = a[i] > 0f ? a[i] : 0f;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) Math.tanh(a[i]);
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = a[i] > 0f ? a[i] : (float) Math.expm1(a[i]);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = a[i] >= 0f ? a[i] : 0.01f * a[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
                }
            }
            case IDENTITY -> {
            }
        }
    }
}
