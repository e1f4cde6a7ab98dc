package org.neuromanifold.numeric.kernel;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM, C ← α·op(A)·op(B) + β·C, in the classic Goto/BLIS structure: a panel of op(B)
 * (KC×NC) packed into column strips of width {@link #NR}, a block of op(A) (MC×KC, pre-multiplied by
 * α) packed into row strips of height {@link #MR}, and an MR×NR register-blocked micro-kernel
 * (16 vector accumulators, {@code broadcast(a).fma(b, c)}). Tiny problems skip packing altogether.
 *
 * <p><b>Arithmetic, identical on every path.</b> Each entry of C is computed as
 * {@code c ← β·c} (or 0 when β = 0, ignoring the old contents; unchanged when β = 1), then
 * {@code c ← fma(α·a_ip, b_pj, c)} for p = 0, 1, …, k−1 in that order. The micro-kernel loads C into
 * its accumulators and stores them back, so the k-blocking, the tile position, the edge handling, the
 * small-problem path and the number of threads do not change a single bit of the result.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = Lanes.S;
    private static final int L = Lanes.L;

    /** Rows of the micro-tile. */
    static final int MR = 8;
    /** Columns of the micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of a packed panel (the k-block). */
    static final int KC = 256;
    /** Rows of a packed block of A. */
    static final int MC = 192;
    /** Columns of a packed panel of B. */
    static final int NC = 2048;
    /** At or below this m·n·k, C is computed straight from A and B (no packing, no threads). */
    static final long DIRECT_VOLUME = 40L * 40 * 40;

    private VectorGemm() {
    }

    /** Whether the problem takes the unpacked path. */
    static boolean isDirect(boolean transB, int m, int n, int k) {
        return (long) m * n * k <= DIRECT_VOLUME || (!transB && m <= 4);
    }

    /** Entries a packed-B panel needs for this problem. */
    static int packedBSize(GemmProblem p) {
        int nc = Math.min(NC, p.n);
        return Math.min(KC, p.k) * ((nc + NR - 1) / NR) * NR;
    }

    /** Rows r0 to r1 − 1 of C (n columns) ← β·C; β = 0 writes zeros, β = 1 leaves C alone. */
    static void scaleRows(double beta, double[] c, int cOff, int ldc, int n, int r0, int r1) {
        if (beta == 1) {
            return;
        }
        int bound = S.loopBound(n);
        for (int i = r0; i < r1; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) {
                Arrays.fill(c, row, row + n, 0.0);
            } else {
                int j = 0;
                for (; j < bound; j += L) {
                    DoubleVector.fromArray(S, c, row + j).mul(beta).intoArray(c, row + j);
                }
                for (; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    // ---------------------------------------------------------------- the direct (unpacked) path

    /**
     * Small problems: no packing, no allocation, no threads, the same arithmetic as the packed path.
     * op(A)[i, p] = a[aOff + i·aRow + p·aCol], op(B)[p, j] = b[bOff + p·bRow + j·bCol].
     */
    static void direct(int m, int n, int k, double alpha, double[] a, int aOff, int aRow, int aCol, double[] b,
            int bOff, int bRow, int bCol, double beta, double[] c, int cOff, int ldc) {
        scaleRows(beta, c, cOff, ldc, n, 0, m);
        if (k == 0) {
            return;
        }
        if (bCol == 1) {
            directRowVectors(m, n, k, alpha, a, aOff, aRow, aCol, b, bOff, bRow, c, cOff, ldc);
        } else {
            directScalar(m, 0, n, k, alpha, a, aOff, aRow, aCol, b, bOff, bRow, bCol, c, cOff, ldc);
        }
    }

    /** op(B) rows are contiguous: each row of C is built as vectors along j (scalar fma on the tail). */
    private static void directRowVectors(int m, int n, int k, double alpha, double[] a, int aOff, int aRow,
            int aCol, double[] b, int bOff, int bRow, double[] c, int cOff, int ldc) {
        int bound2 = n - n % (2 * L);
        int bound1 = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            int aStart = aOff + i * aRow;
            int cRow = cOff + i * ldc;
            int j = 0;
            for (; j < bound2; j += 2 * L) {
                DoubleVector c0 = DoubleVector.fromArray(S, c, cRow + j);
                DoubleVector c1 = DoubleVector.fromArray(S, c, cRow + j + L);
                int bi = bOff + j;
                int ai = aStart;
                for (int q = 0; q < k; q++) {
                    DoubleVector av = DoubleVector.broadcast(S, alpha * a[ai]);
                    c0 = av.fma(DoubleVector.fromArray(S, b, bi), c0);
                    c1 = av.fma(DoubleVector.fromArray(S, b, bi + L), c1);
                    ai += aCol;
                    bi += bRow;
                }
                c0.intoArray(c, cRow + j);
                c1.intoArray(c, cRow + j + L);
            }
            for (; j < bound1; j += L) {
                DoubleVector c0 = DoubleVector.fromArray(S, c, cRow + j);
                int bi = bOff + j;
                int ai = aStart;
                for (int q = 0; q < k; q++) {
                    c0 = DoubleVector.broadcast(S, alpha * a[ai]).fma(DoubleVector.fromArray(S, b, bi), c0);
                    ai += aCol;
                    bi += bRow;
                }
                c0.intoArray(c, cRow + j);
            }
            for (; j < n; j++) {
                double acc = c[cRow + j];
                int bi = bOff + j;
                int ai = aStart;
                for (int q = 0; q < k; q++) {
                    acc = Math.fma(alpha * a[ai], b[bi], acc);
                    ai += aCol;
                    bi += bRow;
                }
                c[cRow + j] = acc;
            }
        }
    }

    /** Any strides: one scalar fma chain per entry of C, columns j0 to j1 − 1. */
    private static void directScalar(int m, int j0, int j1, int k, double alpha, double[] a, int aOff, int aRow,
            int aCol, double[] b, int bOff, int bRow, int bCol, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * ldc;
            for (int j = j0; j < j1; j++) {
                double acc = c[cRow + j];
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

    // ---------------------------------------------------------------- the packed (blocked) path

    /**
     * One thread's share of the blocked GEMM: rows of C in whole MR-strips, split evenly over
     * {@code threads}; every thread packs its share of each B panel into the shared buffer
     * ({@code packedB[q % 2]} for the q-th panel, so one barrier per panel suffices), waits at the
     * barrier, then multiplies its own rows. With one thread, pass the same buffer twice and no barrier.
     */
    static void blocked(GemmProblem p, int thread, int threads, GemmWorkspace ws, double[] packedB0,
            double[] packedB1, SpinBarrier barrier) {
        int strips = (p.m + MR - 1) / MR;
        int r0 = Math.min(p.m, (int) ((long) strips * thread / threads) * MR);
        int r1 = Math.min(p.m, (int) ((long) strips * (thread + 1) / threads) * MR);
        scaleRows(p.beta, p.c, p.cOff, p.ldc, p.n, r0, r1);
        int panel = 0;
        for (int jc = 0; jc < p.n; jc += NC) {
            int nc = Math.min(NC, p.n - jc);
            int nStrips = (nc + NR - 1) / NR;
            int s0 = (int) ((long) nStrips * thread / threads);
            int s1 = (int) ((long) nStrips * (thread + 1) / threads);
            for (int pc = 0; pc < p.k; pc += KC, panel++) {
                int kc = Math.min(KC, p.k - pc);
                double[] packedB = (panel & 1) == 0 ? packedB0 : packedB1;
                for (int s = s0; s < s1; s++) {
                    packB(p, pc, kc, jc + s * NR, packedB, s * kc * NR);
                }
                if (barrier != null) {
                    barrier.await();
                }
                for (int ic = r0; ic < r1; ic += MC) {
                    int mc = Math.min(MC, r1 - ic);
                    packA(p, ic, mc, pc, kc, ws.packedA);
                    macroKernel(p, ic, mc, jc, nc, kc, ws.packedA, packedB, ws.tile);
                }
            }
        }
    }

    /** All MR×NR tiles of one packed A block against one packed B panel. */
    private static void macroKernel(GemmProblem p, int ic, int mc, int jc, int nc, int kc, double[] packedA,
            double[] packedB, double[] tile) {
        double[] c = p.c;
        int ldc = p.ldc;
        for (int js = 0; js * NR < nc; js++) {
            int j = jc + js * NR;
            int nr = Math.min(NR, p.n - j);
            int bOff = js * kc * NR;
            for (int is = 0; is * MR < mc; is++) {
                int i = ic + is * MR;
                int mr = Math.min(MR, p.m - i);
                int aOff = is * kc * MR;
                if (mr == MR && nr == NR) {
                    microKernel(kc, packedA, aOff, packedB, bOff, c, p.cOff + i * ldc + j, ldc);
                } else {
                    edgeTile(kc, packedA, aOff, packedB, bOff, c, p.cOff + i * ldc + j, ldc, mr, nr, tile);
                }
            }
        }
    }

    /** A partial tile: copy C in, run the full kernel on the zero-padded packs, copy the valid part out. */
    private static void edgeTile(int kc, double[] packedA, int aOff, double[] packedB, int bOff, double[] c, int cOff,
            int ldc, int mr, int nr, double[] tile) {
        Arrays.fill(tile, 0.0);
        for (int r = 0; r < mr; r++) {
            System.arraycopy(c, cOff + r * ldc, tile, r * NR, nr);
        }
        microKernel(kc, packedA, aOff, packedB, bOff, tile, 0, NR);
        for (int r = 0; r < mr; r++) {
            System.arraycopy(tile, r * NR, c, cOff + r * ldc, nr);
        }
    }

    /**
     * The MR×NR micro-kernel: C tile (8 rows × 2 vectors) held in 16 accumulators; for each p, two
     * vectors of the packed B strip and eight broadcasts of the packed A strip feed 16 fmas.
     * Straight-line and branch-free on purpose (the JIT keeps the vectors in registers).
     */
    static void microKernel(int kc, double[] pa, int aOff, double[] pb, int bOff, double[] c, int cOff, int ldc) {
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        int r6 = r5 + ldc;
        int r7 = r6 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(S, c, r0);
        DoubleVector c01 = DoubleVector.fromArray(S, c, r0 + L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, r1);
        DoubleVector c11 = DoubleVector.fromArray(S, c, r1 + L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, r2);
        DoubleVector c21 = DoubleVector.fromArray(S, c, r2 + L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, r3);
        DoubleVector c31 = DoubleVector.fromArray(S, c, r3 + L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, r4);
        DoubleVector c41 = DoubleVector.fromArray(S, c, r4 + L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, r5);
        DoubleVector c51 = DoubleVector.fromArray(S, c, r5 + L);
        DoubleVector c60 = DoubleVector.fromArray(S, c, r6);
        DoubleVector c61 = DoubleVector.fromArray(S, c, r6 + L);
        DoubleVector c70 = DoubleVector.fromArray(S, c, r7);
        DoubleVector c71 = DoubleVector.fromArray(S, c, r7 + L);
        int ai = aOff;
        int bi = bOff;
        for (int q = 0; q < kc; q++) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bi + L);
            DoubleVector av = DoubleVector.broadcast(S, pa[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = DoubleVector.broadcast(S, pa[ai + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = DoubleVector.broadcast(S, pa[ai + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = DoubleVector.broadcast(S, pa[ai + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = DoubleVector.broadcast(S, pa[ai + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = DoubleVector.broadcast(S, pa[ai + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = DoubleVector.broadcast(S, pa[ai + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = DoubleVector.broadcast(S, pa[ai + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
            ai += MR;
            bi += NR;
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + L);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + L);
    }

    /**
     * Packs α·op(A)[ic..ic+mc, pc..pc+kc) into MR-row strips: strip s holds, for each p, the MR values
     * of column p at {@code dst[s·kc·MR + p·MR + r]}; rows past m are zero.
     */
    static void packA(GemmProblem p, int ic, int mc, int pc, int kc, double[] dst) {
        double[] a = p.a;
        double alpha = p.alpha;
        for (int s = 0; s * MR < mc; s++) {
            int i = ic + s * MR;
            int mr = Math.min(MR, p.m - i);
            int base = s * kc * MR;
            int src = p.aOff + i * p.aRow + pc * p.aCol;
            if (mr == MR && p.aRow == 1) {
                // op(A) = Aᵀ: the MR values of a column are contiguous in memory
                for (int q = 0; q < kc; q++) {
                    int from = src + q * p.aCol;
                    int to = base + q * MR;
                    for (int v = 0; v < MR; v += L) {
                        DoubleVector.fromArray(S, a, from + v).mul(alpha).intoArray(dst, to + v);
                    }
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    int to = base + r;
                    if (r < mr) {
                        int from = src + r * p.aRow;
                        for (int q = 0; q < kc; q++) {
                            dst[to + q * MR] = alpha * a[from + q * p.aCol];
                        }
                    } else {
                        for (int q = 0; q < kc; q++) {
                            dst[to + q * MR] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs op(B)[pc..pc+kc, j..j+NR) as one NR-column strip at {@code dst[off + p·NR + c]}; columns past
     * n are zero.
     */
    static void packB(GemmProblem p, int pc, int kc, int j, double[] dst, int off) {
        double[] b = p.b;
        int nr = Math.min(NR, p.n - j);
        int src = p.bOff + pc * p.bRow + j * p.bCol;
        if (nr == NR && p.bCol == 1) {
            for (int q = 0; q < kc; q++) {
                int from = src + q * p.bRow;
                int to = off + q * NR;
                DoubleVector.fromArray(S, b, from).intoArray(dst, to);
                DoubleVector.fromArray(S, b, from + L).intoArray(dst, to + L);
            }
            return;
        }
        for (int col = 0; col < NR; col++) {
            int to = off + col;
            if (col < nr) {
                int from = src + col * p.bCol;
                for (int q = 0; q < kc; q++) {
                    dst[to + q * NR] = b[from + q * p.bRow];
                }
            } else {
                for (int q = 0; q < kc; q++) {
                    dst[to + q * NR] = 0.0;
                }
            }
        }
    }
}
