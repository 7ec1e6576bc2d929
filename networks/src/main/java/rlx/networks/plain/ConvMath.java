package rlx.networks.plain;

/** A 2-D convolution in plain Java, looped so that the innermost loop runs along an output row. */
public final class ConvMath {

    private ConvMath() {
    }

    /**
     * {@code y[o][oy][ox] = b[o] + sum_{i,ky,kx} W[o][i][ky][kx] * x[i][oy*s - p + ky][ox*s - p + kx]}, reading zero
     * outside the image; {@code x} is channels-first starting at {@code xOff}, {@code y} channels-first from 0,
     * {@code w} row-major [out, in, k, k] as {@link ConvLayout#copy} writes it. No activation.
     */
    public static void conv(ConvLayout l, float[] w, float[] b, float[] x, int xOff, float[] y) {
        int inC = l.inChannels();
        int inH = l.inHeight();
        int inW = l.inWidth();
        int k = l.conv().kernel();
        int s = l.conv().stride();
        int p = l.conv().padding();
        int outH = l.outHeight();
        int outW = l.outWidth();
        int plane = outH * outW;
        for (int o = 0; o < l.outChannels(); o++) {
            java.util.Arrays.fill(y, o * plane, (o + 1) * plane, b[o]);
        }
        for (int o = 0; o < l.outChannels(); o++) {
            int yBase = o * plane;
            for (int i = 0; i < inC; i++) {
                int xBase = xOff + i * inH * inW;
                for (int ky = 0; ky < k; ky++) {
                    // output rows whose input row oy*s - p + ky lies inside the image; the rest read padding zeros
                    int oyLo = firstInside(p - ky, s);
                    int oyHi = Math.min(outH - 1, Math.floorDiv(inH - 1 + p - ky, s));
                    for (int kx = 0; kx < k; kx++) {
                        float wv = w[((o * inC + i) * k + ky) * k + kx];
                        int oxLo = firstInside(p - kx, s);
                        int oxHi = Math.min(outW - 1, Math.floorDiv(inW - 1 + p - kx, s));
                        for (int oy = oyLo; oy <= oyHi; oy++) {
                            int xr = xBase + (oy * s - p + ky) * inW - p + kx;
                            int yr = yBase + oy * outW;
                            for (int ox = oxLo; ox <= oxHi; ox++) {
                                y[yr + ox] += wv * x[xr + ox * s];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Smallest {@code n >= 0} with {@code n * s >= shortfall}. */
    private static int firstInside(int shortfall, int s) {
        return shortfall <= 0 ? 0 : (shortfall + s - 1) / s;
    }
}
