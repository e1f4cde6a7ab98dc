package org.neuromanifold.numeric.kernel;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API GEMM, C ← α·op(A)·op(B) + β·C, in the classic Goto/BLIS structure: a panel of op(B)
 * (KC×NC) packed into column strips of width {@link #NR}, a block of op(A) (MC×KC, pre-multiplied by
 * α) packed into row strips of height {@link #MR}, and an MR×NR register-blocked micro-kernel
 * (16 vector accumulators, {@code broadcast(a).fma(b, c)}). Small problems with α = 1 read A in place
 * instead of packing it; tiny ones skip packing altogether ({@link GemmDirect}).
 *
 * <p><b>Arithmetic, identical on every path.</b> Each entry of C is computed as
 * {@code c ← β·c} (or 0 when β = 0, ignoring the old contents; unchanged when β = 1), then
 * {@code c ← fma(α·a_ip, b_pj, c)} for p = 0, 1, …, k−1 in that order. The micro-kernel loads C into
 * its accumulators and stores them back, so the k-blocking, the tile position, the edge handling, the
 * direct path and the number of threads do not change a single bit of the result.
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
    /** At or below this m·n·k (and α = 1) the blocked path reads A in place instead of packing it. */
    static final long A_IN_PLACE_VOLUME = 160L * 160 * 160;

    private VectorGemm() {
    }

    /**
     * Whether the blocked path may leave A in place (no packing): α = 1 (so a_ip enters the fma as is)
     * and a small problem, where packing A would cost a large share of the time. Large problems pack A,
     * because their rows, a large power-of-two stride apart, would collide in the caches.
     */
    static boolean aInPlace(GemmProblem p) {
        return p.alpha == 1 && (long) p.m * p.n * p.k <= A_IN_PLACE_VOLUME;
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

    // ---------------------------------------------------------------- the packed (blocked) path

    /** The whole blocked GEMM on the calling thread (k ≥ 1). */
    static void blocked(GemmProblem p, GemmWorkspace ws, double[] packedB) {
        scaleRows(p.beta, p.c, p.cOff, p.ldc, p.n, 0, p.m);
        boolean inPlace = aInPlace(p);
        for (int jc = 0; jc < p.n; jc += NC) {
            int nc = Math.min(NC, p.n - jc);
            for (int pc = 0; pc < p.k; pc += KC) {
                int kc = Math.min(KC, p.k - pc);
                packPanel(p, pc, kc, jc, 0, strips(nc), packedB);
                multiplyRows(p, 0, p.m, jc, nc, pc, kc, inPlace, ws, packedB);
            }
        }
    }

    /** NR-column strips in a panel nc columns wide. */
    static int strips(int nc) {
        return (nc + NR - 1) / NR;
    }

    /** Packs strips s0..s1−1 of the panel op(B)[pc..pc+kc, jc..jc+nc), strip s at {@code packedB[s·kc·NR]}. */
    static void packPanel(GemmProblem p, int pc, int kc, int jc, int s0, int s1, double[] packedB) {
        for (int s = s0; s < s1; s++) {
            packB(p, pc, kc, jc + s * NR, packedB, s * kc * NR);
        }
    }

    /**
     * Rows r0..r1−1 of C (r0 a multiple of MR) times one packed panel of B: blocks of MC rows of A,
     * packed (or read in place, packing only a final partial strip), each run through the macro-kernel.
     */
    static void multiplyRows(GemmProblem p, int r0, int r1, int jc, int nc, int pc, int kc, boolean inPlace,
            GemmWorkspace ws, double[] packedB) {
        for (int ic = r0; ic < r1; ic += MC) {
            int mc = Math.min(MC, r1 - ic);
            if (!inPlace) {
                packA(p, ic, mc, pc, kc, ws.packedA);
            } else if (mc % MR != 0) {
                packA(p, ic + mc - mc % MR, mc % MR, pc, kc, ws.packedA); // the partial strip only
            }
            macroKernel(p, ic, mc, jc, nc, pc, kc, inPlace, ws.packedA, packedB, ws.tile);
        }
    }

    /**
     * All MR×NR tiles of one block of A (packed, or in place for its whole strips) against one packed
     * B panel. A partial strip in place mode was packed alone, at the start of {@code packedA}.
     */
    private static void macroKernel(GemmProblem p, int ic, int mc, int jc, int nc, int pc, int kc, boolean inPlace,
            double[] packedA, double[] packedB, double[] tile) {
        double[] c = p.c;
        int ldc = p.ldc;
        for (int js = 0; js * NR < nc; js++) {
            int j = jc + js * NR;
            int nr = Math.min(NR, p.n - j);
            int bOff = js * kc * NR;
            for (int is = 0; is * MR < mc; is++) {
                int i = ic + is * MR;
                int mr = Math.min(MR, p.m - i);
                int aOff = inPlace ? 0 : is * kc * MR;
                if (mr == MR && nr == NR && inPlace) {
                    microKernel(kc, p.a, p.aOff + i * p.aRow + pc * p.aCol, p.aRow, p.aCol, packedB, bOff, NR, c,
                            p.cOff + i * ldc + j, ldc);
                } else if (mr == MR && nr == NR) {
                    microKernel(kc, packedA, aOff, 1, MR, packedB, bOff, NR, c, p.cOff + i * ldc + j, ldc);
                } else if (mr == MR && inPlace) {
                    edgeTileInPlace(p, i, j, pc, kc, nr, packedB, bOff, tile);
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
        microKernel(kc, packedA, aOff, 1, MR, packedB, bOff, NR, tile, 0, NR);
        for (int r = 0; r < mr; r++) {
            System.arraycopy(tile, r * NR, c, cOff + r * ldc, nr);
        }
    }

    /** A tile of full height but partial width, A in place. */
    private static void edgeTileInPlace(GemmProblem p, int i, int j, int pc, int kc, int nr, double[] packedB,
            int bOff, double[] tile) {
        int cOff = p.cOff + i * p.ldc + j;
        Arrays.fill(tile, 0.0);
        for (int r = 0; r < MR; r++) {
            System.arraycopy(p.c, cOff + r * p.ldc, tile, r * NR, nr);
        }
        microKernel(kc, p.a, p.aOff + i * p.aRow + pc * p.aCol, p.aRow, p.aCol, packedB, bOff, NR, tile, 0, NR);
        for (int r = 0; r < MR; r++) {
            System.arraycopy(tile, r * NR, p.c, cOff + r * p.ldc, nr);
        }
    }

    /**
     * The MR×NR micro-kernel: the C tile (8 rows × 2 vectors) held in 16 accumulators; for each q < kc,
     * two vectors of B row q and eight broadcasts of A column q feed 16 fmas. A's entry (r, q) is
     * {@code a[aOff + r·aRowStride + q·aColStride]} and B row q starts at {@code b[bOff + q·bRowStride]}:
     * packed strips (strides 1, MR and NR) or the caller's own arrays. Straight-line and branch-free on
     * purpose (the JIT then keeps every vector in a register).
     */
    static void microKernel(int kc, double[] a, int aOff, int aRowStride, int aColStride, double[] b, int bOff,
            int bRowStride, double[] c, int cOff, int ldc) {
        int c0Row = cOff;
        int c1Row = c0Row + ldc;
        int c2Row = c1Row + ldc;
        int c3Row = c2Row + ldc;
        int c4Row = c3Row + ldc;
        int c5Row = c4Row + ldc;
        int c6Row = c5Row + ldc;
        int c7Row = c6Row + ldc;
        int a0 = aOff;
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        int a4 = a3 + aRowStride;
        int a5 = a4 + aRowStride;
        int a6 = a5 + aRowStride;
        int a7 = a6 + aRowStride;
        DoubleVector c00 = DoubleVector.fromArray(S, c, c0Row);
        DoubleVector c01 = DoubleVector.fromArray(S, c, c0Row + L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, c1Row);
        DoubleVector c11 = DoubleVector.fromArray(S, c, c1Row + L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, c2Row);
        DoubleVector c21 = DoubleVector.fromArray(S, c, c2Row + L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, c3Row);
        DoubleVector c31 = DoubleVector.fromArray(S, c, c3Row + L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, c4Row);
        DoubleVector c41 = DoubleVector.fromArray(S, c, c4Row + L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, c5Row);
        DoubleVector c51 = DoubleVector.fromArray(S, c, c5Row + L);
        DoubleVector c60 = DoubleVector.fromArray(S, c, c6Row);
        DoubleVector c61 = DoubleVector.fromArray(S, c, c6Row + L);
        DoubleVector c70 = DoubleVector.fromArray(S, c, c7Row);
        DoubleVector c71 = DoubleVector.fromArray(S, c, c7Row + L);
        int bi = bOff;
        int qa = 0;
        for (int q = 0; q < kc; q++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector av = DoubleVector.broadcast(S, a[a0 + qa]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = DoubleVector.broadcast(S, a[a1 + qa]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = DoubleVector.broadcast(S, a[a2 + qa]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = DoubleVector.broadcast(S, a[a3 + qa]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = DoubleVector.broadcast(S, a[a4 + qa]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = DoubleVector.broadcast(S, a[a5 + qa]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = DoubleVector.broadcast(S, a[a6 + qa]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = DoubleVector.broadcast(S, a[a7 + qa]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
            qa += aColStride;
            bi += bRowStride;
        }
        c00.intoArray(c, c0Row);
        c01.intoArray(c, c0Row + L);
        c10.intoArray(c, c1Row);
        c11.intoArray(c, c1Row + L);
        c20.intoArray(c, c2Row);
        c21.intoArray(c, c2Row + L);
        c30.intoArray(c, c3Row);
        c31.intoArray(c, c3Row + L);
        c40.intoArray(c, c4Row);
        c41.intoArray(c, c4Row + L);
        c50.intoArray(c, c5Row);
        c51.intoArray(c, c5Row + L);
        c60.intoArray(c, c6Row);
        c61.intoArray(c, c6Row + L);
        c70.intoArray(c, c7Row);
        c71.intoArray(c, c7Row + L);
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
            } else if (mr == MR) {
                // op(A) = A: read the MR rows side by side so that the stores run contiguously
                int lda = p.aRow;
                for (int q = 0; q < kc; q++) {
                    int from = src + q * p.aCol;
                    int to = base + q * MR;
                    for (int r = 0; r < MR; r++) {
                        dst[to + r] = alpha * a[from + r * lda];
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
