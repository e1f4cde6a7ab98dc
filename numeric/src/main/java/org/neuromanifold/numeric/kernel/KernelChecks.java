package org.neuromanifold.numeric.kernel;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Argument checks shared by both kernel implementations: sizes not negative, leading dimensions at
 * least the row width, and every addressed entry inside its array. They cost a few integer comparisons
 * (the messages are built only on failure), so even the tiniest GEMM keeps them.
 */
final class KernelChecks {
    private KernelChecks() {
    }

    /** x[off .. off+n) must exist. */
    static void vector(String method, String name, double[] x, int off, int n) {
        if (n < 0) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, name,
                    method + ": length of " + name + " must be >= 0, found " + n);
        }
        if (n > 0 && (off < 0 || (long) off + n > x.length)) {
            throw new SpecificationException(ErrorCode.SHAPE_MISMATCH, name, method + ": " + name + " needs entries ["
                    + off + ", " + ((long) off + n) + ") but its array has length " + x.length);
        }
    }

    /**
     * A row-major rows×cols matrix at x[off] with leading dimension ld ≥ max(1, cols) must exist. An
     * empty matrix (no rows) is not checked further: nothing of it is read or written.
     */
    static void matrix(String method, String name, double[] x, int off, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, name,
                    method + ": " + name + " must have non-negative shape, found " + rows + "×" + cols);
        }
        if (rows > 0 && ld < Math.max(1, cols)) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, name, method + ": leading dimension of " + name
                    + " must be >= max(1, " + cols + ") (its stored row width), found " + ld);
        }
        if (rows > 0 && cols > 0) {
            long end = (long) off + (long) (rows - 1) * ld + cols;
            if (off < 0 || end > x.length) {
                throw new SpecificationException(ErrorCode.SHAPE_MISMATCH, name,
                        method + ": " + name + " (stored " + rows + "×" + cols + ", leading dimension " + ld
                                + ", offset " + off + ") needs entries [" + off + ", " + end
                                + ") but its array has length " + x.length);
            }
        }
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, "m, n, k",
                    "gemm: sizes must be >= 0, found m=" + m + ", n=" + n + ", k=" + k);
        }
        matrix("gemm", "A", a, aOff, transA ? k : m, transA ? m : k, lda);
        matrix("gemm", "B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        matrix("gemm", "C", c, cOff, m, n, ldc);
    }

    static void gemv(boolean transA, int m, int n, double[] a, int aOff, int lda, double[] x, int xOff, double[] y,
            int yOff) {
        matrix("gemv", "A", a, aOff, m, n, lda);
        vector("gemv", "x", x, xOff, transA ? m : n);
        vector("gemv", "y", y, yOff, transA ? n : m);
    }

    static void activation(String method, int n, double[] z, int zOff, double[] out, int outOff, double[] d,
            int dOff) {
        vector(method, "z", z, zOff, n);
        vector(method, "out", out, outOff, n);
        if (d != null) {
            vector(method, "derivative", d, dOff, n);
        }
    }

    static void softmax(int rows, int cols, double[] in, int inOff, double[] out, int outOff, double[] lse) {
        if (rows < 0 || cols < 0) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, "rows, cols",
                    "softmaxRows: sizes must be >= 0, found " + rows + "×" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE) {
            throw new SpecificationException(ErrorCode.OUT_OF_RANGE, "rows, cols",
                    "softmaxRows: " + rows + "×" + cols + " does not fit in one array");
        }
        vector("softmaxRows", "in", in, inOff, (int) size);
        vector("softmaxRows", "out", out, outOff, (int) size);
        if (lse != null) {
            vector("softmaxRows", "logSumExp", lse, 0, rows);
        }
    }
}
