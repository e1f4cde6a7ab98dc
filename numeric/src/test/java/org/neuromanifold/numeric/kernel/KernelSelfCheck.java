package org.neuromanifold.numeric.kernel;

import java.util.Random;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;

/**
 * A program (run in a child JVM by {@link KernelProviderTest}) that prints which kernels
 * {@link KernelProvider} chose and cross-checks them: GEMM against the documented fma chain (exact, for
 * the vector kernels) or the rounding bound (scalar), dot and sum against the documented order, and
 * activations and softmax against the scalar twin. Prints "self-check OK: N comparisons" and exits 0, or
 * prints the first mismatch and exits 1.
 */
public final class KernelSelfCheck {
    private KernelSelfCheck() {
    }

    public static void main(String[] args) {
        Kernels k = KernelProvider.kernels();
        System.out.println(KernelProvider.describe());
        boolean vector = KernelProvider.simd();
        int lanes = vector ? VectorKernels.lanes() : 0;
        ScalarKernels scalar = new ScalarKernels();
        Random r = new Random(99);
        int checks = 0;
        int[] sizes = {1, 4, 7, 8, 9, 17, 33};
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : sizes) {
                    for (int n : sizes) {
                        checks += checkGemm(k, vector, ta, tb, m, n, 3 + (m * n) % 40, r);
                    }
                }
                checks += checkGemm(k, vector, ta, tb, 130, 150, 140, r); // packed path, several threads
            }
        }
        for (int n : new int[] {0, 1, 3, 5, 7, 8, 9, 15, 16, 17, 33, 100}) {
            double[] a = Reference.gaussian(r, n);
            double[] b = Reference.gaussian(r, n);
            if (vector) {
                same(Reference.emulatedDot(n, a, 0, b, 0, lanes), k.dot(n, a, 0, b, 0), "dot n=" + n);
                same(Reference.emulatedSum(n, a, 0, lanes), k.sum(n, a, 0), "sum n=" + n);
            } else {
                same(scalar.dot(n, a, 0, b, 0), k.dot(n, a, 0, b, 0), "dot n=" + n);
            }
            checks += 2;
            for (Activation act : Activations.all()) {
                double[] z = Reference.gaussian(r, n);
                double[] out = new double[n];
                double[] d = new double[n];
                double[] so = new double[n];
                double[] sd = new double[n];
                k.activation(act, n, z, 0, out, 0, d, 0);
                scalar.activation(act, n, z, 0, so, 0, sd, 0);
                for (int i = 0; i < n; i++) {
                    Reference.assertClose(so[i], out[i], 1, act.label() + " at " + z[i]);
                    Reference.assertClose(sd[i], d[i], 1, act.label() + "' at " + z[i]);
                    checks += 2;
                }
            }
            if (n > 0) {
                double[] in = Reference.gaussian(r, 2 * n);
                double[] out = new double[2 * n];
                double[] so = new double[2 * n];
                k.softmaxRows(2, n, in, 0, out, 0, null);
                scalar.softmaxRows(2, n, in, 0, so, 0, null);
                for (int i = 0; i < 2 * n; i++) {
                    Reference.assertClose(so[i], out[i], 0, "softmax n=" + n);
                    checks++;
                }
            }
        }
        System.out.println("self-check OK: " + checks + " comparisons");
        k.setThreads(1); // stops the workers
    }

    private static int checkGemm(Kernels k, boolean vector, boolean ta, boolean tb, int m, int n, int kk, Random r) {
        int lda = (ta ? m : kk) + 1;
        int ldb = (tb ? kk : n) + 2;
        int ldc = n + 1;
        double[] a = Reference.gaussian(r, (ta ? kk : m) * lda);
        double[] b = Reference.gaussian(r, (tb ? n : kk) * ldb);
        double[] c0 = Reference.gaussian(r, m * ldc);
        double[] c = c0.clone();
        k.gemm(ta, tb, m, n, kk, 0.5, a, 0, lda, b, 0, ldb, -1.0, c, 0, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double got = c[i * ldc + j];
                String what = "gemm(" + ta + ", " + tb + ", " + m + ", " + n + ", " + kk + ") C[" + i + "," + j + "]";
                if (vector) {
                    same(Reference.gemmEntry(ta, tb, i, j, kk, 0.5, a, 0, lda, b, 0, ldb, -1.0, c0[i * ldc + j]), got,
                            what);
                } else {
                    int as = ta ? lda : 1;
                    int bs = tb ? 1 : ldb;
                    double exact = 0.5 * Reference.accurateDot(kk, a, ta ? i : i * lda, as, b, tb ? j * ldb : j, bs)
                            - c0[i * ldc + j];
                    double tol = (kk + 4) * Reference.U * (0.5 * Reference.absDot(kk, a, ta ? i : i * lda, as, b,
                            tb ? j * ldb : j, bs) + Math.abs(c0[i * ldc + j]));
                    if (Math.abs(got - exact) > tol) {
                        throw new AssertionError(what + " = " + got + ", reference " + exact);
                    }
                }
            }
        }
        return m * n;
    }

    private static void same(double want, double got, String what) {
        if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) {
            throw new AssertionError(what + ": expected exactly " + want + " but got " + got);
        }
    }
}
