package org.neuromanifold.numeric.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM for tiny problems (the verifier multiplies 8×8 matrices millions of times): straight from A and
 * B, no packing, no threads, nothing allocated after a thread's first transposed-B call. The arithmetic
 * is that of {@link VectorGemm}, bit for bit: c ← β·c (0 when β = 0), then c ← fma(α·a_ip, b_pj, c) for
 * p = 0..k−1. Rows of C are built four at a time as vectors along j, so eight independent fma chains
 * hide the fma latency; the last columns use scalar {@link Math#fma}, which rounds exactly like a lane.
 */
final class GemmDirect {
    private static final VectorSpecies<Double> S = Lanes.S;
    private static final int L = Lanes.L;

    /** At or below this m·n·k, C is computed straight from A and B (no packing, no threads). */
    static final long DIRECT_VOLUME = 40L * 40 * 40;
    /** The same bound when op(B) = Bᵀ, which the direct path must first copy transposed. */
    static final long DIRECT_VOLUME_TRANS_B = 20L * 20 * 20;

    private GemmDirect() {
    }

    /** Whether the problem takes the unpacked path: tiny problems, and gemv-like ones (m ≤ 4). */
    static boolean isDirect(boolean transB, int m, int n, int k) {
        long volume = (long) m * n * k;
        return transB ? volume <= DIRECT_VOLUME_TRANS_B : volume <= DIRECT_VOLUME || m <= 4;
    }

    /**
     * C ← α·op(A)·op(B) + β·C with op(A)[i, p] = a[aOff + i·aRow + p·aCol] and
     * op(B)[p, j] = b[bOff + p·bRow + j·bCol].
     */
    static void compute(int m, int n, int k, double alpha, double[] a, int aOff, int aRow, int aCol, double[] b,
            int bOff, int bRow, int bCol, double beta, double[] c, int cOff, int ldc) {
        if (k == 0) {
            VectorGemm.scaleRows(beta, c, cOff, ldc, n, 0, m);
            return;
        }
        if (bCol == 1) {
            directRowVectors(0, m, 0, n, k, alpha, a, aOff, aRow, aCol, b, bOff, bRow, beta, c, cOff, ldc);
            return;
        }
        // op(B) = Bᵀ: copy it transposed (k×n, row-major) into the thread's scratch, then as above
        double[] bt = GemmWorkspace.current().scratch(k * n);
        for (int j = 0; j < n; j++) {
            int from = bOff + j * bCol;
            for (int q = 0; q < k; q++) {
                bt[q * n + j] = b[from + q * bRow];
            }
        }
        directRowVectors(0, m, 0, n, k, alpha, a, aOff, aRow, aCol, bt, 0, n, beta, c, cOff, ldc);
    }

    /**
     * Rows i0..i1−1, columns j0..j1−1 of C when op(B) rows are contiguous: vectors along j, four rows at a
     * time so that eight (or four) independent fma chains hide the fma latency; scalar fma on the last
     * (j1−j0) mod L columns.
     */
    private static void directRowVectors(int i0, int i1, int j0, int j1, int k, double alpha, double[] a, int aOff,
            int aRow, int aCol, double[] b, int bOff, int bRow, double beta, double[] c, int cOff, int ldc) {
        // every chain starts at β·c, or at 0 when β = 0 (a lane select, so NaN garbage in C is dropped)
        VectorMask<Double> keep = S.maskAll(beta != 0);
        DoubleVector zero = DoubleVector.zero(S);
        int width = j1 - j0;
        int bound2 = j0 + width - width % (2 * L);
        int bound1 = j0 + S.loopBound(width);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int a0 = aOff + i * aRow;
            int a1 = a0 + aRow;
            int a2 = a1 + aRow;
            int a3 = a2 + aRow;
            int c0 = cOff + i * ldc;
            int c1 = c0 + ldc;
            int c2 = c1 + ldc;
            int c3 = c2 + ldc;
            int j = j0;
            for (; j < bound2; j += 2 * L) {
                DoubleVector x00 = zero.blend(DoubleVector.fromArray(S, c, c0 + j).mul(beta), keep);
                DoubleVector x01 = zero.blend(DoubleVector.fromArray(S, c, c0 + j + L).mul(beta), keep);
                DoubleVector x10 = zero.blend(DoubleVector.fromArray(S, c, c1 + j).mul(beta), keep);
                DoubleVector x11 = zero.blend(DoubleVector.fromArray(S, c, c1 + j + L).mul(beta), keep);
                DoubleVector x20 = zero.blend(DoubleVector.fromArray(S, c, c2 + j).mul(beta), keep);
                DoubleVector x21 = zero.blend(DoubleVector.fromArray(S, c, c2 + j + L).mul(beta), keep);
                DoubleVector x30 = zero.blend(DoubleVector.fromArray(S, c, c3 + j).mul(beta), keep);
                DoubleVector x31 = zero.blend(DoubleVector.fromArray(S, c, c3 + j + L).mul(beta), keep);
                int bi = bOff + j;
                int qa = 0;
                for (int q = 0; q < k; q++) {
                    DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
                    DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
                    DoubleVector av = DoubleVector.broadcast(S, alpha * a[a0 + qa]);
                    x00 = av.fma(b0, x00);
                    x01 = av.fma(b1, x01);
                    av = DoubleVector.broadcast(S, alpha * a[a1 + qa]);
                    x10 = av.fma(b0, x10);
                    x11 = av.fma(b1, x11);
                    av = DoubleVector.broadcast(S, alpha * a[a2 + qa]);
                    x20 = av.fma(b0, x20);
                    x21 = av.fma(b1, x21);
                    av = DoubleVector.broadcast(S, alpha * a[a3 + qa]);
                    x30 = av.fma(b0, x30);
                    x31 = av.fma(b1, x31);
                    qa += aCol;
                    bi += bRow;
                }
                x00.intoArray(c, c0 + j);
                x01.intoArray(c, c0 + j + L);
                x10.intoArray(c, c1 + j);
                x11.intoArray(c, c1 + j + L);
                x20.intoArray(c, c2 + j);
                x21.intoArray(c, c2 + j + L);
                x30.intoArray(c, c3 + j);
                x31.intoArray(c, c3 + j + L);
            }
            for (; j < bound1; j += L) {
                DoubleVector x0 = zero.blend(DoubleVector.fromArray(S, c, c0 + j).mul(beta), keep);
                DoubleVector x1 = zero.blend(DoubleVector.fromArray(S, c, c1 + j).mul(beta), keep);
                DoubleVector x2 = zero.blend(DoubleVector.fromArray(S, c, c2 + j).mul(beta), keep);
                DoubleVector x3 = zero.blend(DoubleVector.fromArray(S, c, c3 + j).mul(beta), keep);
                int bi = bOff + j;
                int qa = 0;
                for (int q = 0; q < k; q++) {
                    DoubleVector bv = DoubleVector.fromArray(S, b, bi);
                    x0 = DoubleVector.broadcast(S, alpha * a[a0 + qa]).fma(bv, x0);
                    x1 = DoubleVector.broadcast(S, alpha * a[a1 + qa]).fma(bv, x1);
                    x2 = DoubleVector.broadcast(S, alpha * a[a2 + qa]).fma(bv, x2);
                    x3 = DoubleVector.broadcast(S, alpha * a[a3 + qa]).fma(bv, x3);
                    qa += aCol;
                    bi += bRow;
                }
                x0.intoArray(c, c0 + j);
                x1.intoArray(c, c1 + j);
                x2.intoArray(c, c2 + j);
                x3.intoArray(c, c3 + j);
            }
            if (j < j1) {
                directScalar(i, i + 4, j, j1, k, alpha, a, aOff, aRow, aCol, b, bOff, bRow, 1, beta, c, cOff, ldc);
            }
        }
        for (; i < i1; i++) {
            int aStart = aOff + i * aRow;
            int cRow = cOff + i * ldc;
            int j = j0;
            for (; j < bound1; j += L) {
                DoubleVector x0 = zero.blend(DoubleVector.fromArray(S, c, cRow + j).mul(beta), keep);
                int bi = bOff + j;
                int ai = aStart;
                for (int q = 0; q < k; q++) {
                    x0 = DoubleVector.broadcast(S, alpha * a[ai]).fma(DoubleVector.fromArray(S, b, bi), x0);
                    ai += aCol;
                    bi += bRow;
                }
                x0.intoArray(c, cRow + j);
            }
            if (j < j1) {
                directScalar(i, i + 1, j, j1, k, alpha, a, aOff, aRow, aCol, b, bOff, bRow, 1, beta, c, cOff, ldc);
            }
        }
    }

    /** Rows i0..i1−1, columns j0..j1−1 of C, any strides: one scalar fma chain per entry from β·c. */
    private static void directScalar(int i0, int i1, int j0, int j1, int k, double alpha, double[] a, int aOff,
            int aRow, int aCol, double[] b, int bOff, int bRow, int bCol, double beta, double[] c, int cOff,
            int ldc) {
        for (int i = i0; i < i1; i++) {
            int cRow = cOff + i * ldc;
            for (int j = j0; j < j1; j++) {
                double acc = beta == 0 ? 0.0 : beta * c[cRow + j];
                int ai = aOff + i * aRow;
                int bi = bOff + j * bCol;
                for (int q = 0; q < k; q++) {
                    acc = Math.fma(alpha * a[ai], b[bi], acc);
                    ai += aCol;
                    bi += bRow;
                }
                c[cRow + j] = acc;
            }
        }
    }
}
