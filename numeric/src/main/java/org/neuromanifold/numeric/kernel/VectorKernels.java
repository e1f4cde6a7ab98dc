package org.neuromanifold.numeric.kernel;

import static jdk.incubator.vector.VectorOperators.MAX;

import java.lang.ref.Cleaner;
import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.CustomActivation;
import org.neuromanifold.core.activation.Elu;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.activation.Sigmoid;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.activation.Softplus;
import org.neuromanifold.core.activation.Tanh;

/**
 * The Vector API kernels ({@code jdk.incubator.vector}, one species fixed per process, see
 * {@link #vectorBits()}). Load this class only when that module is in the boot layer;
 * {@link KernelProvider} does so reflectively.
 *
 * <p><b>Fixed summation orders</b> (L = lanes per vector; results are bit-identical across calls,
 * threads and JIT tiers):
 * <ul>
 * <li>{@code dot}, {@code sum}: four vector accumulators take the blocks of 4L entries in turn
 * (accumulator u sums, lane by lane, entries 4L·t + u·L + lane, with fma for dot), then remaining whole
 * vectors go to accumulator 0; the accumulators are combined as (acc0 + acc1) + (acc2 + acc3), the lanes
 * by the fixed tree of {@link VectorMath#sumLanes} ((x0+x4)+(x2+x6)) + ((x1+x5)+(x3+x7)), and the last
 * n mod L entries are added one by one (fma for dot).</li>
 * <li>{@code gemm}: every entry c ← β·c, then c ← fma(α·a_ip, b_pj, c) for p = 0..k−1 in order,
 * whatever the size, path or thread count (see {@link VectorGemm}).</li>
 * <li>{@code gemv} without transpose: y_i ← α·dot(row i, x) + β·y_i with the dot order above
 * (β = 0: α·dot). Transposed: t_j = fma chain over i = 0..m−1 of x_i·A[i, j] starting at 0, then
 * y_j ← α·t_j + β·y_j (β = 0: α·t_j).</li>
 * <li>{@code softmaxRows}: row maximum (order-free), e_j = exp(x_j − max) by
 * {@link VectorMath#expNegAbs}, Σ e_j in the order of {@code sum} above, out = e_j·(1/Σ),
 * logSumExp = max + ln Σ.</li>
 * <li>{@code axpy}, {@code scale}, {@code multiply}: the scalar twin's exact operations (y + α·x, not an
 * fma), so they agree with it bit for bit.</li>
 * </ul>
 *
 * <p>Activation kernels may write {@code out} over {@code z} itself (same array, same offset);
 * {@code derivative} must not overlap either. Custom activations go through their scalar functions.
 *
 * <p>Threads: large GEMMs are shared by {@link #threads()} threads (the caller and persistent workers);
 * everything else runs on the calling thread. Instances are safe to use from several threads at once.
 */
public final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> S = Lanes.S;
    private static final int L = Lanes.L;
    /** The twin, for activations without a vector form (user-defined formulas). */
    private static final ScalarKernels SCALAR = new ScalarKernels();

    /** GEMMs with at least this m·n·k are split over the threads. */
    static final long PARALLEL_VOLUME = 96L * 96 * 96;

    private static final Cleaner CLEANER = Cleaner.create();

    private volatile int threads;
    private volatile GemmTeam team;

    /** Kernels with the configured thread count ({@link KernelProvider#configuredThreads()}). */
    public VectorKernels() {
        this(KernelProvider.configuredThreads());
    }

    /** Kernels whose large GEMMs use {@code threads} threads (1 = the caller only). */
    public VectorKernels(int threads) {
        this.threads = KernelProvider.checkThreads(threads, "threads");
    }

    /** Width of the vectors in bits (e.g. 512). */
    public static int vectorBits() {
        return S.vectorBitSize();
    }

    /** Doubles per vector (e.g. 8). */
    public static int lanes() {
        return L;
    }

    @Override
    public String description() {
        int t = threads;
        return "vector (" + vectorBits() + "-bit, " + L + " lanes, " + t + (t == 1 ? " thread)" : " threads)");
    }

    @Override
    public int threads() {
        return threads;
    }

    /** Changes how many threads large GEMMs use from now on (the old workers stop). */
    @Override
    public synchronized void setThreads(int threads) {
        KernelProvider.checkThreads(threads, "threads");
        if (threads == this.threads) {
            return;
        }
        GemmTeam old = team;
        team = null;
        this.threads = threads;
        if (old != null) {
            old.shutdown();
        }
    }

    private GemmTeam team() {
        GemmTeam t = team;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (team == null && threads > 1) {
                GemmTeam created = new GemmTeam(threads);
                // the workers reference the team, never this object: once this object is unreachable
                // the cleaner stops them
                CLEANER.register(this, created::shutdown);
                team = created;
            }
            return team;
        }
    }

    // ------------------------------------------------------------------ level 1

    @Override
    public double dot(int n, double[] a, int aOff, double[] b, int bOff) {
        KernelChecks.vector("dot", "a", a, aOff, n);
        KernelChecks.vector("dot", "b", b, bOff, n);
        return dotUnchecked(n, a, aOff, b, bOff);
    }

    private static double dotUnchecked(int n, double[] a, int aOff, double[] b, int bOff) {
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = acc0;
        DoubleVector acc2 = acc0;
        DoubleVector acc3 = acc0;
        int bound4 = n - n % (4 * L);
        int i = 0;
        for (; i < bound4; i += 4 * L) {
            acc0 = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, bOff + i), acc0);
            acc1 = DoubleVector.fromArray(S, a, aOff + i + L).fma(DoubleVector.fromArray(S, b, bOff + i + L), acc1);
            acc2 = DoubleVector.fromArray(S, a, aOff + i + 2 * L)
                    .fma(DoubleVector.fromArray(S, b, bOff + i + 2 * L), acc2);
            acc3 = DoubleVector.fromArray(S, a, aOff + i + 3 * L)
                    .fma(DoubleVector.fromArray(S, b, bOff + i + 3 * L), acc3);
        }
        int bound1 = S.loopBound(n);
        for (; i < bound1; i += L) {
            acc0 = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, bOff + i), acc0);
        }
        double s = VectorMath.sumLanes(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    @Override
    public double sum(int n, double[] x, int xOff) {
        KernelChecks.vector("sum", "x", x, xOff, n);
        return sumUnchecked(n, x, xOff);
    }

    private static double sumUnchecked(int n, double[] x, int xOff) {
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = acc0;
        DoubleVector acc2 = acc0;
        DoubleVector acc3 = acc0;
        int bound4 = n - n % (4 * L);
        int i = 0;
        for (; i < bound4; i += 4 * L) {
            acc0 = acc0.add(DoubleVector.fromArray(S, x, xOff + i));
            acc1 = acc1.add(DoubleVector.fromArray(S, x, xOff + i + L));
            acc2 = acc2.add(DoubleVector.fromArray(S, x, xOff + i + 2 * L));
            acc3 = acc3.add(DoubleVector.fromArray(S, x, xOff + i + 3 * L));
        }
        int bound1 = S.loopBound(n);
        for (; i < bound1; i += L) {
            acc0 = acc0.add(DoubleVector.fromArray(S, x, xOff + i));
        }
        double s = VectorMath.sumLanes(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            s += x[xOff + i];
        }
        return s;
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        KernelChecks.vector("axpy", "x", x, xOff, n);
        KernelChecks.vector("axpy", "y", y, yOff, n);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, y, yOff + i).add(DoubleVector.fromArray(S, x, xOff + i).mul(alpha))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void scale(int n, double alpha, double[] x, int xOff) {
        KernelChecks.vector("scale", "x", x, xOff, n);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void multiply(int n, double[] a, int aOff, double[] b, int bOff, double[] out, int outOff) {
        KernelChecks.vector("multiply", "a", a, aOff, n);
        KernelChecks.vector("multiply", "b", b, bOff, n);
        KernelChecks.vector("multiply", "out", out, outOff, n);
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            DoubleVector.fromArray(S, a, aOff + i).mul(DoubleVector.fromArray(S, b, bOff + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    // ------------------------------------------------------------------ level 2 and 3

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        KernelChecks.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (GemmDirect.isDirect(transB, m, n, k)) {
            GemmDirect.compute(m, n, k, alpha, a, aOff, transA ? 1 : lda, transA ? lda : 1, b, bOff, transB ? 1 : ldb,
                    transB ? ldb : 1, beta, c, cOff, ldc);
            return;
        }
        GemmWorkspace ws = GemmWorkspace.current();
        if (k == 0) {
            VectorGemm.scaleRows(beta, c, cOff, ldc, n, 0, m);
            return;
        }
        GemmProblem p = ws.problem;
        p.set(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        try {
            boolean shared = threads > 1 && m >= 2 * VectorGemm.MR && (long) m * n * k >= PARALLEL_VOLUME;
            GemmTeam t = shared ? team() : null;
            if (t == null || !t.run(p, ws)) {
                VectorGemm.blocked(p, ws, ws.packedB(VectorGemm.packedBSize(p)));
            }
        } finally {
            p.clear();
        }
    }

    @Override
    public void gemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda, double[] x, int xOff,
            double beta, double[] y, int yOff) {
        KernelChecks.gemv(transA, m, n, a, aOff, lda, x, xOff, y, yOff);
        if (!transA) {
            for (int i = 0; i < m; i++) {
                double d = dotUnchecked(n, a, aOff + i * lda, x, xOff);
                y[yOff + i] = beta == 0 ? alpha * d : alpha * d + beta * y[yOff + i];
            }
            return;
        }
        // y_j over column blocks: 4 vectors at a time, then single vectors, then scalar columns; every
        // column's result is the same fma chain over i wherever it falls
        int j = 0;
        int bound4 = n - n % (4 * L);
        for (; j < bound4; j += 4 * L) {
            DoubleVector t0 = DoubleVector.zero(S);
            DoubleVector t1 = t0;
            DoubleVector t2 = t0;
            DoubleVector t3 = t0;
            int row = aOff + j;
            for (int i = 0; i < m; i++, row += lda) {
                DoubleVector xv = DoubleVector.broadcast(S, x[xOff + i]);
                t0 = xv.fma(DoubleVector.fromArray(S, a, row), t0);
                t1 = xv.fma(DoubleVector.fromArray(S, a, row + L), t1);
                t2 = xv.fma(DoubleVector.fromArray(S, a, row + 2 * L), t2);
                t3 = xv.fma(DoubleVector.fromArray(S, a, row + 3 * L), t3);
            }
            storeGemvT(t0, alpha, beta, y, yOff + j);
            storeGemvT(t1, alpha, beta, y, yOff + j + L);
            storeGemvT(t2, alpha, beta, y, yOff + j + 2 * L);
            storeGemvT(t3, alpha, beta, y, yOff + j + 3 * L);
        }
        int bound1 = S.loopBound(n);
        for (; j < bound1; j += L) {
            DoubleVector t0 = DoubleVector.zero(S);
            int row = aOff + j;
            for (int i = 0; i < m; i++, row += lda) {
                t0 = DoubleVector.broadcast(S, x[xOff + i]).fma(DoubleVector.fromArray(S, a, row), t0);
            }
            storeGemvT(t0, alpha, beta, y, yOff + j);
        }
        for (; j < n; j++) {
            double t = 0;
            int row = aOff + j;
            for (int i = 0; i < m; i++, row += lda) {
                t = Math.fma(x[xOff + i], a[row], t);
            }
            y[yOff + j] = beta == 0 ? alpha * t : alpha * t + beta * y[yOff + j];
        }
    }

    private static void storeGemvT(DoubleVector t, double alpha, double beta, double[] y, int at) {
        if (beta == 0) {
            t.mul(alpha).intoArray(y, at);
        } else {
            t.mul(alpha).add(DoubleVector.fromArray(S, y, at).mul(beta)).intoArray(y, at);
        }
    }

    // ------------------------------------------------------------------ elementwise

    @Override
    public void activation(Activation activation, int n, double[] z, int zOff, double[] out, int outOff,
            double[] derivative, int dOff) {
        KernelChecks.activation("activation", n, z, zOff, out, outOff, derivative, dOff);
        switch (activation) {
            case IdentityActivation ignored -> {
                System.arraycopy(z, zOff, out, outOff, n);
                if (derivative != null) {
                    Arrays.fill(derivative, dOff, dOff + n, 1.0);
                }
            }
            case Relu ignored -> VectorActivations.relu(n, z, zOff, out, outOff, derivative, dOff);
            case LeakyRelu f -> VectorActivations.leakyRelu(f.iota(), n, z, zOff, out, outOff, derivative, dOff);
            case SmoothPrelu f ->
                VectorActivations.smoothPrelu(true, f.iota(), f.omega(), n, z, zOff, out, outOff, derivative,
                        dOff);
            case Tanh ignored -> VectorActivations.tanh(n, z, zOff, out, outOff, derivative, dOff, false);
            case Sigmoid ignored -> VectorActivations.sigmoid(n, z, zOff, out, outOff, derivative, dOff);
            case Elu f -> VectorActivations.elu(f.alpha(), n, z, zOff, out, outOff, derivative, dOff);
            case Softplus ignored -> VectorActivations.softplus(n, z, zOff, out, outOff, derivative, dOff);
            // a user's formula has no vector form: its scalar functions, entry by entry
            case CustomActivation f -> SCALAR.activation(f, n, z, zOff, out, outOff, derivative, dOff);
        }
    }

    @Override
    public void activationSecondDerivative(Activation activation, int n, double[] z, int zOff, double[] out,
            int outOff) {
        KernelChecks.activation("activationSecondDerivative", n, z, zOff, out, outOff, null, 0);
        switch (activation) {
            case IdentityActivation ignored -> Arrays.fill(out, outOff, outOff + n, 0.0);
            case Relu ignored -> Arrays.fill(out, outOff, outOff + n, 0.0);
            case LeakyRelu ignored -> Arrays.fill(out, outOff, outOff + n, 0.0);
            case SmoothPrelu f -> {
                double gap = 1 - f.iota();
                VectorActivations.sigmoidCurvature(VectorActivations.QUADRATIC, gap, f.omega(), gap * gap / f.omega(),
                        n, z, zOff, out, outOff);
            }
            case Tanh ignored -> VectorActivations.tanh(n, z, zOff, out, outOff, null, 0, true);
            case Sigmoid ignored ->
                VectorActivations.sigmoidCurvature(VectorActivations.CUBIC, 1, 1, 1, n, z, zOff, out, outOff);
            case Elu f -> VectorActivations.eluSecond(f.alpha(), n, z, zOff, out, outOff);
            case Softplus ignored ->
                VectorActivations.sigmoidCurvature(VectorActivations.QUADRATIC, 1, 1, 1, n, z, zOff, out, outOff);
            case CustomActivation f -> SCALAR.activationSecondDerivative(f, n, z, zOff, out, outOff);
        }
    }

    @Override
    public void softmaxRows(int rows, int cols, double[] in, int inOff, double[] out, int outOff,
            double[] logSumExp) {
        KernelChecks.softmax(rows, cols, in, inOff, out, outOff, logSumExp);
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int src = inOff + r * cols;
            int dst = outOff + r * cols;
            DoubleVector mv = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            int j = 0;
            for (; j < bound; j += L) {
                mv = mv.lanewise(MAX, DoubleVector.fromArray(S, in, src + j));
            }
            double max = VectorMath.maxLanes(mv);
            for (; j < cols; j++) {
                max = Math.max(max, in[src + j]);
            }
            VectorMath.expNegAbs(cols, in, src, 1, 1, max, out, dst); // e^{−|x − max|} = e^{x − max}
            double s = sumUnchecked(cols, out, dst);
            double inv = 1.0 / s;
            for (j = 0; j < bound; j += L) {
                DoubleVector.fromArray(S, out, dst + j).mul(inv).intoArray(out, dst + j);
            }
            for (; j < cols; j++) {
                out[dst + j] *= inv;
            }
            if (logSumExp != null) {
                logSumExp[r] = max + Math.log(s);
            }
        }
    }
}
