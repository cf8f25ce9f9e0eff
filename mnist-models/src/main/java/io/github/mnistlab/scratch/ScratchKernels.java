package io.github.mnistlab.scratch;

/**
 * The scratch MLP's inner loops, unrolled by hand: the affine map of a batch, the weight and bias
 * gradients and the delta of a hidden layer. Plain static functions over the per-sample row arrays
 * that {@link ScratchMlp} keeps, so each can be read (and tested) against its one-line formula.
 */
final class ScratchKernels {
    private ScratchKernels() {
    }

    /**
     * {@code z[i][j] = (Σ_k w[j][k] · x[i][k]) + b[j]} for i < m, j < nOut: dot products over
     * contiguous rows. Every sum is accumulated in k order whatever the blocking, so a sample's
     * result does not depend on its batch or position. The blocks (4 samples × 2 neurons, 2 × 4,
     * 1 × 4) keep 8 or 4 independent sums in registers and use every loaded value several times.
     */
    static void affine(float[][] x, int m, float[][] w, float[] b, int nIn, int nOut, float[][] z) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            float[] x0 = x[i];
            float[] x1 = x[i + 1];
            float[] x2 = x[i + 2];
            float[] x3 = x[i + 3];
            float[] z0 = z[i];
            float[] z1 = z[i + 1];
            float[] z2 = z[i + 2];
            float[] z3 = z[i + 3];
            int j = 0;
            for (; j + 2 <= nOut; j += 2) {
                float[] wa = w[j];
                float[] wb = w[j + 1];
                float s00 = 0;
                float s01 = 0;
                float s02 = 0;
                float s03 = 0;
                float s10 = 0;
                float s11 = 0;
                float s12 = 0;
                float s13 = 0;
                for (int k = 0; k < nIn; k++) {
                    float a = wa[k];
                    float c = wb[k];
                    float v0 = x0[k];
                    float v1 = x1[k];
                    float v2 = x2[k];
                    float v3 = x3[k];
                    s00 += a * v0;
                    s01 += a * v1;
                    s02 += a * v2;
                    s03 += a * v3;
                    s10 += c * v0;
                    s11 += c * v1;
                    s12 += c * v2;
                    s13 += c * v3;
                }
                z0[j] = s00 + b[j];
                z1[j] = s01 + b[j];
                z2[j] = s02 + b[j];
                z3[j] = s03 + b[j];
                z0[j + 1] = s10 + b[j + 1];
                z1[j + 1] = s11 + b[j + 1];
                z2[j + 1] = s12 + b[j + 1];
                z3[j + 1] = s13 + b[j + 1];
            }
            for (; j < nOut; j++) {
                float[] wa = w[j];
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int k = 0; k < nIn; k++) {
                    float a = wa[k];
                    s0 += a * x0[k];
                    s1 += a * x1[k];
                    s2 += a * x2[k];
                    s3 += a * x3[k];
                }
                z0[j] = s0 + b[j];
                z1[j] = s1 + b[j];
                z2[j] = s2 + b[j];
                z3[j] = s3 + b[j];
            }
        }
        for (; i + 2 <= m; i += 2) {
            float[] x0 = x[i];
            float[] x1 = x[i + 1];
            float[] z0 = z[i];
            float[] z1 = z[i + 1];
            int j = 0;
            for (; j + 4 <= nOut; j += 4) {
                float[] wa = w[j];
                float[] wb = w[j + 1];
                float[] wc = w[j + 2];
                float[] wd = w[j + 3];
                float s00 = 0;
                float s01 = 0;
                float s10 = 0;
                float s11 = 0;
                float s20 = 0;
                float s21 = 0;
                float s30 = 0;
                float s31 = 0;
                for (int k = 0; k < nIn; k++) {
                    float v0 = x0[k];
                    float v1 = x1[k];
                    float a0 = wa[k];
                    float a1 = wb[k];
                    float a2 = wc[k];
                    float a3 = wd[k];
                    s00 += a0 * v0;
                    s01 += a0 * v1;
                    s10 += a1 * v0;
                    s11 += a1 * v1;
                    s20 += a2 * v0;
                    s21 += a2 * v1;
                    s30 += a3 * v0;
                    s31 += a3 * v1;
                }
                z0[j] = s00 + b[j];
                z1[j] = s01 + b[j];
                z0[j + 1] = s10 + b[j + 1];
                z1[j + 1] = s11 + b[j + 1];
                z0[j + 2] = s20 + b[j + 2];
                z1[j + 2] = s21 + b[j + 2];
                z0[j + 3] = s30 + b[j + 3];
                z1[j + 3] = s31 + b[j + 3];
            }
            for (; j < nOut; j++) {
                float[] wa = w[j];
                float s0 = 0;
                float s1 = 0;
                for (int k = 0; k < nIn; k++) {
                    float a = wa[k];
                    s0 += a * x0[k];
                    s1 += a * x1[k];
                }
                z0[j] = s0 + b[j];
                z1[j] = s1 + b[j];
            }
        }
        for (; i < m; i++) {
            float[] x0 = x[i];
            float[] z0 = z[i];
            int j = 0;
            for (; j + 4 <= nOut; j += 4) {
                float[] wa = w[j];
                float[] wb = w[j + 1];
                float[] wc = w[j + 2];
                float[] wd = w[j + 3];
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int k = 0; k < nIn; k++) {
                    float v = x0[k];
                    s0 += wa[k] * v;
                    s1 += wb[k] * v;
                    s2 += wc[k] * v;
                    s3 += wd[k] * v;
                }
                z0[j] = s0 + b[j];
                z0[j + 1] = s1 + b[j + 1];
                z0[j + 2] = s2 + b[j + 2];
                z0[j + 3] = s3 + b[j + 3];
            }
            for (; j < nOut; j++) {
                float[] wa = w[j];
                float s = 0;
                for (int k = 0; k < nIn; k++) {
                    s += wa[k] * x0[k];
                }
                z0[j] = s + b[j];
            }
        }
    }

    /**
     * {@code g[j][k] = Σ_i d[i][j] · x[i][k]}: the batch's outer products accumulated row by row of
     * g, with contiguous (vectorizable) multiply-adds over the input rows, two samples at a time.
     */
    static void weightGradient(float[][] d, float[][] x, int m, int nIn, int nOut, float[][] g) {
        for (int j = 0; j < nOut; j++) {
            float[] gj = g[j];
            float d0 = d[0][j];
            float[] x0 = x[0];
            for (int k = 0; k < nIn; k++) {
                gj[k] = d0 * x0[k];
            }
            int i = 1;
            for (; i + 2 <= m; i += 2) {
                float da = d[i][j];
                float db = d[i + 1][j];
                float[] xa = x[i];
                float[] xb = x[i + 1];
                for (int k = 0; k < nIn; k++) {
                    gj[k] += da * xa[k] + db * xb[k];
                }
            }
            if (i < m) {
                float da = d[i][j];
                float[] xa = x[i];
                for (int k = 0; k < nIn; k++) {
                    gj[k] += da * xa[k];
                }
            }
        }
    }

    /** {@code gb[j] = Σ_i d[i][j]}. */
    static void biasGradient(float[][] d, int m, int nOut, float[] gb) {
        System.arraycopy(d[0], 0, gb, 0, nOut);
        for (int i = 1; i < m; i++) {
            float[] di = d[i];
            for (int j = 0; j < nOut; j++) {
                gb[j] += di[j];
            }
        }
    }

    /**
     * The deltas of the hidden layer below: {@code dPrev[i][k] = (Σ_j w[j][k] · d[i][j]) · a(1 − a)}
     * with {@code a = act[i][k]}, the sigmoid's derivative; built from the rows of w with contiguous
     * multiply-adds, two rows at a time.
     */
    static void hiddenDelta(float[][] d, float[][] w, float[][] act, int m, int nIn, int nOut, float[][] dPrev) {
        for (int i = 0; i < m; i++) {
            float[] p = dPrev[i];
            float[] di = d[i];
            float d0 = di[0];
            float[] w0 = w[0];
            for (int k = 0; k < nIn; k++) {
                p[k] = d0 * w0[k];
            }
            int j = 1;
            for (; j + 2 <= nOut; j += 2) {
                float da = di[j];
                float db = di[j + 1];
                float[] wa = w[j];
                float[] wb = w[j + 1];
                for (int k = 0; k < nIn; k++) {
                    p[k] += da * wa[k] + db * wb[k];
                }
            }
            if (j < nOut) {
                float da = di[j];
                float[] wa = w[j];
                for (int k = 0; k < nIn; k++) {
                    p[k] += da * wa[k];
                }
            }
            float[] a = act[i];
            for (int k = 0; k < nIn; k++) {
                p[k] *= a[k] * (1f - a[k]);
            }
        }
    }
}
