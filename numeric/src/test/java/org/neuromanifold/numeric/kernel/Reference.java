package org.neuromanifold.numeric.kernel;

import java.util.Random;

/**
 * Independent references for the kernel tests: sums in double-double arithmetic (error-free
 * transformations, about 106 bits, so their own error is negligible next to a double rounding), and
 * scalar emulations of the summation orders that {@link VectorKernels} documents.
 */
final class Reference {
    /** Unit roundoff of double, 2^-53. */
    static final double U = 0x1p-53;

    private Reference() {
    }

    /** Σ a_i·b_i over i < n in double-double (x[off + i·stride]), rounded to double at the end. */
    static double accurateDot(int n, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride) {
        double hi = 0;
        double lo = 0;
        for (int i = 0; i < n; i++) {
            double x = a[aOff + i * aStride];
            double y = b[bOff + i * bStride];
            double p = x * y;
            double pe = Math.fma(x, y, -p); // exact error of the product
            double s = hi + p;
            double bb = s - hi;
            double se = (hi - (s - bb)) + (p - bb); // exact error of the sum (TwoSum)
            hi = s;
            lo += se + pe;
        }
        return hi + lo;
    }

    /** Σ |a_i·b_i|, the scale of the rounding errors of any summation order. */
    static double absDot(int n, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(a[aOff + i * aStride] * b[bOff + i * bStride]);
        }
        return s;
    }

    /**
     * The entry c_ij of GEMM as {@link VectorGemm} documents it: c ← β·c (0 when β = 0), then
     * c ← fma(α·a_ip, b_pj, c) for p = 0..k−1.
     */
    static double gemmEntry(boolean transA, boolean transB, int i, int j, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double cOld) {
        double c = beta == 0 ? 0.0 : beta == 1 ? cOld : beta * cOld;
        for (int p = 0; p < k; p++) {
            double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
            double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            c = Math.fma(alpha * av, bv, c);
        }
        return c;
    }

    /** The documented dot order of {@link VectorKernels} for L lanes. */
    static double emulatedDot(int n, double[] a, int aOff, double[] b, int bOff, int lanes) {
        double[][] acc = new double[4][lanes];
        int bound4 = n - n % (4 * lanes);
        int i = 0;
        for (; i < bound4; i += 4 * lanes) {
            for (int u = 0; u < 4; u++) {
                for (int l = 0; l < lanes; l++) {
                    int at = i + u * lanes + l;
                    acc[u][l] = Math.fma(a[aOff + at], b[bOff + at], acc[u][l]);
                }
            }
        }
        for (; i + lanes <= n; i += lanes) {
            for (int l = 0; l < lanes; l++) {
                acc[0][l] = Math.fma(a[aOff + i + l], b[bOff + i + l], acc[0][l]);
            }
        }
        double s = tree(combine(acc, lanes));
        for (; i < n; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    /** The documented sum order of {@link VectorKernels} for L lanes. */
    static double emulatedSum(int n, double[] x, int xOff, int lanes) {
        double[][] acc = new double[4][lanes];
        int bound4 = n - n % (4 * lanes);
        int i = 0;
        for (; i < bound4; i += 4 * lanes) {
            for (int u = 0; u < 4; u++) {
                for (int l = 0; l < lanes; l++) {
                    acc[u][l] += x[xOff + i + u * lanes + l];
                }
            }
        }
        for (; i + lanes <= n; i += lanes) {
            for (int l = 0; l < lanes; l++) {
                acc[0][l] += x[xOff + i + l];
            }
        }
        double s = tree(combine(acc, lanes));
        for (; i < n; i++) {
            s += x[xOff + i];
        }
        return s;
    }

    private static double[] combine(double[][] acc, int lanes) {
        double[] v = new double[lanes];
        for (int l = 0; l < lanes; l++) {
            v[l] = (acc[0][l] + acc[1][l]) + (acc[2][l] + acc[3][l]);
        }
        return v;
    }

    /** The lane tree: halve by adding lane i + L/2 to lane i, down to one lane. */
    static double tree(double[] v) {
        double[] t = v.clone();
        for (int h = t.length / 2; h >= 1; h /= 2) {
            for (int l = 0; l < h; l++) {
                t[l] = t[l] + t[l + h];
            }
        }
        return t[0];
    }

    /** n standard normal values. */
    static double[] gaussian(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    /** Distance in units in the last place (of the larger magnitude); 0 for identical bits and NaN pairs. */
    static double ulps(double x, double y) {
        if (Double.doubleToLongBits(x) == Double.doubleToLongBits(y) || (Double.isNaN(x) && Double.isNaN(y))) {
            return 0;
        }
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(x - y) / Math.ulp(Math.max(Math.abs(x), Math.abs(y)));
    }

    /** Relative tolerance of {@link #assertClose}, in ulps of the expected value. */
    static final double ULPS = 4;
    /** Absolute tolerance of {@link #assertClose}, per unit of the caller's scale. */
    static final double ABS = 8 * U;

    /** Equal within ULPS relative plus ABS·scale absolute; NaN only matches NaN, infinities exactly. */
    static void assertClose(double want, double got, double scale, String what) {
        if (Double.isNaN(want) || Double.isNaN(got) || Double.isInfinite(want) || Double.isInfinite(got)) {
            if (!(Double.isNaN(want) && Double.isNaN(got)) && want != got) {
                throw new AssertionError(what + ": expected " + want + " but got " + got);
            }
            return;
        }
        double tol = ULPS * Math.ulp(Math.abs(want)) + ABS * scale;
        if (Math.abs(want - got) > tol) {
            throw new AssertionError(what + ": expected " + want + " but got " + got + " (" + ulps(want, got)
                    + " ulps)");
        }
    }

    static void assertSameBits(double want, double got, String what) {
        if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) {
            throw new AssertionError(what + ": expected exactly " + want + " but got " + got);
        }
    }
}
