package org.neuromanifold.numeric.model;

import java.util.Arrays;
import java.util.Objects;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.IdentityActivation;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.Relu;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.loss.BinaryCrossEntropyLoss;
import org.neuromanifold.core.loss.HingeLoss;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SoftmaxCrossEntropyLoss;
import org.neuromanifold.core.loss.SquareLoss;
import org.neuromanifold.core.model.Dense;
import org.neuromanifold.core.model.Network;
import org.neuromanifold.core.model.OutputHead;
import org.neuromanifold.numeric.kernel.KernelProvider;
import org.neuromanifold.numeric.kernel.Kernels;

/**
 * The training-size fast path: the mean loss over a batch, its gradient, and its exact
 * Hessian-vector product for a dense network, written as matrix products on {@link Kernels#gemm} with
 * workspaces allocated once (for a maximum batch size) and reused by every call.
 *
 * <p>Layout: a batch is row-major, one sample per row ({@code x} is {@code batch × inputWidth},
 * {@code y} is {@code batch × outputWidth}, e.g. one-hot labels); θ, gradients and directions are flat
 * in {@code ParameterLayout} order. With per-layer activations {@code H_t = σ_t(Z_t)},
 * {@code Z_t = H_{t−1} W_tᵀ + 1 b_tᵀ}, {@code H_{−1} = X}:
 * <ul>
 * <li>gradient (reverse mode): {@code Δ_t = G_t ⊙ σ'_t(Z_t)}, {@code ∂W_t = Δ_tᵀ H_{t−1}},
 * {@code ∂b_t = 1ᵀΔ_t}, {@code G_{t−1} = Δ_t W_t}, starting from {@code G_L = ∂ℓ/∂F / B};</li>
 * <li>Hessian-vector product (Pearlmutter's R-operator, i.e. forward over reverse, exact): with the
 * direction V, {@code RZ_t = RH_{t−1} W_tᵀ + H_{t−1} V_tᵀ + 1 v_tᵀ}, {@code RH_t = σ' ⊙ RZ_t},
 * {@code RG_L = (∂²ℓ/∂F²)·RF / B}, {@code RΔ_t = RG_t ⊙ σ' + G_t ⊙ σ'' ⊙ RZ_t},
 * {@code R∂W_t = RΔ_tᵀ H_{t−1} + Δ_tᵀ RH_{t−1}}, {@code RG_{t−1} = RΔ_t W_t + Δ_t V_t}. The
 * gradient's own weight products are not formed, so for a network whose first layer dominates the
 * cost an HVP costs about 1.5 to 2 gradients.</li>
 * </ul>
 * Losses: square, binary cross-entropy on logits, softmax cross-entropy, hinge. A softmax head is
 * supported with softmax cross-entropy, which reads the logits (as everywhere in Neuromanifold).
 *
 * <p>Bad input is refused: θ or a batch containing NaN or infinity (found through one vectorised
 * sum, then named entry by entry), wrong lengths, a batch larger than the workspaces.
 *
 * <p>Not thread-safe (the workspaces are shared): one instance per thread. Multithreading happens
 * inside {@link Kernels#gemm}.
 */
public final class BatchedMlp {
    private static final Kernels K = KernelProvider.kernels();

    private final Network network;
    private final Loss loss;
    private final int maxBatch;
    private final int layers;
    private final int[] in;
    private final int[] out;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final Activation[] activation;
    private final boolean[] linearPieces;

    // per-layer workspaces, maxBatch × out[t]
    private final double[][] z;
    private final double[][] h;
    private final double[][] d1;
    private final double[][] d2;
    private final double[][] rz;
    private final double[][] rh;
    // backward workspaces, maxBatch × widest layer
    private double[] g;
    private double[] gNext;
    private double[] rg;
    private double[] rgNext;
    private final double[] delta;
    private final double[] rdelta;
    private final double[] lse;

    /**
     * @param network  the network (dense layers; no softmax head, or a softmax head with softmax cross-entropy)
     * @param loss     the per-sample loss; the batch loss is its mean
     * @param maxBatch the largest batch the workspaces hold
     */
    public BatchedMlp(Network network, Loss loss, int maxBatch) {
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (maxBatch <= 0) {
            throw SpecificationException.expected(ErrorCode.NON_POSITIVE_SIZE, "maxBatch", "a positive batch size",
                    maxBatch);
        }
        if (network.head() == OutputHead.SOFTMAX && !(loss instanceof SoftmaxCrossEntropyLoss)) {
            throw new SpecificationException(ErrorCode.UNSUPPORTED, "loss", "loss: a softmax head is supported with "
                    + "softmax cross-entropy (which reads the logits), got " + loss.name());
        }
        this.maxBatch = maxBatch;
        this.layers = network.layers().size();
        in = new int[layers];
        out = new int[layers];
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        activation = new Activation[layers];
        linearPieces = new boolean[layers];
        z = new double[layers][];
        h = new double[layers][];
        d1 = new double[layers][];
        d2 = new double[layers][];
        rz = new double[layers][];
        rh = new double[layers][];
        int off = 0;
        int widest = network.inputDim();
        for (int t = 0; t < layers; t++) {
            Dense d = network.layers().get(t);
            in[t] = d.in();
            out[t] = d.out();
            weightOffset[t] = off;
            off += d.in() * d.out();
            biasOffset[t] = d.bias() ? off : -1;
            off += d.bias() ? d.out() : 0;
            activation[t] = d.activation();
            linearPieces[t] = d.activation() instanceof Relu || d.activation() instanceof LeakyRelu
                    || d.activation() instanceof IdentityActivation;
            int n = maxBatch * d.out();
            z[t] = new double[n];
            h[t] = new double[n];
            d1[t] = new double[n];
            rz[t] = new double[n];
            rh[t] = new double[n];
            d2[t] = linearPieces[t] ? null : new double[n];
            widest = Math.max(widest, d.out());
        }
        g = new double[maxBatch * widest];
        gNext = new double[maxBatch * widest];
        rg = new double[maxBatch * widest];
        rgNext = new double[maxBatch * widest];
        delta = new double[maxBatch * widest];
        rdelta = new double[maxBatch * widest];
        lse = new double[maxBatch];
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    /** The largest batch this instance holds. */
    public int maxBatch() {
        return maxBatch;
    }

    /** The network outputs f_θ(x_i) for the batch, {@code batch × outputWidth} row-major (softmax head applied). */
    public double[] outputs(double[] theta, double[] x, int batch) {
        checkTheta(theta);
        checkBatch(x, batch, network.inputDim(), "x");
        forward(theta, x, batch);
        int k = out[layers - 1];
        double[] f = new double[batch * k];
        if (network.head() == OutputHead.SOFTMAX) {
            K.softmaxRows(batch, k, h[layers - 1], 0, f, 0, null);
        } else {
            System.arraycopy(h[layers - 1], 0, f, 0, batch * k);
        }
        return f;
    }

    /**
     * The mean loss (1/B) Σ_i ℓ(f_θ(x_i), y_i) over the first {@code batch} rows, with its gradient written to
     * {@code grad} (length = the parameter count).
     */
    public double lossAndGradient(double[] theta, double[] x, double[] y, int batch, double[] grad) {
        checkAll(theta, x, y, batch);
        checkLength(grad, theta.length, "grad");
        forward(theta, x, batch);
        double value = lossAndOutputGradient(y, batch);
        for (int t = layers - 1; t >= 0; t--) {
            int n = batch * out[t];
            double[] dt = activationIsIdentity(t) ? g : delta;
            if (dt == delta) {
                K.multiply(n, g, 0, d1[t], 0, delta, 0);
            }
            double[] prev = t == 0 ? x : h[t - 1];
            // ∂W_t = Δ_tᵀ H_{t−1}  (out × in)
            K.gemm(true, false, out[t], in[t], batch, 1.0, dt, 0, out[t], prev, 0, in[t], 0.0, grad,
                    weightOffset[t], in[t]);
            if (biasOffset[t] >= 0) {
                columnSums(dt, batch, out[t], grad, biasOffset[t]);
            }
            if (t > 0) {
                // G_{t−1} = Δ_t W_t  (batch × in)
                K.gemm(false, false, batch, in[t], out[t], 1.0, dt, 0, out[t], theta, weightOffset[t], in[t], 0.0,
                        gNext, 0, in[t]);
                swapG();
            }
        }
        return value;
    }

    /** The mean loss over the first {@code batch} rows. */
    public double loss(double[] theta, double[] x, double[] y, int batch) {
        checkAll(theta, x, y, batch);
        forward(theta, x, batch);
        return lossAndOutputGradient(y, batch);
    }

    /**
     * The exact Hessian-vector product ∇²_θ L · v of the mean loss over the first {@code batch} rows,
     * written to {@code result} (Pearlmutter's R-operator; no finite differences).
     */
    public void hessianVectorProduct(double[] theta, double[] x, double[] y, int batch, double[] v,
            double[] result) {
        checkAll(theta, x, y, batch);
        checkLength(v, theta.length, "v");
        checkFinite(v, "v");
        checkLength(result, theta.length, "result");
        forward(theta, x, batch);
        rForward(theta, x, v, batch);
        lossAndOutputGradient(y, batch);
        outputCurvature(y, batch);
        for (int t = layers - 1; t >= 0; t--) {
            int n = batch * out[t];
            // Δ = G ⊙ σ',  RΔ = RG ⊙ σ' + G ⊙ σ'' ⊙ RZ
            K.multiply(n, g, 0, d1[t], 0, delta, 0);
            K.multiply(n, rg, 0, d1[t], 0, rdelta, 0);
            if (!linearPieces[t]) {
                double[] s2 = d2[t];
                double[] rzt = rz[t];
                for (int i = 0; i < n; i++) {
                    rdelta[i] += g[i] * s2[i] * rzt[i];
                }
            }
            double[] prev = t == 0 ? x : h[t - 1];
            // R∂W_t = RΔᵀ H_{t−1} + Δᵀ RH_{t−1}
            K.gemm(true, false, out[t], in[t], batch, 1.0, rdelta, 0, out[t], prev, 0, in[t], 0.0, result,
                    weightOffset[t], in[t]);
            if (t > 0) {
                K.gemm(true, false, out[t], in[t], batch, 1.0, delta, 0, out[t], rh[t - 1], 0, in[t], 1.0, result,
                        weightOffset[t], in[t]);
            }
            if (biasOffset[t] >= 0) {
                columnSums(rdelta, batch, out[t], result, biasOffset[t]);
            }
            if (t > 0) {
                // G_{t−1} = Δ W_t,  RG_{t−1} = RΔ W_t + Δ V_t
                K.gemm(false, false, batch, in[t], out[t], 1.0, delta, 0, out[t], theta, weightOffset[t], in[t], 0.0,
                        gNext, 0, in[t]);
                K.gemm(false, false, batch, in[t], out[t], 1.0, rdelta, 0, out[t], theta, weightOffset[t], in[t],
                        0.0, rgNext, 0, in[t]);
                K.gemm(false, false, batch, in[t], out[t], 1.0, delta, 0, out[t], v, weightOffset[t], in[t], 1.0,
                        rgNext, 0, in[t]);
                swapG();
                double[] tmp = rg;
                rg = rgNext;
                rgNext = tmp;
            }
        }
    }

    // ---- passes ---------------------------------------------------------------------------------------

    /** Z_t, H_t = σ(Z_t), σ'(Z_t) and (for curved activations) σ''(Z_t). */
    private void forward(double[] theta, double[] x, int batch) {
        for (int t = 0; t < layers; t++) {
            double[] prev = t == 0 ? x : h[t - 1];
            K.gemm(false, true, batch, out[t], in[t], 1.0, prev, 0, in[t], theta, weightOffset[t], in[t], 0.0, z[t], 0,
                    out[t]);
            if (biasOffset[t] >= 0) {
                addRows(z[t], batch, out[t], theta, biasOffset[t]);
            }
            int n = batch * out[t];
            K.activation(activation[t], n, z[t], 0, h[t], 0, d1[t], 0);
            if (!linearPieces[t]) {
                K.activationSecondDerivative(activation[t], n, z[t], 0, d2[t], 0);
            }
        }
    }

    /** RZ_t = RH_{t−1} W_tᵀ + H_{t−1} V_tᵀ + 1 v_tᵀ and RH_t = σ'(Z_t) ⊙ RZ_t. */
    private void rForward(double[] theta, double[] x, double[] v, int batch) {
        for (int t = 0; t < layers; t++) {
            double[] prev = t == 0 ? x : h[t - 1];
            K.gemm(false, true, batch, out[t], in[t], 1.0, prev, 0, in[t], v, weightOffset[t], in[t], 0.0, rz[t], 0,
                    out[t]);
            if (t > 0) {
                K.gemm(false, true, batch, out[t], in[t], 1.0, rh[t - 1], 0, in[t], theta, weightOffset[t], in[t],
                        1.0, rz[t], 0, out[t]);
            }
            if (biasOffset[t] >= 0) {
                addRows(rz[t], batch, out[t], v, biasOffset[t]);
            }
            K.multiply(batch * out[t], rz[t], 0, d1[t], 0, rh[t], 0);
        }
    }

    /** The mean loss, and G = ∂(mean loss)/∂F in {@link #g} (F = the last layer's activations). */
    private double lossAndOutputGradient(double[] y, int batch) {
        int k = out[layers - 1];
        double[] f = h[layers - 1];
        int n = batch * k;
        double inv = 1.0 / batch;
        double sum = 0;
        switch (loss) {
            case SquareLoss s -> {
                for (int i = 0; i < n; i++) {
                    double r = f[i] - y[i];
                    sum += r * r;
                    g[i] = r * inv;
                }
                sum *= 0.5;
            }
            case BinaryCrossEntropyLoss b -> {
                for (int i = 0; i < n; i++) {
                    // y·softplus(−f) + (1−y)·softplus(f): tiny losses keep their relative accuracy
                    double fi = f[i];
                    double tail = Math.log1p(Math.exp(-Math.abs(fi)));
                    double spPos = Math.max(fi, 0) + tail;
                    double spNeg = Math.max(-fi, 0) + tail;
                    sum += (y[i] == 0 ? 0 : y[i] * spNeg) + (y[i] == 1 ? 0 : (1 - y[i]) * spPos);
                    g[i] = (sigmoid(fi) - y[i]) * inv;
                }
            }
            case SoftmaxCrossEntropyLoss c -> {
                // g = (softmax(f)·Σy − y)/B, ℓ = Σ_j y_j (lse − f_j)
                K.softmaxRows(batch, k, f, 0, g, 0, lse);
                for (int r = 0; r < batch; r++) {
                    double mass = 0;
                    int row = r * k;
                    for (int j = 0; j < k; j++) {
                        double yj = y[row + j];
                        mass += yj;
                        if (yj != 0) {
                            sum += yj * (lse[r] - f[row + j]);
                        }
                    }
                    for (int j = 0; j < k; j++) {
                        g[row + j] = (g[row + j] * mass - y[row + j]) * inv;
                    }
                }
            }
            case HingeLoss hl -> {
                for (int i = 0; i < n; i++) {
                    double m = 1 - y[i] * f[i];
                    sum += Math.max(0, m);
                    g[i] = m > 0 ? -y[i] * inv : 0.0;
                }
            }
        }
        return sum * inv;
    }

    /** RG = (∂²ℓ/∂F²)·RF / B in {@link #rg}, RF = RH_L. */
    private void outputCurvature(double[] y, int batch) {
        int k = out[layers - 1];
        double[] f = h[layers - 1];
        double[] rf = rh[layers - 1];
        int n = batch * k;
        double inv = 1.0 / batch;
        switch (loss) {
            case SquareLoss s -> {
                for (int i = 0; i < n; i++) {
                    rg[i] = rf[i] * inv;
                }
            }
            case BinaryCrossEntropyLoss b -> {
                for (int i = 0; i < n; i++) {
                    double p = sigmoid(f[i]);
                    rg[i] = p * (1 - p) * rf[i] * inv;
                }
            }
            case SoftmaxCrossEntropyLoss c -> {
                // Σy·(diag p − p pᵀ)·RF per row, p = softmax(f)
                K.softmaxRows(batch, k, f, 0, rg, 0, null);
                for (int r = 0; r < batch; r++) {
                    int row = r * k;
                    double mass = 0;
                    double pr = 0;
                    for (int j = 0; j < k; j++) {
                        mass += y[row + j];
                        pr += rg[row + j] * rf[row + j];
                    }
                    for (int j = 0; j < k; j++) {
                        rg[row + j] = mass * rg[row + j] * (rf[row + j] - pr) * inv;
                    }
                }
            }
            case HingeLoss hl -> Arrays.fill(rg, 0, n, 0.0);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private boolean activationIsIdentity(int t) {
        return activation[t] instanceof IdentityActivation;
    }

    private void swapG() {
        double[] tmp = g;
        g = gNext;
        gNext = tmp;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** m[r, ·] += b for every row r. */
    private static void addRows(double[] m, int rows, int cols, double[] b, int bOff) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                m[row + j] += b[bOff + j];
            }
        }
    }

    /** dst[off + j] = Σ_r m[r, j]. */
    private static void columnSums(double[] m, int rows, int cols, double[] dst, int off) {
        Arrays.fill(dst, off, off + cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                dst[off + j] += m[row + j];
            }
        }
    }

    private void checkAll(double[] theta, double[] x, double[] y, int batch) {
        checkTheta(theta);
        checkBatch(x, batch, network.inputDim(), "x");
        checkBatch(y, batch, network.outputDim(), "y");
    }

    private void checkTheta(double[] theta) {
        checkLength(theta, network.parameterCount(), "theta");
        if (!Double.isFinite(K.sum(theta.length, theta, 0))) {
            ModelChecks.theta(network, theta);
        }
    }

    private void checkBatch(double[] a, int batch, int width, String name) {
        if (batch <= 0 || batch > maxBatch) {
            throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "batch",
                    "a batch size in [1, " + maxBatch + "] (the workspaces' size)", batch);
        }
        if (a == null || a.length < batch * width) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, name,
                    "at least " + batch + " rows × " + width + " = " + batch * width + " values",
                    a == null ? "null" : a.length + " values");
        }
        if (!Double.isFinite(K.sum(batch * width, a, 0))) {
            for (int i = 0; i < batch * width; i++) {
                if (!Double.isFinite(a[i])) {
                    throw SpecificationException.expected(ErrorCode.NOT_FINITE,
                            name + "[" + i / width + "," + i % width + "]", "a finite number", a[i]);
                }
            }
        }
    }

    private static void checkLength(double[] a, int n, String name) {
        if (a == null || a.length != n) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, name, "length " + n,
                    a == null ? "null" : "length " + a.length);
        }
    }

    private static void checkFinite(double[] a, String name) {
        if (!Double.isFinite(K.sum(a.length, a, 0))) {
            for (int i = 0; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    throw SpecificationException.expected(ErrorCode.NOT_FINITE, name + "[" + i + "]",
                            "a finite number", a[i]);
                }
            }
        }
    }
}
