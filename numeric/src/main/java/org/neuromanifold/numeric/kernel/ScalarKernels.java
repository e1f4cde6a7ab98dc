package org.neuromanifold.numeric.kernel;

import org.neuromanifold.core.activation.Activation;

/**
 * The scalar twin: plain loops, the reference for the Vector API kernels and the fallback when the
 * {@code jdk.incubator.vector} module is absent.
 *
 * <p>Summation order: left to right over the index, one accumulator, separate multiply and add
 * ({@code acc += a·b}); GEMM and GEMV then form α·acc + β·c (α·acc when β = 0). Elementwise work calls
 * the activation's own scalar functions. Single-threaded.
 */
public final class ScalarKernels implements Kernels {
    @Override
    public String description() {
        return "scalar";
    }

    @Override
    public double dot(int n, double[] a, int aOff, double[] b, int bOff) {
        KernelChecks.vector("dot", "a", a, aOff, n);
        KernelChecks.vector("dot", "b", b, bOff, n);

        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += a[aOff + i] * b[bOff + i];
        }
        return acc;
    }

    @Override
    public double sum(int n, double[] x, int xOff) {
        KernelChecks.vector("sum", "x", x, xOff, n);

        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += x[xOff + i];
        }
        return acc;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        KernelChecks.vector("axpy", "x", x, xOff, n);
        KernelChecks.vector("axpy", "y", y, yOff, n);

        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void scale(int n, double alpha, double[] x, int xOff) {
        KernelChecks.vector("scale", "x", x, xOff, n);

        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void multiply(int n, double[] a, int aOff, double[] b, int bOff, double[] out, int outOff) {
        KernelChecks.vector("multiply", "a", a, aOff, n);
        KernelChecks.vector("multiply", "b", b, bOff, n);
        KernelChecks.vector("multiply", "out", out, outOff, n);

        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        KernelChecks.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);

        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    acc += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0 ? alpha * acc : alpha * acc + beta * c[ci];
            }
        }
    }

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x,
            int xOff, double beta, double[] y, int yOff) {
        KernelChecks.gemv(transA, m, n, a, aOff, lda, x, xOff, y, yOff);

        int outLen = transA ? n : m;
        int inLen = transA ? m : n;
        for (int i = 0; i < outLen; i++) {
            double acc = 0;
            for (int p = 0; p < inLen; p++) {
                double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                acc += av * x[xOff + p];
            }
            y[yOff + i] = beta == 0 ? alpha * acc : alpha * acc + beta * y[yOff + i];
        }
    }

    @Override
    public void activation(Activation activation, int n, double[] z, int zOff, double[] out, int outOff,
            double[] derivative, int dOff) {
        KernelChecks.activation("activation", n, z, zOff, out, outOff, derivative, dOff);

        for (int i = 0; i < n; i++) {
            double v = z[zOff + i];
            out[outOff + i] = activation.value(v);
            if (derivative != null) {
                derivative[dOff + i] = activation.derivative(v);
            }
        }
    }

    @Override
    public void activationSecondDerivative(Activation activation, int n, double[] z, int zOff, double[] out,
            int outOff) {
        KernelChecks.activation("activationSecondDerivative", n, z, zOff, out, outOff, null, 0);

        for (int i = 0; i < n; i++) {
            out[outOff + i] = activation.secondDerivative(z[zOff + i]);
        }
    }

    @Override
    public void softmaxRows(int rows, int cols, double[] in, int inOff, double[] out, int outOff,
            double[] logSumExp) {
        KernelChecks.softmax(rows, cols, in, inOff, out, outOff, logSumExp);

        for (int r = 0; r < rows; r++) {
            int row = inOff + r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, in[row + j]);
            }
            double s = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(in[row + j] - max);
                out[outOff + r * cols + j] = e;
                s += e;
            }
            double inv = 1.0 / s;
            for (int j = 0; j < cols; j++) {
                out[outOff + r * cols + j] *= inv;
            }
            if (logSumExp != null) {
                logSumExp[r] = max + Math.log(s);
            }
        }
    }
}
