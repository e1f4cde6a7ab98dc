package org.neuromanifold.bench.mlp;

/**
 * The reference gradient of the benchmark problem, written as plain loops so that it can be read
 * line by line against the equations. It is slow on purpose (no blocking, no SIMD, no threads) and
 * serves only to check the engines that are timed.
 *
 * <p>Forward: {@code h⁰ = x}, {@code z^t = W_t h^t + b_t}, {@code h^{t+1} = max(z^t, 0)} for the hidden
 * layers; the logits are {@code z^3}. Loss: {@code L = (1/B) Σ_i [logsumexp(z_i) − z_i[y_i]]}.
 * Backward: {@code δ^3 = (softmax(z) − onehot(y)) / B}; {@code ∂L/∂W_t = δ^tᵀ h^t},
 * {@code ∂L/∂b_t = Σ_i δ^t_i}, {@code δ^{t−1} = (δ^t W_t) ⊙ [z^{t−1} > 0]}.
 */
public final class MlpReferenceGradient {
    private MlpReferenceGradient() {
    }

    private static final class Holder {
        static final MlpGradient STANDARD = compute(MlpBenchData.standard());
    }

    /** The reference gradient of {@link MlpBenchData#standard()} (computed once). */
    public static MlpGradient standard() {
        return Holder.STANDARD;
    }

    /** The summary every engine must reproduce. */
    public static MlpGradientSummary standardSummary() {
        return standard().summary();
    }

    /** The mean softmax cross-entropy of the benchmark problem and its gradient. */
    public static MlpGradient compute(MlpBenchData data) {
        int layers = MlpBenchData.layerCount();
        int batch = MlpBenchData.BATCH;
        double[][] x = rows(data.inputs(), batch, MlpBenchData.in(0));
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][];
        for (int t = 0; t < layers; t++) {
            w[t] = rows(data.weight(t), MlpBenchData.out(t), MlpBenchData.in(t));
            b[t] = data.bias(t);
        }
        int[] labels = data.labels();

        // forward: h[t] is the input of layer t, z[t] its pre-activation
        double[][][] h = new double[layers][][];
        double[][][] z = new double[layers][][];
        h[0] = x;
        for (int t = 0; t < layers; t++) {
            z[t] = affine(h[t], w[t], b[t]);
            if (t + 1 < layers) {
                h[t + 1] = relu(z[t]);
            }
        }
        double[][] logits = z[layers - 1];

        // loss and δ at the logits: (softmax − onehot) / B
        double loss = 0;
        double[][] delta = new double[batch][];
        for (int i = 0; i < batch; i++) {
            double lse = logSumExp(logits[i]);
            loss += lse - logits[i][labels[i]];
            delta[i] = new double[logits[i].length];
            for (int c = 0; c < logits[i].length; c++) {
                double p = Math.exp(logits[i][c] - lse);
                delta[i][c] = (p - (c == labels[i] ? 1.0 : 0.0)) / batch;
            }
        }
        loss /= batch;

        // backward
        double[][] gradW = new double[layers][];
        double[][] gradB = new double[layers][];
        for (int t = layers - 1; t >= 0; t--) {
            int out = MlpBenchData.out(t);
            int in = MlpBenchData.in(t);
            gradW[t] = new double[out * in];
            gradB[t] = new double[out];
            for (int o = 0; o < out; o++) {
                for (int j = 0; j < in; j++) {
                    double s = 0;
                    for (int i = 0; i < batch; i++) {
                        s += delta[i][o] * h[t][i][j];
                    }
                    gradW[t][o * in + j] = s;
                }
                double s = 0;
                for (int i = 0; i < batch; i++) {
                    s += delta[i][o];
                }
                gradB[t][o] = s;
            }
            if (t > 0) {
                double[][] previous = new double[batch][in];
                for (int i = 0; i < batch; i++) {
                    for (int j = 0; j < in; j++) {
                        double s = 0;
                        for (int o = 0; o < out; o++) {
                            s += delta[i][o] * w[t][o][j];
                        }
                        previous[i][j] = z[t - 1][i][j] > 0 ? s : 0.0;
                    }
                }
                delta = previous;
            }
        }
        return new MlpGradient(loss, gradW, gradB);
    }

    /** The loss alone (the forward pass of {@link #compute}), for finite-difference checks. */
    public static double loss(double[] inputs, double[][] weights, double[][] biases, int[] labels) {
        int layers = MlpBenchData.layerCount();
        int batch = labels.length;
        double[][] h = rows(inputs, batch, MlpBenchData.in(0));
        for (int t = 0; t < layers; t++) {
            double[][] z = affine(h, rows(weights[t], MlpBenchData.out(t), MlpBenchData.in(t)), biases[t]);
            h = t + 1 < layers ? relu(z) : z;
        }
        double loss = 0;
        for (int i = 0; i < batch; i++) {
            loss += logSumExp(h[i]) - h[i][labels[i]];
        }
        return loss / batch;
    }

    /** {@code z[i][o] = b[o] + Σ_j w[o][j] h[i][j]}. */
    private static double[][] affine(double[][] h, double[][] w, double[] b) {
        double[][] z = new double[h.length][w.length];
        for (int i = 0; i < h.length; i++) {
            for (int o = 0; o < w.length; o++) {
                double s = b[o];
                for (int j = 0; j < h[i].length; j++) {
                    s += w[o][j] * h[i][j];
                }
                z[i][o] = s;
            }
        }
        return z;
    }

    private static double[][] relu(double[][] z) {
        double[][] h = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            h[i] = new double[z[i].length];
            for (int j = 0; j < z[i].length; j++) {
                h[i][j] = Math.max(z[i][j], 0.0);
            }
        }
        return h;
    }

    private static double logSumExp(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            m = Math.max(m, e);
        }
        double s = 0;
        for (double e : v) {
            s += Math.exp(e - m);
        }
        return m + Math.log(s);
    }

    private static double[][] rows(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, m[r], 0, cols);
        }
        return m;
    }
}
