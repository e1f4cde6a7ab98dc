package org.neuromanifold.numeric.verify;

import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.loss.Loss;

/**
 * The four catalogue identities computed by hand, independently of the tape and the Expr interpreter:
 * a plain-loop forward pass, ⟨∇_θ g, θ⟩ as the radial derivative d/dc g(cθ) at c = 1 by central
 * differences (step 1e-5: truncation error ~h²·|g'''| ≈ 1e-10, rounding ~1e-16/h ≈ 1e-11, so the
 * result is good to about 1e-9 relative on the O(1) values of a shrunk counterexample), the loss
 * gradient from core's {@link Loss#gradient}, and the closed form of the Gaussian model Fisher:
 * for y ~ N(f, I), 𝔼[⟨f − y, a⟩⟨f − y, b⟩] = ⟨a, b⟩.
 */
final class HandReference {
    static final double STEP = 1e-5;

    private final int[] widths;
    private final Activation hidden;
    private final Activation output;
    private final boolean bias;

    HandReference(int[] widths, Activation hidden, Activation output, boolean bias) {
        this.widths = widths.clone();
        this.hidden = hidden;
        this.output = output;
        this.bias = bias;
    }

    int depth() {
        return widths.length - 2;
    }

    /** f_θ(x) by plain loops over θ in layout order (per layer W row-major out × in, then b). */
    double[] forward(double[] theta, double[] x, int xOff) {
        double[] h = new double[widths[0]];
        System.arraycopy(x, xOff, h, 0, h.length);
        int off = 0;
        for (int t = 0; t + 1 < widths.length; t++) {
            int in = widths[t];
            int out = widths[t + 1];
            Activation a = t + 2 == widths.length ? output : hidden;
            double[] next = new double[out];
            for (int i = 0; i < out; i++) {
                double z = 0;
                for (int j = 0; j < in; j++) {
                    z += theta[off + i * in + j] * h[j];
                }
                if (bias) {
                    z += theta[off + in * out + i];
                }
                next[i] = a.value(z);
            }
            off += in * out + (bias ? out : 0);
            h = next;
        }
        return h;
    }

    /** The smallest |pre-activation| over the layers (to show an instance is away from kinks). */
    double smallestPreActivation(double[] theta, double[] x, int xOff) {
        double smallest = Double.POSITIVE_INFINITY;
        double[] h = new double[widths[0]];
        System.arraycopy(x, xOff, h, 0, h.length);
        int off = 0;
        for (int t = 0; t + 1 < widths.length; t++) {
            int in = widths[t];
            int out = widths[t + 1];
            Activation a = t + 2 == widths.length ? output : hidden;
            double[] next = new double[out];
            for (int i = 0; i < out; i++) {
                double z = bias ? theta[off + in * out + i] : 0;
                for (int j = 0; j < in; j++) {
                    z += theta[off + i * in + j] * h[j];
                }
                smallest = Math.min(smallest, Math.abs(z));
                next[i] = a.value(z);
            }
            off += in * out + (bias ? out : 0);
            h = next;
        }
        return smallest;
    }

    private static double[] scaled(double[] theta, double c) {
        double[] s = new double[theta.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = c * theta[i];
        }
        return s;
    }

    /** d/dc f_{cθ}(x) at c = 1, per output: ⟨∇_θ f, θ⟩. */
    double[] radialOutput(double[] theta, double[] x, int xOff) {
        double[] plus = forward(scaled(theta, 1 + STEP), x, xOff);
        double[] minus = forward(scaled(theta, 1 - STEP), x, xOff);
        double[] d = new double[plus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (plus[i] - minus[i]) / (2 * STEP);
        }
        return d;
    }

    /** d/dc ℓ(f_{cθ}(x), y) at c = 1: ⟨∇_θ ℓ, θ⟩. */
    double radialLoss(Loss loss, double[] theta, double[] x, int xOff, double[] y) {
        double plus = loss.value(forward(scaled(theta, 1 + STEP), x, xOff), y);
        double minus = loss.value(forward(scaled(theta, 1 - STEP), x, xOff), y);
        return (plus - minus) / (2 * STEP);
    }

    /** ⟨∂ℓ/∂f, f⟩ at (x, y). */
    double pairing(Loss loss, double[] theta, double[] x, int xOff, double[] y) {
        double[] f = forward(theta, x, xOff);
        double[] g = loss.gradient(f, y);
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += g[i] * f[i];
        }
        return s;
    }

    /** The two sides {lhs, rhs} (vectors) of an identity, by id; {@code model} picks the model Fisher. */
    double[][] sides(String id, boolean model, Loss loss, double[] theta, double[] x, double[] y) {
        int d = widths[0];
        int k = widths[widths.length - 1];
        int rows = x.length / d;
        double layers = depth() + 1;
        switch (id) {
            case "euler" -> {
                double[] f = forward(theta, x, 0);
                double[] rhs = new double[k];
                for (int i = 0; i < k; i++) {
                    rhs[i] = layers * f[i];
                }
                return new double[][] {radialOutput(theta, x, 0), rhs};
            }
            case "hinge-grad" -> {
                double[] f = forward(theta, x, 0);
                double[] lhs = loss.gradient(f, y);
                double[] rhs = new double[k];
                for (int i = 0; i < k; i++) {
                    rhs[i] = 1 - y[i] * f[i] > 0 ? -y[i] : 0;
                }
                return new double[][] {lhs, rhs};
            }
            default -> {
                double lhs = 0;
                double rhs = 0;
                for (int r = 0; r < rows; r++) {
                    double[] yr = new double[k];
                    if (y.length > 0) {
                        System.arraycopy(y, r * k, yr, 0, k);
                    }
                    switch (id) {
                        case "loss-euler" -> {
                            lhs += radialLoss(loss, theta, x, r * d, yr);
                            rhs += layers * pairing(loss, theta, x, r * d, yr);
                        }
                        case "fisher-rao" -> {
                            if (model) {
                                // square loss, y ~ N(f, I): ⟨∇ℓ, θ⟩ = ⟨f − y, ḟ⟩ and ⟨∂ℓ/∂f, f⟩ = ⟨f − y, f⟩
                                double[] f = forward(theta, x, r * d);
                                double[] fdot = radialOutput(theta, x, r * d);
                                for (int i = 0; i < k; i++) {
                                    lhs += fdot[i] * fdot[i];
                                    rhs += layers * layers * f[i] * f[i];
                                }
                            } else {
                                double g = radialLoss(loss, theta, x, r * d, yr);
                                double p = layers * pairing(loss, theta, x, r * d, yr);
                                lhs += g * g;
                                rhs += p * p;
                            }
                        }
                        default -> throw new IllegalArgumentException(id);
                    }
                }
                return new double[][] {{lhs / rows}, {rhs / rows}};
            }
        }
    }
}
