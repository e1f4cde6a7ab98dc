package org.neuromanifold.numeric.kernel;

import org.neuromanifold.core.activation.Activation;

/**
 * Dense double-precision kernels over row-major arrays addressed by offset and leading dimension
 * (the BLAS convention, row-major). Two implementations stand behind this interface: a scalar twin
 * and a Vector API one; {@link KernelProvider#kernels()} picks one at startup.
 *
 * <p>Determinism: each implementation fixes its summation order (documented on the implementing
 * class), so the same inputs give the same bits on the same JDK and machine, whatever the thread
 * count. The two implementations may differ from each other in the last bits.
 *
 * <p>Aliasing: outputs must not overlap inputs unless a method says otherwise.
 */
public interface Kernels {
    /** Which implementation this is, e.g. {@code "vector (512-bit, 8 lanes)"} or {@code "scalar"}. */
    String description();

    /** How many threads a large GEMM uses (1 for a single-threaded implementation). */
    default int threads() {
        return 1;
    }

    /**
     * Sets how many threads large GEMMs use from now on (at least 1). Results never depend on it. A
     * single-threaded implementation checks the value and otherwise ignores it.
     */
    default void setThreads(int threads) {
        KernelProvider.checkThreads(threads, "threads");
    }

    /** Σ_{i<n} a[aOff+i]·b[bOff+i]. */
    double dot(int n, double[] a, int aOff, double[] b, int bOff);

    /** Σ_{i<n} x[xOff+i]. */
    double sum(int n, double[] x, int xOff);

    /** y ← y + alpha·x. */
    void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** x ← alpha·x. */
    void scale(int n, double alpha, double[] x, int xOff);

    /** out ← a ⊙ b (elementwise product); out may alias a or b. */
    void multiply(int n, double[] a, int aOff, double[] b, int bOff, double[] out, int outOff);

    /**
     * C ← alpha·op(A)·op(B) + beta·C with op(A) of shape m×k and op(B) of shape k×n, row-major.
     * {@code transA} means A is stored k×m (lda ≥ m) and op(A) = Aᵀ; likewise for B. When beta is 0,
     * C is overwritten (its old contents, even NaN, are ignored).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);

    /**
     * y ← alpha·op(A)·x + beta·y with A stored m×n row-major (lda ≥ n); op(A) = A (y has m entries) or
     * Aᵀ (y has n entries).
     */
    void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
            double beta, double[] y, int yOff);

    /**
     * out ← σ(z) and, when {@code derivative} is not null, derivative ← σ'(z), elementwise over n
     * entries. Every {@link Activation} is supported (custom ones through their scalar functions).
     */
    void activation(Activation activation, int n, double[] z, int zOff, double[] out, int outOff,
            double[] derivative, int dOff);

    /** out ← σ''(z) elementwise. */
    void activationSecondDerivative(Activation activation, int n, double[] z, int zOff, double[] out, int outOff);

    /**
     * Row-wise stable softmax of a rows×cols row-major block: out[r,·] = exp(in[r,·] − max_r) / Σ, and
     * logSumExp[r] = max_r + ln Σ exp(in[r,·] − max_r) when {@code logSumExp} is not null.
     */
    void softmaxRows(int rows, int cols, double[] in, int inOff, double[] out, int outOff, double[] logSumExp);
}
