package org.neuromanifold.numeric.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * GEMM and GEMV of {@link VectorKernels} against (1) a scalar emulation of the documented arithmetic,
 * which must match bit for bit, (2) a double-double reference, within the classical rounding bound, and
 * (3) the scalar twin, within twice that bound.
 *
 * <p>Tolerance: any order of summing k products has error at most about (k+2)·u·Σ|α·a·b| + u·|β·c|
 * (u = 2^-53, Higham, Accuracy and Stability, §3.1); we allow (k+4)·u·(|α|·Σ|a·b| + |β·c|).
 */
class GemmTest {
    private static final int[] EDGE = {1, 7, 8, 9, 15, 16, 17};
    private static final VectorKernels ONE = new VectorKernels(1);
    private static final VectorKernels TWO = new VectorKernels(2);
    private static final VectorKernels THREE = new VectorKernels(3);
    private static final ScalarKernels SCALAR = new ScalarKernels();

    @AfterAll
    static void stopWorkers() {
        TWO.setThreads(1);
        THREE.setThreads(1);
    }

    /** A problem embedded in larger arrays: offsets, leading dimensions above the width, NaN padding. */
    private record Case(boolean transA, boolean transB, int m, int n, int k, double alpha, double beta, double[] a,
            int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {

        static Case random(Random r, boolean transA, boolean transB, int m, int n, int k, double alpha, double beta,
                boolean padded) {
            int aRows = transA ? k : m;
            int aCols = transA ? m : k;
            int bRows = transB ? n : k;
            int bCols = transB ? k : n;
            int lda = aCols + (padded ? 3 : 0);
            int ldb = bCols + (padded ? 5 : 0);
            int ldc = n + (padded ? 2 : 0);
            int aOff = padded ? 11 : 0;
            int bOff = padded ? 4 : 0;
            int cOff = padded ? 7 : 0;
            double[] a = filled(r, aOff + aRows * lda + (padded ? 9 : 0), aOff, aRows, aCols, lda);
            double[] b = filled(r, bOff + bRows * ldb + (padded ? 9 : 0), bOff, bRows, bCols, ldb);
            double[] c = filled(r, cOff + m * ldc + (padded ? 9 : 0), cOff, m, n, ldc);
            if (beta == 0) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Double.NaN); // must be ignored
                }
            }
            return new Case(transA, transB, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }

        /** NaN everywhere outside the matrix, Gaussian inside. */
        private static double[] filled(Random r, int length, int off, int rows, int cols, int ld) {
            double[] x = new double[length];
            Arrays.fill(x, Double.NaN);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    x[off + i * ld + j] = r.nextGaussian();
                }
            }
            return x;
        }

        double[] run(Kernels kernels) {
            double[] out = c.clone();
            kernels.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc);
            return out;
        }

        String label() {
            return "gemm(transA=" + transA + ", transB=" + transB + ", m=" + m + ", n=" + n + ", k=" + k + ", alpha="
                    + alpha + ", beta=" + beta + ")";
        }

        /** Checks one result against emulation (exact), reference and scalar twin (bounded). */
        void check(double[] got, double[] scalar) {
            for (int idx = 0; idx < c.length; idx++) {
                int rel = idx - cOff;
                boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
                if (!inside) {
                    boolean same = Double.doubleToLongBits(got[idx]) == Double.doubleToLongBits(c[idx]);
                    if (!Double.isNaN(got[idx]) && !same) {
                        fail(label() + ": wrote outside C at array index " + idx);
                    }
                    continue;
                }
                int i = rel / ldc;
                int j = rel % ldc;
                double cOld = c[idx];
                double want = Reference.gemmEntry(transA, transB, i, j, k, alpha, a, aOff, lda, b, bOff, ldb, beta,
                        cOld);
                if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got[idx])) {
                    fail(label() + " C[" + i + "," + j + "] = " + got[idx] + " but the documented fma chain gives "
                            + want);
                }
                int aStride = transA ? lda : 1;
                int aStart = aOff + (transA ? i : i * lda);
                int bStride = transB ? 1 : ldb;
                int bStart = bOff + (transB ? j * ldb : j);
                double exact = alpha * Reference.accurateDot(k, a, aStart, aStride, b, bStart, bStride)
                        + (beta == 0 ? 0 : beta * cOld);
                double scale = Math.abs(alpha) * Reference.absDot(k, a, aStart, aStride, b, bStart, bStride)
                        + (beta == 0 ? 0 : Math.abs(beta * cOld));
                double tol = (k + 4) * Reference.U * scale + Double.MIN_NORMAL;
                if (Math.abs(got[idx] - exact) > tol) {
                    fail(label() + " C[" + i + "," + j + "] = " + got[idx] + ", reference " + exact + ", tol " + tol);
                }
                if (Math.abs(scalar[idx] - got[idx]) > 2 * tol) {
                    fail(label() + " C[" + i + "," + j + "]: vector " + got[idx] + " vs scalar twin " + scalar[idx]);
                }
            }
        }
    }

    @Test
    void allTransposesAndEdgeShapesMatchTheDocumentedArithmetic() {
        Random r = new Random(20261122);
        double[][] alphaBeta = {{1, 0}, {0.75, -1.5}, {-2, 1}};
        int count = 0;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : EDGE) {
                    for (int n : EDGE) {
                        for (int k : EDGE) {
                            double[] ab = alphaBeta[count++ % alphaBeta.length];
                            Case cs = Case.random(r, ta, tb, m, n, k, ab[0], ab[1], (m + n + k) % 2 == 0);
                            cs.check(cs.run(ONE), cs.run(SCALAR));
                        }
                    }
                }
            }
        }
    }

    @Test
    void blockEdgesAndLargeShapesMatchOnEveryPathAndThreadCount() {
        Random r = new Random(7);
        int[][] shapes = {{129, 257, 300}, {300, 129, 257}, {257, 300, 17}, {16, 300, 257}, {17, 129, 300},
            {300, 9, 129}, {4, 300, 257}, {257, 4, 31}, {64, 64, 64}, {40, 40, 40}, {41, 40, 40}, {8, 8, 8},
            {300, 300, 1}, {1, 300, 300}};
        int count = 0;
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    double beta = count % 3 == 0 ? 0 : count % 3 == 1 ? 1 : 0.5;
                    Case cs = Case.random(r, ta, tb, s[0], s[1], s[2], count % 2 == 0 ? 1 : -0.5, beta, count % 2 == 1);
                    count++;
                    double[] one = cs.run(ONE);
                    cs.check(one, cs.run(SCALAR));
                    assertBitsEqual(one, cs.run(TWO), cs.label() + " with 2 threads");
                    assertBitsEqual(one, cs.run(THREE), cs.label() + " with 3 threads");
                }
            }
        }
    }

    @Test
    void manyPanelsOfBAreSharedCorrectly() {
        // n > NC and k > 2·KC: six double-buffered panels of B, claimed by whichever thread is free
        Random r = new Random(13);
        Case cs = Case.random(r, false, true, 24, VectorGemm.NC + 52, 2 * VectorGemm.KC + 8, 1, 0.5, true);
        double[] one = cs.run(ONE);
        cs.check(one, cs.run(SCALAR));
        assertBitsEqual(one, cs.run(TWO), cs.label() + " with 2 threads");
        assertBitsEqual(one, cs.run(THREE), cs.label() + " with 3 threads");
    }

    @Test
    void kEqualZeroScalesCAndZeroSizesDoNothing() {
        double[] c = {1, 2, 3, 4};
        ONE.gemm(false, false, 2, 2, 0, 3.0, new double[0], 0, 1, new double[0], 0, 2, 0.5, c, 0, 2);
        assertEquals(List.of(0.5, 1.0, 1.5, 2.0), Arrays.stream(c).boxed().toList());
        double[] nan = {Double.NaN, Double.NaN};
        ONE.gemm(false, false, 1, 2, 0, 1.0, new double[0], 0, 1, new double[0], 0, 2, 0.0, nan, 0, 2);
        assertEquals(List.of(0.0, 0.0), Arrays.stream(nan).boxed().toList());
        ONE.gemm(true, true, 0, 0, 5, 1.0, new double[0], 0, 1, new double[0], 0, 1, 0.0, new double[0], 0, 1);
    }

    @Test
    void repeatedCallsGiveIdenticalBits() {
        Random r = new Random(3);
        Case big = Case.random(r, false, true, 130, 140, 150, 1, 0, false);
        Case tiny = Case.random(r, true, false, 8, 8, 8, 1, 1, false);
        double[] firstBig = big.run(TWO);
        double[] firstTiny = tiny.run(ONE);
        for (int rep = 0; rep < 200; rep++) {
            assertBitsEqual(firstTiny, tiny.run(ONE), "tiny gemm, repetition " + rep);
        }
        for (int rep = 0; rep < 5; rep++) {
            assertBitsEqual(firstBig, big.run(TWO), "large gemm, repetition " + rep);
        }
    }

    @Test
    void concurrentCallersShareOneTeamSafely() throws Exception {
        Random r = new Random(11);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(Case.random(r, i % 2 == 0, i % 3 == 0, 120 + i, 130, 110, 1, 0, false));
        }
        List<double[]> expected = cases.stream().map(cs -> cs.run(ONE)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (Case cs : cases) {
                    Callable<double[]> task = () -> cs.run(TWO);
                    futures.add(pool.submit(task));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertBitsEqual(expected.get(i % cases.size()), futures.get(i).get(), "concurrent call " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gemvBothWaysMatchesTheDocumentedOrders() {
        Random r = new Random(5);
        int lanes = VectorKernels.lanes();
        for (int m : new int[] {0, 1, 7, 8, 9, 17, 33, 207}) {
            for (int n : new int[] {0, 1, 6, 13, 16, 31, 33, 207}) {
                for (boolean trans : new boolean[] {false, true}) {
                    int lda = n + 3;
                    double[] a = Reference.gaussian(r, 2 + m * lda);
                    int inLen = trans ? m : n;
                    int outLen = trans ? n : m;
                    double[] x = Reference.gaussian(r, 1 + inLen);
                    double beta = (m + n) % 2 == 0 ? 0 : -0.25;
                    double[] y0 = Reference.gaussian(r, 3 + outLen);
                    if (beta == 0) {
                        Arrays.fill(y0, 3, 3 + outLen, Double.NaN);
                    }
                    double[] y = y0.clone();
                    double[] ys = y0.clone();
                    ONE.gemv(trans, m, n, 1.5, a, 2, lda, x, 1, beta, y, 3);
                    SCALAR.gemv(trans, m, n, 1.5, a, 2, lda, x, 1, beta, ys, 3);
                    for (int o = 0; o < outLen; o++) {
                        double want;
                        int aStart = 2 + (trans ? o : o * lda);
                        int aStride = trans ? lda : 1;
                        if (trans) {
                            double t = 0;
                            for (int i = 0; i < m; i++) {
                                t = Math.fma(x[1 + i], a[aStart + i * lda], t);
                            }
                            want = beta == 0 ? 1.5 * t : 1.5 * t + beta * y0[3 + o];
                        } else {
                            double d = Reference.emulatedDot(n, a, aStart, x, 1, lanes);
                            want = beta == 0 ? 1.5 * d : 1.5 * d + beta * y0[3 + o];
                        }
                        String where = "gemv(trans=" + trans + ", m=" + m + ", n=" + n + ") y[" + o + "]";
                        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(y[3 + o]), where);
                        double exact = 1.5 * Reference.accurateDot(inLen, a, aStart, aStride, x, 1, 1)
                                + (beta == 0 ? 0 : beta * y0[3 + o]);
                        double scale = 1.5 * Reference.absDot(inLen, a, aStart, aStride, x, 1, 1)
                                + (beta == 0 ? 0 : Math.abs(beta * y0[3 + o]));
                        double tol = (inLen + 4) * Reference.U * scale;
                        assertTrue(Math.abs(y[3 + o] - exact) <= tol, where + " vs reference");
                        assertTrue(Math.abs(ys[3 + o] - exact) <= tol, where + " scalar twin vs reference");
                    }
                    assertEquals(y0[2], y[2], "gemv wrote before y");
                }
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        double[] a = new double[12];
        SpecificationException e = assertThrows(SpecificationException.class,
                () -> ONE.gemm(false, false, 3, 4, 4, 1, a, 2, 4, a, 0, 4, 0, new double[12], 0, 4));
        assertEquals(ErrorCode.SHAPE_MISMATCH, e.code());
        assertEquals("A", e.argument());
        e = assertThrows(SpecificationException.class,
                () -> ONE.gemm(false, true, 2, 2, 3, 1, a, 0, 2, a, 0, 3, 0, new double[4], 0, 2));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        assertTrue(e.getMessage().contains("leading dimension of A"), e.getMessage());
        e = assertThrows(SpecificationException.class,
                () -> SCALAR.gemm(false, false, -1, 2, 3, 1, a, 0, 3, a, 0, 2, 0, new double[4], 0, 2));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
        e = assertThrows(SpecificationException.class, () -> ONE.gemv(true, 3, 4, 1, a, 0, 4, a, 0, 0, a, 10));
        assertEquals("y", e.argument());
        e = assertThrows(SpecificationException.class, () -> new VectorKernels(0));
        assertEquals(ErrorCode.OUT_OF_RANGE, e.code());
    }

    static void assertBitsEqual(double[] want, double[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            if (Double.doubleToLongBits(want[i]) != Double.doubleToLongBits(got[i])) {
                fail(what + ": index " + i + " differs: " + want[i] + " vs " + got[i]);
            }
        }
    }
}
