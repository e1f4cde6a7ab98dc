package org.neuromanifold.numeric.kernel;

/**
 * The arguments of one GEMM call, C ← α·op(A)·op(B) + β·C, held in a reusable mutable object so that
 * handing a problem to the worker threads allocates nothing. Strides express the transposes:
 * op(A)[i, p] = a[aOff + i·aRow + p·aCol] and op(B)[p, j] = b[bOff + p·bRow + j·bCol].
 */
final class GemmProblem {
    int m;
    int n;
    int k;
    double alpha;
    double beta;
    double[] a;
    int aOff;
    int aRow;
    int aCol;
    double[] b;
    int bOff;
    int bRow;
    int bCol;
    double[] c;
    int cOff;
    int ldc;

    void set(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.aOff = aOff;
        this.aRow = transA ? 1 : lda;
        this.aCol = transA ? lda : 1;
        this.b = b;
        this.bOff = bOff;
        this.bRow = transB ? 1 : ldb;
        this.bCol = transB ? ldb : 1;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
    }

    void copyFrom(GemmProblem o) {
        m = o.m;
        n = o.n;
        k = o.k;
        alpha = o.alpha;
        beta = o.beta;
        a = o.a;
        aOff = o.aOff;
        aRow = o.aRow;
        aCol = o.aCol;
        b = o.b;
        bOff = o.bOff;
        bRow = o.bRow;
        bCol = o.bCol;
        c = o.c;
        cOff = o.cOff;
        ldc = o.ldc;
    }

    /** Drops the array references so a finished call keeps no caller data alive. */
    void clear() {
        a = null;
        b = null;
        c = null;
    }
}
